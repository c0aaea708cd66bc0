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

/** The event labels' font, as the stylesheet sets it for `.label`. */
const LABEL_FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
let labels: MeasureText | undefined;

/**
 * The measurer for event labels, shared by every timeline on the page. The first measurement loads
 * the font (~5–10 ms), so the page asks for one while it waits for its data.
 */
export function labelMeasure(): MeasureText {
  return (labels ??= canvasMeasure(LABEL_FONT));
}
