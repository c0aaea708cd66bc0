import { xmlSafe } from "../data/safeText";
import type { Dataset, TimelineEvent } from "../data/types";
import { formatEdtf, formatEventDate } from "../model/formatDate";

const SVG_NS = "http://www.w3.org/2000/svg";
// The computed properties that make the chart look as it does on screen; a standalone file has
// no stylesheet, so they are written onto each element.
const STYLE_PROPS = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "letter-spacing",
  "text-transform",
  "text-anchor",
  "dominant-baseline",
  "paint-order",
  "stroke-linejoin",
  "display",
  "visibility",
] as const;

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const style = STYLE_PROPS.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(";");
  target.setAttribute("style", style);
  for (let i = 0; i < source.children.length; i++) {
    const s = source.children[i]!,
      t = target.children[i];
    if (t !== undefined) inlineStyles(s, t);
  }
}

function text(x: number, y: number, content: string, style: string): SVGTextElement {
  const node = document.createElementNS(SVG_NS, "text");
  node.setAttribute("x", String(x));
  node.setAttribute("y", String(y));
  node.setAttribute("style", style);
  node.textContent = content; // data is text, never markup
  return node;
}

/**
 * The chart as a standalone SVG document that keeps its sources: title and visible range on top,
 * the lane legend, the chart as drawn, and numbered citations for the events shown (each event's
 * articles, and what each article is). Styles are resolved from the current theme.
 */
export function exportSvg(
  chart: SVGSVGElement,
  dataset: Dataset,
  shown: readonly TimelineEvent[],
  rangeText: string,
): string {
  // Computed values, not the variables: those hold light-dark() pairs a standalone file cannot resolve.
  const root = getComputedStyle(document.documentElement);
  const ink = root.color;
  const muted = ink;
  const paper = root.backgroundColor;
  const swatches = chart.querySelectorAll(".lane-swatch");
  const font = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif";
  const width = chart.width.baseVal.value,
    chartHeight = chart.height.baseVal.value;
  const articleNumber = new Map(dataset.articles.map((a, i) => [a.id, i + 1]));
  const cited = [...new Set(shown.flatMap((e) => e.sources.map((s) => s.article)))].sort(
    (a, b) => articleNumber.get(a)! - articleNumber.get(b)!,
  );

  const out = document.createElementNS(SVG_NS, "svg");
  out.setAttribute("xmlns", SVG_NS);
  const headerPx = 74,
    linePx = 16;
  const footerLines = 2 + shown.length + 1 + cited.length;
  const height = headerPx + chartHeight + 12 + footerLines * linePx;
  out.setAttribute("width", String(width));
  out.setAttribute("height", String(height));
  out.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", paper);
  out.append(background);
  out.append(text(12, 26, dataset.title, `${font};font-size:18px;font-weight:700;fill:${ink}`));
  out.append(
    text(12, 46, `${rangeText} \u00b7 ${shown.length} events shown`, `${font};font-size:12px;fill:${muted}`),
  );
  let x = 12;
  dataset.lanes.forEach((lane, i) => {
    const swatch = document.createElementNS(SVG_NS, "rect");
    swatch.setAttribute("x", String(x));
    swatch.setAttribute("y", "56");
    swatch.setAttribute("width", "10");
    swatch.setAttribute("height", "10");
    swatch.setAttribute(
      "style",
      `fill:${swatches[i] === undefined ? ink : getComputedStyle(swatches[i]!).fill}`,
    );
    out.append(swatch, text(x + 14, 65, lane.label, `${font};font-size:11px;fill:${muted}`));
    x += 28 + lane.label.length * 6.6;
  });

  const copy = chart.cloneNode(true) as SVGSVGElement;
  inlineStyles(chart, copy);
  copy.setAttribute("y", String(headerPx));
  copy.removeAttribute("style");
  out.append(copy);

  let y = headerPx + chartHeight + 12 + linePx;
  const line = (content: string, style = `${font};font-size:11px;fill:${ink}`) => {
    out.append(text(12, y, content, style));
    y += linePx;
  };
  line("Events shown and their sources", `${font};font-size:12px;font-weight:700;fill:${ink}`);
  shown.forEach((e, i) => {
    const refs = [...new Set(e.sources.map((s) => `A${articleNumber.get(s.article)}`))].join(", ");
    line(`${i + 1}. ${formatEventDate(e)}: ${e.title} [${refs}]`);
  });
  y += linePx / 2;
  line("Articles", `${font};font-size:12px;font-weight:700;fill:${ink}`);
  for (const id of cited) {
    const a = dataset.articles.find((article) => article.id === id)!;
    const published = a.published === undefined ? "" : `, published ${formatEdtf(a.published)}`;
    line(
      `A${articleNumber.get(id)}: ${a.title}${a.outlet === undefined ? "" : ` (${a.outlet})`}${published}${a.url === undefined ? "" : ` ${a.url}`}`,
    );
  }
  // Data may hold characters XML cannot (NUL, ESC, lone surrogates): removed, so the file is always
  // well-formed (and the PNG export, which decodes it as an image, always can).
  return xmlSafe(new XMLSerializer().serializeToString(out));
}

/** The largest canvas side and area Chromium, Firefox and Safari all draw (Safari: 16,777,216 pixels). */
const MAX_CANVAS_SIDE = 16_384;
const MAX_CANVAS_AREA = 16_777_216;

/**
 * The scale to draw a width × height image at: `preferred` when the canvas fits every browser's
 * limits, smaller when it does not, or undefined when even one pixel per CSS pixel would not fit.
 */
export function pngScale(width: number, height: number, preferred: number): number | undefined {
  const fit = Math.min(
    preferred,
    MAX_CANVAS_SIDE / width,
    MAX_CANVAS_SIDE / height,
    Math.sqrt(MAX_CANVAS_AREA / (width * height)),
  );
  // Rounded down, so the rounded canvas stays within the limits.
  return fit >= 1 ? Math.floor(fit * 1000) / 1000 : undefined;
}

/**
 * Renders an SVG document to a PNG at twice the CSS pixel size (sharp on high-density screens), less
 * when the image is too large for that. Rejects with a message a reader can act on when it cannot.
 */
export async function svgToPng(svgText: string, width: number, height: number, preferred = 2): Promise<Blob> {
  const scale = pngScale(width, height, preferred);
  if (scale === undefined)
    throw new Error(
      `the image would be ${Math.round(width)} × ${Math.round(height)} pixels, more than a browser can draw; show fewer events (zoom in or filter) or export SVG`,
    );
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(xmlSafe(svgText))}`;
  try {
    await image.decode();
  } catch {
    throw new Error("the browser could not draw the SVG image; export SVG instead");
  }
  const canvas = document.createElement("canvas");
  canvas.width = Math.floor(width * scale);
  canvas.height = Math.floor(height * scale);
  const context = canvas.getContext("2d");
  if (context === null) throw new Error("This browser cannot draw to a canvas.");
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob === null
          ? reject(new Error("the browser could not encode the PNG (out of memory?); export SVG instead"))
          : resolve(blob),
      "image/png",
    ),
  );
}
