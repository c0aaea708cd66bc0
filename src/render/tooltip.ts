/** Where to put a tooltip of a given size next to an anchor point, inside a container. */
export function placeTooltip(
  anchorX: number,
  anchorY: number,
  tipWidth: number,
  tipHeight: number,
  containerWidth: number,
  containerHeight: number,
): { left: number; top: number } {
  const margin = 8,
    offset = 14;
  const left = Math.min(
    Math.max(margin, anchorX - tipWidth / 2),
    Math.max(margin, containerWidth - tipWidth - margin),
  );
  // Below the mark when it fits, else above, else wherever it overflows least.
  const below = anchorY + offset;
  const above = anchorY - offset - tipHeight;
  const top = below + tipHeight <= containerHeight - margin || above < margin ? below : above;
  return { left, top: Math.max(margin, top) };
}
