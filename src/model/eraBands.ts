import type { Era } from "../data/types";
import type { TimeScale } from "./timeScale";
import { truncateLabel, type MeasureText } from "./truncateLabel";

/** An era as drawn: its band's x extent and, where it has room, its title's place and text. */
export interface EraBand {
  /** The era's index in the dataset's list (for its colour and its full title). */
  readonly era: number;
  readonly x0: number;
  readonly x1: number;
  /** The title fitted to the band's visible width; "" when there is no room for a word of it. */
  readonly label: string;
  readonly labelX: number;
}

/** Space between a band's edge (or the reserved left strip) and its title. */
export const ERA_LABEL_PAD_PX = 6;
/** A title cut shorter than this is left out: "B…" says nothing (the band's tooltip still names it). */
const MIN_LABEL_PX = 28;

/**
 * The bands of the eras that meet the drawn range, in the scale's pixels: `x` is the frame's one
 * scale, the drawn range is [-marginPx, widthPx + marginPx] (a drag slides it), and each title sits
 * at the start of the band's visible part, after `reservedLeftPx` (the axis's context line, which
 * shares the titles' row), cut to the band's visible width. Eras end inclusively (as events do), so
 * a band runs to the end of its end date's interval.
 */
export function eraBands(
  eras: readonly Era[],
  x: TimeScale,
  widthPx: number,
  measure: MeasureText,
  options: { marginPx?: number; reservedLeftPx?: number } = {},
): EraBand[] {
  // (+ 0: no -0 for a left edge without margins.)
  const left = -(options.marginPx ?? 0) + 0;
  const right = widthPx + (options.marginPx ?? 0);
  const reserved = options.reservedLeftPx ?? 0;
  const bands: EraBand[] = [];
  eras.forEach((era, i) => {
    const start = x(era.start.startMs);
    const end = x(Math.max(era.end.endMs, era.start.startMs));
    if (end <= left || start >= right) return;
    const x0 = Math.max(start, left);
    const x1 = Math.min(end, right);
    // The title is placed in the window shown now (not in the margins a drag may bring in).
    const labelX = Math.max(x0, reserved) + ERA_LABEL_PAD_PX;
    const room = Math.min(x1, widthPx) - ERA_LABEL_PAD_PX - labelX;
    const label =
      era.title === undefined || room < MIN_LABEL_PX ? "" : truncateLabel(era.title, room, measure);
    bands.push({ era: i, x0, x1, label, labelX });
  });
  return bands;
}

/**
 * The titles of the eras an instant falls in (where a phone's cards say which era an event belongs
 * to, as the chart's bands show it): start inclusive, end inclusive of its end date's interval.
 * Untitled eras say nothing.
 */
export function eraTitlesAt(eras: readonly Era[], ms: number): string[] {
  return eras
    .filter(
      (era) =>
        era.title !== undefined &&
        era.start.startMs <= ms &&
        ms < Math.max(era.end.endMs, era.start.startMs + 1),
    )
    .map((era) => era.title!);
}
