import { clusterCentre, holdsMatch, type ClusterMark } from "../model/layoutMarks";
import { BADGE_STRIP_PX } from "../model/markGeometry";
import { badgeAtlas, type Badge, type BadgeAtlas, type BadgeInk } from "./badgeAtlas";
import { formatCount } from "./marks";
import { laneColour } from "./palette";

/**
 * Resolved colours for drawing clusters on a canvas (which cannot read CSS variables), at the
 * device pixel ratio they were resolved for, with the badges drawn in them.
 */
export interface ClusterPaint extends BadgeInk {
  /** By lane colour index (see palette). */
  readonly lanes: readonly string[];
  readonly ratio: number;
  readonly atlas: BadgeAtlas;
}

/**
 * Draws clusters (extent bar, badge, count) on canvases laid over the plot, one strip per lane along
 * its overflow row, where every cluster of the lane sits (a canvas over the whole plot would hold
 * megabytes of transparent pixels). At 10,000 events a window shows ~150 clusters; as SVG their ~600
 * elements took half of every zoom or pan frame in style, layout and paint. Badges are copied from
 * an atlas (see badgeAtlas). Clusters are not focusable and are hit-tested from the layout, so
 * nothing is lost to assistive technology; the SVG export draws them as SVG.
 */
export function paintClusters(
  layer: HTMLElement,
  clusters: readonly ClusterMark[],
  widthPx: number,
  /** The clusters reach this far beyond each edge (see layoutMarks); the strips are that much wider. */
  marginPx: number,
  paint: ClusterPaint,
  matches?: Uint8Array,
): void {
  const { ratio, atlas } = paint;
  const colourOf = (c: ClusterMark) => paint.lanes[c.lane % paint.lanes.length]!;
  // Searching dims the clusters without a match.
  const alphas = clusters.map((c) => (matches === undefined || holdsMatch(c, matches) ? 1 : 0.25));
  // Every badge's cell first, then the copies (see badgeAtlas).
  const badges = clusters.map((c): Badge => [colourOf(c), formatCount(c.count)]);
  const cells = atlas.cells(badges);
  const strips = layer.children as HTMLCollectionOf<HTMLCanvasElement>;
  let used = 0;
  // Clusters come lane by lane (see mergeCrowded): each run is one lane's, on its strip.
  for (let from = 0, to = 0; from < clusters.length; from = to) {
    const lane = clusters[from]!.lane;
    while (to < clusters.length && clusters[to]!.lane === lane) to++;
    const canvas = strips[used++] ?? layer.appendChild(document.createElement("canvas"));
    canvas.hidden = false;
    const top = clusters[from]!.y - BADGE_STRIP_PX / 2;
    if (canvas.style.top !== `${top}px`) canvas.style.top = `${top}px`;
    const cssWidth = widthPx + 2 * marginPx;
    const width = Math.round(cssWidth * ratio),
      height = Math.round(BADGE_STRIP_PX * ratio);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      canvas.style.width = `${cssWidth}px`;
      canvas.style.height = `${BADGE_STRIP_PX}px`;
    }
    if (canvas.style.left !== `${-marginPx}px`) canvas.style.left = `${-marginPx}px`;
    const context = canvas.getContext("2d");
    if (context === null) continue;
    context.setTransform(ratio, 0, 0, ratio, marginPx * ratio, 0);
    context.clearRect(-marginPx, 0, cssWidth, BADGE_STRIP_PX);
    const mid = BADGE_STRIP_PX / 2;
    // Extents under the badges: one path for each run of clusters with the same alpha. (A context
    // keeps its path from frame to frame: each is begun afresh.)
    context.fillStyle = colourOf(clusters[from]!);
    context.beginPath();
    for (let i = from; i < to; i++) {
      if (i > from && alphas[i - 1] !== alphas[i]) {
        context.fill();
        context.beginPath();
      }
      context.globalAlpha = alphas[i]! * 0.25;
      const c = clusters[i]!;
      context.roundRect(c.x0, mid - 3, Math.max(0, c.x1 - c.x0), 6, 3);
    }
    context.fill();
    for (let i = from; i < to; i++) {
      context.globalAlpha = alphas[i]!;
      atlas.draw(context, cells[i]!, badges[i]!, clusterCentre(clusters[i]!), mid);
    }
    context.globalAlpha = 1;
  }
  for (let i = used; i < strips.length; i++) strips[i]!.hidden = true;
}

/**
 * Reads the current theme's lane and paper colours (resolved from CSS variables) for the canvas, at
 * the current pixel ratio; the timeline reads them again when either changes.
 */
export function clusterPaint(probe: HTMLElement): ClusterPaint {
  const resolve = (value: string) => {
    probe.style.color = value;
    return getComputedStyle(probe).color;
  };
  const lanes = Array.from({ length: 8 }, (_, i) => resolve(laneColour(i)));
  const paper = resolve("var(--paper)");
  probe.style.color = "";
  const ink = { paper, font: `700 10px ${getComputedStyle(probe).fontFamily}` };
  const ratio = window.devicePixelRatio || 1;
  return { ...ink, lanes, ratio, atlas: badgeAtlas(ink, ratio) };
}
