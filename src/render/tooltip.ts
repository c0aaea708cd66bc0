/**
 * Where to put a tooltip of a given size next to an anchor point inside a container: beside the
 * mark (right when it fits there, else left), so it never covers the mark or the row being read;
 * where neither side has room (a phone), below the mark, else above; always clamped inside the
 * container.
 */
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
  const clampLeft = (x: number) =>
    Math.min(Math.max(margin, x), Math.max(margin, containerWidth - tipWidth - margin));
  const clampTop = (y: number) => Math.max(margin, Math.min(y, containerHeight - tipHeight - margin));
  const roomRight = containerWidth - margin - (anchorX + offset);
  const roomLeft = anchorX - offset - margin;
  if (Math.max(roomLeft, roomRight) >= tipWidth) {
    const left = roomRight >= tipWidth ? anchorX + offset : anchorX - offset - tipWidth;
    return { left, top: clampTop(anchorY - tipHeight / 2) };
  }
  if (tipHeight <= containerHeight - margin - (anchorY + offset)) {
    return { left: clampLeft(anchorX - tipWidth / 2), top: anchorY + offset };
  }
  if (tipHeight <= anchorY - offset - margin) {
    return { left: clampLeft(anchorX - tipWidth / 2), top: anchorY - offset - tipHeight };
  }
  return { left: clampLeft(anchorX - tipWidth / 2), top: clampTop(anchorY + offset) };
}
