/**
 * Vertical layout of the lanes: each lane has a header line, its labelled rows and one overflow
 * row (for unlabelled marks and clusters). Rows are shared out by demand, so a busy lane gets room
 * an empty one does not need.
 */
export interface LaneGeometry {
  /** Labelled rows of each lane. */
  readonly rows: readonly number[];
  readonly rowHeightPx: number;
  readonly headerPx: number;
  readonly laneTopPx: readonly number[];
  readonly laneHeightPx: readonly number[];
  readonly heightPx: number;
}

export const ROW_HEIGHT_PX = 22;
export const LANE_HEADER_PX = 18;
/** A lane with nothing in the window is its header and this much space: room goes to lanes with events. */
export const EMPTY_LANE_PAD_PX = 6;
/** The most labelled rows a lane asks for; beyond it events go to the overflow row. */
export const MAX_ROWS = 16;

/**
 * Shares `availablePx` among lanes: every lane gets at least one labelled row, then rows go one at
 * a time to the lane with the most unmet demand (ties to the earlier lane).
 */
export function laneGeometry(demand: readonly number[], availablePx: number): LaneGeometry {
  const n = demand.length;
  // Header, one labelled row and the overflow row; a lane with no demand (nothing in the window),
  // its header alone.
  const fixedPx = demand.reduce(
    (sum, d) => sum + (d > 0 ? LANE_HEADER_PX + 2 * ROW_HEIGHT_PX : LANE_HEADER_PX + EMPTY_LANE_PAD_PX),
    0,
  );
  let spare = Math.max(0, Math.floor((availablePx - fixedPx) / ROW_HEIGHT_PX));
  const rows = demand.map((d) => (d > 0 ? 1 : 0));
  while (spare > 0) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      const unmet = Math.min(demand[i]!, MAX_ROWS) - rows[i]!;
      if (unmet > 0 && (best < 0 || unmet > Math.min(demand[best]!, MAX_ROWS) - rows[best]!)) best = i;
    }
    if (best < 0) break;
    rows[best]!++;
    spare--;
  }
  return geometryOfRows(rows);
}

/** The lanes stacked top to bottom, each with the given number of labelled rows. */
export function geometryOfRows(rows: readonly number[]): LaneGeometry {
  const laneHeightPx = rows.map((r) =>
    r > 0 ? LANE_HEADER_PX + (r + 1) * ROW_HEIGHT_PX : LANE_HEADER_PX + EMPTY_LANE_PAD_PX,
  );
  const laneTopPx: number[] = [];
  let top = 0;
  for (const h of laneHeightPx) {
    laneTopPx.push(top);
    top += h;
  }
  return {
    rows,
    rowHeightPx: ROW_HEIGHT_PX,
    headerPx: LANE_HEADER_PX,
    laneTopPx,
    laneHeightPx,
    heightPx: top,
  };
}

/** Centre y of a row in a lane; row −1 is the lane's overflow row, below the labelled rows. */
export function rowCentrePx(geometry: LaneGeometry, lane: number, row: number): number {
  const r = row < 0 ? (geometry.rows[lane] ?? 0) : row;
  return (geometry.laneTopPx[lane] ?? 0) + geometry.headerPx + (r + 0.5) * geometry.rowHeightPx;
}
