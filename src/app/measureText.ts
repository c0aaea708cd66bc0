import type { MeasureText } from "../model/truncateLabel";

/** Label widths from a canvas with the labels' font, cached per string (labels repeat every frame). */
export function canvasMeasure(font: string): MeasureText {
  const context = document.createElement("canvas").getContext("2d");
  const cache = new Map<string, number>();
  if (context === null) return (text) => text.length * 7;
  context.font = font;
  return (text) => {
    let width = cache.get(text);
    if (width === undefined) {
      width = context.measureText(text).width;
      cache.set(text, width);
    }
    return width;
  };
}
