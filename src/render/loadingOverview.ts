import { density, type Arrivals } from "../model/arrivals";
import type { TimeScale } from "../model/timeScale";
import { laneColour } from "./palette";
import "../styles/loadingView.css";

/** Height of one lane's strip, px. */
export const ROW_PX = 34;
/** Height of the axis under the strips, px. */
export const AXIS_PX = 22;

/** The parts of the loading view (see app/loadingPreview). */
export interface LoadingDom {
  readonly status: HTMLElement;
  readonly progress: HTMLProgressElement;
  readonly canvas: HTMLCanvasElement;
  /** How to zoom and pan the canvas: shown with it. */
  readonly hint: HTMLElement;
}

/**
 * Replaces what `container` shows with the loading view: a status line (read out politely), a
 * progress bar, and a canvas where the events checked so far are drawn lane by lane.
 */
export function createLoadingDom(container: HTMLElement): LoadingDom {
  const wrap = document.createElement("div");
  wrap.className = "loading-view";
  const status = document.createElement("p");
  status.className = "loading";
  status.setAttribute("role", "status");
  const progress = document.createElement("progress");
  progress.className = "load-progress";
  progress.max = 1;
  progress.setAttribute("aria-label", "Loading progress");
  const canvas = document.createElement("canvas");
  canvas.className = "loading-overview";
  canvas.tabIndex = 0;
  canvas.setAttribute("role", "img");
  canvas.hidden = true;
  const hint = document.createElement("p");
  hint.className = "loading-hint";
  hint.textContent =
    "Events are drawn as they are checked: scroll or pinch to zoom, drag to pan, while the rest loads.";
  hint.hidden = true;
  wrap.append(status, progress, canvas, hint);
  container.setAttribute("aria-busy", "true");
  container.replaceChildren(wrap);
  return { status, progress, canvas, hint };
}

/** Lane colours and ink, resolved from the theme's CSS variables (a canvas cannot read them). */
export interface OverviewInk {
  readonly lanes: readonly string[];
  readonly ink: string;
  readonly muted: string;
  readonly rule: string;
  readonly font: string;
  readonly ratio: number;
  /** A tick's label, as the chart's axis writes it. */
  readonly formatTick: (tick: Date) => string;
}

export function overviewInk(probe: HTMLElement, formatTick: (tick: Date) => string): OverviewInk {
  const resolve = (value: string) => {
    probe.style.color = value;
    return getComputedStyle(probe).color;
  };
  const lanes = Array.from({ length: 8 }, (_, i) => resolve(laneColour(i)));
  const ink = resolve("var(--ink)");
  const muted = resolve("var(--ink-muted)");
  const rule = resolve("var(--rule)");
  probe.style.color = "";
  const font = `12px ${getComputedStyle(probe).fontFamily}`;
  return { lanes, ink, muted, rule, font, ratio: window.devicePixelRatio || 1, formatTick };
}

/**
 * Draws the arrivals in the window `x` shows: one strip per lane, with a bar per few pixels whose
 * height grows with the square root of the events starting there (so a lone event still shows
 * beside a burst of hundreds), the lane's label over it, and a time axis beneath. Returns how many
 * events start inside the window.
 */
export function drawOverview(
  canvas: HTMLCanvasElement,
  arrivals: Arrivals,
  laneLabels: readonly string[],
  x: TimeScale,
  ink: OverviewInk,
): number {
  const [, widthPx] = x.range() as [number, number];
  const rows = Math.max(1, laneLabels.length);
  const heightPx = rows * ROW_PX + AXIS_PX;
  const { ratio } = ink;
  if (canvas.width !== Math.round(widthPx * ratio) || canvas.height !== Math.round(heightPx * ratio)) {
    canvas.width = Math.round(widthPx * ratio);
    canvas.height = Math.round(heightPx * ratio);
    canvas.style.height = `${heightPx}px`;
  }
  const context = canvas.getContext("2d");
  if (context === null) return 0;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, widthPx, heightPx);
  const counted = density(arrivals, x, rows);
  const barSpace = ROW_PX - 16;
  context.font = ink.font;
  context.textBaseline = "top";
  for (let row = 0; row < rows; row++) {
    const top = row * ROW_PX;
    context.fillStyle = ink.rule;
    context.fillRect(0, top + ROW_PX - 1, widthPx, 1);
    context.fillStyle = ink.lanes[row % ink.lanes.length]!;
    for (let column = 0; column < counted.columns; column++) {
      const n = counted.counts[row * counted.columns + column]!;
      if (n === 0) continue;
      const h = Math.max(2, barSpace * Math.sqrt(n / counted.max));
      context.fillRect(column * counted.columnPx, top + ROW_PX - 1 - h, counted.columnPx - 0.5, h);
    }
    context.fillStyle = ink.ink;
    context.fillText(laneLabels[row] ?? "", 4, top + 2);
  }
  drawAxis(context, x, widthPx, rows * ROW_PX, ink);
  return counted.inView;
}

function drawAxis(
  context: CanvasRenderingContext2D,
  x: TimeScale,
  widthPx: number,
  top: number,
  ink: OverviewInk,
): void {
  context.fillStyle = ink.muted;
  context.fillRect(0, top, widthPx, 1);
  context.textBaseline = "top";
  let lastEnd = -Infinity;
  for (const tick of x.ticks(Math.max(2, Math.floor(widthPx / 110)))) {
    const px = x(tick);
    const label = ink.formatTick(tick);
    const labelPx = context.measureText(label).width;
    context.fillRect(px, top, 1, 5);
    // Labels never overlap, nor run off the right edge.
    if (px < lastEnd + 8 || px + labelPx > widthPx) continue;
    context.fillText(label, px + 2, top + 6);
    lastEnd = px + 2 + labelPx;
  }
}
