import { xmlSafe } from "../data/safeText";
import type { Dataset } from "../data/types";
import { creditLine, listNumbers } from "../model/eventNumbers";
import { formatEdtf, formatEventDate } from "../model/formatDate";
import type { Layout } from "../model/marks";
import { reportCount } from "../model/reportingStatus";
import { wrapText, type MeasureText } from "../model/truncateLabel";
import { numberChart } from "./exportAnnotate";
// Clusters drawn as SVG come with the export's code: only a picture of the chart needs them.
export { renderClusters } from "./svgClusters";

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

/** What a picture of the chart is made from. */
export interface ChartPicture {
  /** The chart as drawn (with its clusters as SVG: see withSvgClusters). */
  readonly chart: SVGSVGElement;
  readonly layout: Layout | undefined;
  /** The events listed with the picture, in list order: each is drawn with its number here. */
  readonly listed: readonly number[];
  /** The window in words, as the readout says it. */
  readonly rangeText: string;
  /** Measures text in the labels' font. */
  readonly measure: MeasureText;
  /** When it is made (for the credit line), UTC ms. */
  readonly madeAtMs: number;
}

const FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif";
const LINE_PX = 16;
const MARGIN_PX = 12;

/**
 * The chart as a standalone SVG document that keeps its sources: title and visible range on top,
 * the lane legend, the chart as drawn with each event's number from the list below it, the
 * numbered list (each event's articles), the articles, and a credit line. Styles are resolved from
 * the current theme.
 */
export function exportSvg(picture: ChartPicture, dataset: Dataset): string {
  // Data may hold characters XML cannot (NUL, ESC, lone surrogates): removed, so the file is always
  // well-formed (and the PNG export, which decodes it as an image, always can).
  return xmlSafe(new XMLSerializer().serializeToString(composeChart(picture, dataset, "export")));
}

/**
 * The chart for print: as exported, without the title and key (the page prints its own) and
 * without the list (the page's list prints after it, with the same numbers).
 */
export function printChart(picture: ChartPicture, dataset: Dataset): SVGSVGElement {
  return composeChart(picture, dataset, "print");
}

interface FooterLine {
  readonly text: string;
  readonly kind: "heading" | "line" | "credit";
}

/**
 * The lines under the chart, wrapped to its width: for an export the numbered list and the
 * articles; always the credit line.
 */
function footerLines(picture: ChartPicture, dataset: Dataset, widthPx: number, mode: "export" | "print") {
  const { listed, measure } = picture;
  const articleNumber = new Map(dataset.articles.map((a, i) => [a.id, i + 1]));
  const cited = [...new Set(listed.flatMap((e) => dataset.events[e]!.sources.map((s) => s.article)))]
    .sort((a, b) => articleNumber.get(a)! - articleNumber.get(b)!)
    .map((id) => dataset.articles[articleNumber.get(id)! - 1]!);
  // 11 px text, measured in the 12 px label font.
  const lines: FooterLine[] = [];
  const add = (text: string, kind: FooterLine["kind"] = "line") => {
    if (kind === "heading") lines.push({ text, kind });
    else
      for (const part of wrapText(text, (widthPx - 2 * MARGIN_PX) * (12 / 11), measure))
        lines.push({ text: part, kind });
  };
  if (mode === "export") {
    add("Events shown and their sources", "heading");
    // Numbered as on the chart: the list is in the order the numbers were given (listNumbers).
    for (const [e, n] of listNumbers(listed)) {
      const event = dataset.events[e]!;
      const refs = [...new Set(event.sources.map((s) => `A${articleNumber.get(s.article)}`))].join(", ");
      add(`${n}. ${formatEventDate(event)}: ${event.title} [${refs}]`);
    }
    add("Articles", "heading");
    for (const a of cited) {
      const published = a.published === undefined ? "" : `, published ${formatEdtf(a.published)}`;
      add(
        `A${articleNumber.get(a.id)}: ${a.title}${a.outlet === undefined ? "" : ` (${a.outlet})`}${published}${a.url === undefined ? "" : ` ${a.url}`}`,
      );
    }
  }
  const made = mode === "export" ? "Exported" : "Printed";
  add(
    creditLine(
      dataset.title,
      cited.map((a) => a.title),
      picture.madeAtMs,
      made,
    ),
    "credit",
  );
  return lines;
}

function composeChart(picture: ChartPicture, dataset: Dataset, mode: "export" | "print"): SVGSVGElement {
  const { chart, listed } = picture;
  // Computed values, not the variables: those hold light-dark() pairs a standalone file cannot resolve.
  const root = getComputedStyle(document.documentElement);
  const ink = root.color;
  const paper = root.backgroundColor;
  const width = chart.width.baseVal.value,
    chartHeight = chart.height.baseVal.value;
  const footer = footerLines(picture, dataset, width, mode);
  const headerPx = mode === "export" ? 74 : 26;
  // Baselines: half a line more before each section (a heading, the credit line).
  let y = headerPx + chartHeight + 12;
  const baselines = footer.map((line, i) => {
    const opens = i > 0 && line.kind !== "line" && footer[i - 1]!.kind !== line.kind;
    return (y += LINE_PX + (opens ? LINE_PX / 2 : 0));
  });
  const height = y + LINE_PX;
  const out = document.createElementNS(SVG_NS, "svg");
  out.setAttribute("xmlns", SVG_NS);
  out.setAttribute("width", String(width));
  out.setAttribute("height", String(height));
  out.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", paper);
  out.append(background);
  const range =
    mode === "export"
      ? `${picture.rangeText} \u00b7 ${listed.length} events shown, numbered as in the list below`
      : `${picture.rangeText} \u00b7 events numbered as in the list that follows`;
  if (mode === "export") {
    out.append(text(MARGIN_PX, 26, dataset.title, `${FONT};font-size:18px;font-weight:700;fill:${ink}`));
    out.append(text(MARGIN_PX, 46, range, `${FONT};font-size:12px;fill:${ink}`));
    appendLegend(out, chart, dataset, ink);
  } else out.append(text(MARGIN_PX, 16, range, `${FONT};font-size:12px;fill:${ink}`));

  const copy = chart.cloneNode(true) as SVGSVGElement;
  inlineStyles(chart, copy);
  copy.setAttribute("y", String(headerPx));
  copy.removeAttribute("style");
  const count = (e: number) => reportCount(dataset.events[e]!);
  if (picture.layout !== undefined)
    numberChart(copy, {
      layout: picture.layout,
      widthPx: width,
      numbers: listNumbers(listed),
      measure: picture.measure,
      eventId: (e) => dataset.events[e]!.id,
      title: (e) => dataset.events[e]!.title,
      suffix: (e) => (count(e) > 1 ? ` \u00b7 ${count(e)} sources` : ""),
      ink,
      paper,
    });
  out.append(copy);

  footer.forEach((line, i) => {
    const size = line.kind === "heading" ? "font-size:12px;font-weight:700" : "font-size:11px";
    const node = text(MARGIN_PX, baselines[i]!, line.text, `${FONT};${size};fill:${ink}`);
    if (line.kind === "credit") node.setAttribute("class", "credit");
    out.append(node);
  });
  return out;
}

/** The lanes' colours and names, in a row under the title. */
function appendLegend(out: SVGSVGElement, chart: SVGSVGElement, dataset: Dataset, ink: string): void {
  const swatches = chart.querySelectorAll(".lane-swatch");
  let x = MARGIN_PX;
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
    out.append(swatch, text(x + 14, 65, lane.label, `${FONT};font-size:11px;fill:${ink}`));
    x += 28 + lane.label.length * 6.6;
  });
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
