/**
 * The sizes of everything drawn for an event or a cluster, in CSS px. Layout (where labels go and
 * what collides), hit-testing (what the pointer reaches) and rendering (what is drawn) all read them
 * from here, so a mark is hit exactly where it is drawn.
 */

/** Radius of a point event's dot. */
export const POINT_RADIUS_PX = 5;
/** Height of a span's chip (and of a day-precise point's shaded day). */
export const CHIP_HEIGHT_PX = 16;
/** Corner radius of a span's chip. */
export const CHIP_CORNER_PX = 3;
/** Padding between a chip's edge and a label drawn inside it. */
export const CHIP_PAD_PX = 5;
/** Gap between a mark and its label. */
export const LABEL_GAP_PX = 5;
/** Radius of a cluster's counted badge. */
export const BADGE_RADIUS_PX = 9;
/** Badges closer than this (centre to centre) would overlap: two radii and a gap. */
export const BADGE_SPACING_PX = 2 * BADGE_RADIUS_PX + 4;
/** Height of the canvas strip a lane's badges are painted on: a badge and its outline. */
export const BADGE_STRIP_PX = 24;
/** Space left between two labelled marks on the same row. */
export const ROW_GAP_PX = 10;
/** Overflow marks closer than this become one cluster. */
export const CLUSTER_GAP_PX = 6;
