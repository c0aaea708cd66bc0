// Lane colours are CSS variables (--lane-0 … --lane-7) so each theme can tune them for contrast:
// Okabe–Ito hues, distinguishable with the common colour-vision deficiencies. Lanes beyond eight
// reuse them; lane position and labels keep them apart, so colour is never the only cue.
const LANE_COLOURS = 8;

/** Name of the CSS variable holding a lane's colour, e.g. "--lane-2". */
export function laneVariable(lane: number): string {
  return `--lane-${lane % LANE_COLOURS}`;
}

/** Colour of the lane with the given display number, as a CSS value. */
export function laneColour(lane: number): string {
  return `var(${laneVariable(lane)})`;
}
