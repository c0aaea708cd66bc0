// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, and dark enough
// for text on white. Lanes beyond eight reuse them; lane labels keep them apart.
const LANE_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8A6D00", "#56B4E9", "#6A3D9A", "#555555"];

/** Colour of the lane with the given display number. */
export function laneColour(lane: number): string {
  return LANE_COLOURS[lane % LANE_COLOURS.length]!;
}
