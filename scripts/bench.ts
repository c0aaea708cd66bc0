// npm run bench [-- --quick] [-- --strict] [-- --reps N]: builds the production site, serves it on
// 127.0.0.1 and drives Chromium (1280×800, no CPU throttling: the real machine) over the bundled
// dataset and generated ones of 1,000 / 10,000 / 100,000 events. Measures first render, frame times
// while zooming with the wheel and drag-panning, hover latency, JS heap and the gzipped bundle, each
// the median of fresh-page repetitions; prints a table against the budgets and writes
// bench/results.json. It is a report: exit code 0 even over budget, unless --strict.
//
// --quick: one repetition, no 100k dataset (for development).
//
// Code that runs in the page is passed as strings: tsx may wrap functions with helpers (__name) that
// do not exist in the browser.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, platform, release, totalmem } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { build, preview, type PreviewServer } from "vite";
import { BUDGETS } from "../bench/budgets";
import { bundleSize, kB, PAGE_BUDGET_KB, WORKER_BUDGET_KB } from "./checkBundleSize";
import { launchChromium } from "./lib/chromium";
import { generateDataset } from "./lib/generate";

const OUT_DIR = "node_modules/.cache/bench-dist";
const RESULTS = "bench/results.json";
const VIEWPORT = { width: 1280, height: 800 };
const SEED = 1;
/** From navigation to `html[data-ready=true]`. */
const LOAD_TIMEOUT_MS = 60_000;
/** Any single step after load (a wheel tick, a mouse move, an evaluate, a CDP call). */
const STEP_TIMEOUT_MS = 20_000;
/** A whole interaction (all wheel ticks, all drags). */
const INTERACTION_TIMEOUT_MS = 90_000;
const MB = 1e6;
const FRAME_MS = 1000 / 60;

// ---------------------------------------------------------------------------------------------
// Options

/** The command line's options (read only when run as a script: bench-ab imports the measurements). */
function options() {
  const { values: flags } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      reps: { type: "string" },
    },
    strict: true,
  });
  const quick = flags.quick === true;
  const reps = flags.reps !== undefined ? Math.max(1, Number.parseInt(flags.reps, 10) || 1) : quick ? 1 : 3;
  return {
    quick,
    strict: flags.strict === true,
    reps,
    sizes: quick ? [1_000, 10_000] : [1_000, 10_000, 100_000],
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** A metric's value, or why it could not be measured. */
type Value = number | "timeout" | "error" | "n/a";

class StepTimeout extends Error {}

/** Rejects with StepTimeout after `ms`; the late promise's own rejection is swallowed. */
function withTimeout<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  promise.catch(() => undefined);
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StepTimeout(`${label}: no answer within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const failure = (error: unknown): "timeout" | "error" =>
  error instanceof StepTimeout || (error instanceof Error && error.name === "TimeoutError")
    ? "timeout"
    : "error";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i),
    hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

export const median = (values: readonly number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

// ---------------------------------------------------------------------------------------------
// In-page scripts

/** Runs before the page's own scripts: notes when the first render has also been painted. */
const INIT_SCRIPT = `(() => {
  const mark = performance.mark.bind(performance);
  performance.mark = function (name, options) {
    const entry = mark(name, options);
    if (name === "timeline:first-render") {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { window.__benchPainted = performance.now(); };
        channel.port2.postMessage(0);
      });
    }
    return entry;
  };
})()`;

const READY = `document.documentElement.dataset.ready === "true"`;

const READ_MARKS = `(() => {
  const at = (name) => { const e = performance.getEntriesByName(name)[0]; return e ? e.startTime : null; };
  const nav = performance.getEntriesByType("navigation")[0];
  // A fetched file arrived when its last byte did (Resource Timing): reading and checking it after
  // that is the app's own time. The page's mark stands for data that is not fetched (the bundled story).
  const data = new URLSearchParams(location.search).get("data");
  const file = data ? performance.getEntriesByName(new URL(data, location.href).href)[0] : undefined;
  return {
    arrived: file ? file.responseEnd : at("timeline:data-arrived"),
    firstRender: at("timeline:first-render"),
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
    painted: window.__benchPainted ?? null,
    marks: document.querySelectorAll("g.event[data-event-id]").length,
    clusters: window.timeline ? window.timeline.clusters.length : 0,
    svgNodes: document.querySelectorAll("svg.chart *").length,
  };
})()`;

/** Where the chart is on screen (its visible part, inside the scrollable viewport). */
const CHART_BOX = `(() => {
  const svg = document.querySelector("svg.chart");
  if (!svg) return null;
  const r = svg.getBoundingClientRect();
  const v = (svg.closest(".viewport") || svg).getBoundingClientRect();
  const top = Math.max(r.top, v.top, 0), bottom = Math.min(r.bottom, v.bottom, innerHeight);
  const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth);
  return { x: left, y: top, width: right - left, height: bottom - top };
})()`;

/**
 * Picks a visible event mark (dot or chip) nearest the chart's middle, else a cluster badge, and
 * arms the hover probe: a capturing pointermove listener stamps the input and a MutationObserver on the tooltip's `hidden` notes when it is shown; a
 * message posted then arrives after that frame has been rendered (style, layout, paint).
 */
const ARM_HOVER = `(() => {
  const tip = document.querySelector("[role=tooltip]");
  const svg = document.querySelector("svg.chart");
  if (!tip || !svg) return { error: "no tooltip or chart" };
  if (!tip.hidden) return { error: "tooltip already visible" };
  const view = (svg.closest(".viewport") || svg).getBoundingClientRect();
  const chart = svg.getBoundingClientRect();
  const cx = chart.left + chart.width / 2, cy = (Math.max(view.top, 0) + Math.min(view.bottom, innerHeight)) / 2;
  const pick = (selector) => {
    let best = null;
    for (const node of document.querySelectorAll(selector)) {
      const r = node.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const x = r.left + Math.min(r.width, 24) / 2, y = r.top + r.height / 2;
      if (x < Math.max(view.left, 0) + 2 || x > Math.min(view.right, innerWidth) - 2) continue;
      if (y < Math.max(view.top, 0) + 2 || y > Math.min(view.bottom, innerHeight) - 2) continue;
      const d = (x - cx) ** 2 + (y - cy) ** 2;
      if (best === null || d < best.d) best = { x, y, d };
    }
    return best;
  };
  let target = pick("g.event[data-event-id] .dot, g.event[data-event-id] .chip");
  let kind = "event";
  if (target === null) {
    // Clusters are painted on a canvas: their centres come from the timeline.
    for (const c of window.timeline.clusters) {
      const x = chart.left + c.x, y = chart.top + c.y;
      if (x < Math.max(view.left, 0) + 2 || x > Math.min(view.right, innerWidth) - 2) continue;
      if (y < Math.max(view.top, 0) + 2 || y > Math.min(view.bottom, innerHeight) - 2) continue;
      const d = (x - cx) ** 2 + (y - cy) ** 2;
      if (target === null || d < target.d) target = { x, y, d };
    }
    kind = "cluster";
  }
  if (target === null) return { error: "no visible event mark or cluster" };
  const st = (window.__hover = { t0: null, inputTs: null, shown: null, painted: null });
  window.addEventListener("pointermove", (ev) => {
    if (st.t0 !== null || !svg.contains(ev.target)) return;
    st.t0 = performance.now();
    st.inputTs = ev.timeStamp;
  }, true);
  new MutationObserver(() => {
    if (st.t0 === null || st.shown !== null || tip.hidden) return;
    st.shown = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { st.painted = performance.now(); };
    channel.port2.postMessage(0);
  }).observe(tip, { attributes: true, attributeFilter: ["hidden"] });
  return { x: target.x, y: target.y, kind };
})()`;

/**
 * Frame probe: per animation frame, the delta between frame timestamps (the rAF argument, on the
 * performance.now() clock) and the main-thread work of the frame (from its start until a message
 * posted in rAF arrives, i.e. after input handling, the app's rAF render, style, layout and paint).
 */
const START_PROBE = `(() => {
  const p = (window.__probe = { deltas: [], work: [], running: true });
  let last = null, frameStart = 0;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { p.work.push(performance.now() - frameStart); };
  const tick = (ts) => {
    if (!p.running) return;
    if (last !== null) p.deltas.push(ts - last);
    last = ts;
    frameStart = ts;
    channel.port2.postMessage(0);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

const STOP_PROBE = `(() => { const p = window.__probe; p.running = false; return { deltas: p.deltas, work: p.work }; })()`;

// ---------------------------------------------------------------------------------------------
// One repetition on a fresh page

interface Run {
  firstRenderMs: Value;
  firstRenderFromDclMs: Value;
  /** First render plus the frame that paints it, from data arrival (not budgeted). */
  firstPaintMs: Value;
  /** Navigation start → data-ready (includes fetching and parsing the JSON). */
  readyMs: Value;
  marks: Value;
  clusters: Value;
  svgNodes: Value;
  heapLoadMB: Value;
  hoverMs: Value;
  hoverFromHandlerMs: Value;
  hoverFrames: Value;
  /** Input → the tooltip's `hidden` flipped (the app's handler and render). */
  hoverShownMs: Value;
  hoverTarget: string;
  wheel: FrameStats | "timeout" | "error";
  pan: FrameStats | "timeout" | "error";
  frames: FrameStats | "timeout" | "error";
  heapInteractionMB: Value;
  errors: string[];
}

interface FrameStats {
  count: number;
  p50: number;
  p95: number;
  max: number;
  over50: number;
  workP50: number;
  workP95: number;
  workMax: number;
}

export function frameStats(deltas: readonly number[], work: readonly number[]): FrameStats {
  const d = [...deltas].sort((a, b) => a - b);
  const w = [...work].sort((a, b) => a - b);
  return {
    count: d.length,
    p50: quantile(d, 0.5),
    p95: quantile(d, 0.95),
    max: d.at(-1) ?? Number.NaN,
    over50: d.filter((x) => x > 50).length,
    workP50: quantile(w, 0.5),
    workP95: quantile(w, 0.95),
    workMax: w.at(-1) ?? Number.NaN,
  };
}

function emptyRun(): Run {
  return {
    firstRenderMs: "n/a",
    firstRenderFromDclMs: "n/a",
    firstPaintMs: "n/a",
    readyMs: "n/a",
    marks: "n/a",
    clusters: "n/a",
    svgNodes: "n/a",
    heapLoadMB: "n/a",
    hoverMs: "n/a",
    hoverFromHandlerMs: "n/a",
    hoverFrames: "n/a",
    hoverShownMs: "n/a",
    hoverTarget: "",
    wheel: "error",
    pan: "error",
    frames: "error",
    heapInteractionMB: "n/a",
    errors: [],
  };
}

async function heapMB(cdp: CDPSession): Promise<number> {
  await withTimeout(cdp.send("HeapProfiler.collectGarbage"), STEP_TIMEOUT_MS, "collectGarbage");
  const usage = await withTimeout(cdp.send("Runtime.getHeapUsage"), STEP_TIMEOUT_MS, "getHeapUsage");
  return usage.usedSize / MB;
}

function evaluate<T>(page: Page, script: string, label: string): Promise<T> {
  return withTimeout(page.evaluate(script) as Promise<T>, STEP_TIMEOUT_MS, label);
}

async function chartBox(page: Page) {
  const box = await evaluate<{ x: number; y: number; width: number; height: number } | null>(
    page,
    CHART_BOX,
    "chart box",
  );
  if (box === null || box.width <= 0 || box.height <= 0) throw new Error("no visible svg.chart");
  return box;
}

/** Runs `actions` under the frame probe; the whole interaction has a deadline. */
async function probeFrames(page: Page, label: string, actions: (deadline: number) => Promise<void>) {
  await evaluate(page, START_PROBE, "start probe");
  const deadline = Date.now() + INTERACTION_TIMEOUT_MS;
  await withTimeout(actions(deadline), INTERACTION_TIMEOUT_MS, label);
  await sleep(200);
  return evaluate<{ deltas: number[]; work: number[] }>(page, STOP_PROBE, "stop probe");
}

/**
 * Waits until `expression` is true in the page. (page.waitForFunction would evaluate a string with
 * eval, which the page's Content-Security-Policy forbids.)
 */
async function poll(page: Page, expression: string, timeoutMs: number, label: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const remaining = () => Math.max(1, deadline - Date.now());
  // A page whose main thread is busy answers late; each check may wait until the deadline.
  while (!(await withTimeout(page.evaluate(expression) as Promise<boolean>, remaining(), label))) {
    if (Date.now() > deadline) throw new StepTimeout(`${label}: not within ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}

function checkDeadline(deadline: number, label: string): void {
  if (Date.now() > deadline) throw new StepTimeout(`${label}: over ${INTERACTION_TIMEOUT_MS / 1000} s`);
}

async function wheelZoom(page: Page): Promise<{ deltas: number[]; work: number[] }> {
  const box = await chartBox(page);
  const x = box.x + box.width / 2,
    y = box.y + box.height / 2;
  await withTimeout(page.mouse.move(x, y), STEP_TIMEOUT_MS, "mouse move");
  return probeFrames(page, "wheel zoom", async (deadline) => {
    // 30 ticks in, 30 out, ~100 ms apart: about 6 s of zooming.
    for (let i = 0; i < 60; i++) {
      checkDeadline(deadline, "wheel zoom");
      await withTimeout(page.mouse.wheel(0, i < 30 ? -100 : 100), STEP_TIMEOUT_MS, "wheel");
      await sleep(100);
    }
  });
}

async function dragPan(page: Page): Promise<{ deltas: number[]; work: number[] }> {
  const box = await chartBox(page);
  const y = box.y + box.height * 0.75,
    x0 = box.x + box.width / 2;
  return probeFrames(page, "drag pan", async (deadline) => {
    // Four drags of 400 px (left, right, right, left), 50 moves each ~25 ms apart: about 5–6 s.
    for (const direction of [-1, 1, 1, -1]) {
      const from = direction < 0 ? x0 + 200 : x0 - 200;
      await withTimeout(page.mouse.move(from, y), STEP_TIMEOUT_MS, "mouse move");
      await withTimeout(page.mouse.down(), STEP_TIMEOUT_MS, "mouse down");
      for (let i = 1; i <= 50; i++) {
        checkDeadline(deadline, "drag pan");
        await withTimeout(page.mouse.move(from + direction * i * 8, y), STEP_TIMEOUT_MS, "mouse move");
        await sleep(25);
      }
      await withTimeout(page.mouse.up(), STEP_TIMEOUT_MS, "mouse up");
      await sleep(150);
    }
  });
}

async function measureHover(page: Page, run: Run): Promise<void> {
  // Start away from the chart, over the page header, with no tooltip open.
  await withTimeout(page.mouse.move(4, 4), STEP_TIMEOUT_MS, "mouse move");
  await sleep(150);
  const armed = await evaluate<{ x: number; y: number; kind: string } | { error: string }>(
    page,
    ARM_HOVER,
    "arm hover",
  );
  if ("error" in armed) {
    run.hoverTarget = armed.error;
    return;
  }
  run.hoverTarget = armed.kind;
  await withTimeout(page.mouse.move(armed.x, armed.y), STEP_TIMEOUT_MS, "mouse move");
  await poll(page, "window.__hover.painted !== null", 10_000, "tooltip shown");
  const st = await evaluate<{
    t0: number;
    inputTs: number;
    shown: number;
    painted: number;
  }>(page, "window.__hover", "read hover");
  run.hoverMs = st.painted - st.inputTs;
  run.hoverFromHandlerMs = st.painted - st.t0;
  // Display frames the user waited: a tooltip painted within one vsync interval of the input is 1.
  run.hoverFrames = Math.max(1, Math.ceil((st.painted - st.inputTs) / FRAME_MS - 0.02));
  run.hoverShownMs = st.shown - st.inputTs;
  // Leave the mark, so later interactions start with the tooltip hidden.
  await withTimeout(page.mouse.move(4, 4), STEP_TIMEOUT_MS, "mouse move");
}

export async function runOnce(browser: Browser, url: string): Promise<{ run: Run; healthy: boolean }> {
  const run = emptyRun();
  let context: BrowserContext | undefined;
  let healthy = true;
  const attempt = async <T>(label: string, fn: () => Promise<T>): Promise<T | "timeout" | "error"> => {
    try {
      return await fn();
    } catch (error) {
      const kind = failure(error);
      run.errors.push(
        `${label}: ${kind}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
      );
      return kind;
    }
  };
  try {
    context = await withTimeout(
      browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 }),
      STEP_TIMEOUT_MS,
      "new context",
    );
    const page = await withTimeout(context.newPage(), STEP_TIMEOUT_MS, "new page");
    page.on("pageerror", (error) => run.errors.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") run.errors.push(`console: ${message.text()}`);
    });
    await page.addInitScript({ content: INIT_SCRIPT });
    const cdp = await withTimeout(context.newCDPSession(page), STEP_TIMEOUT_MS, "CDP session");

    const loaded = await attempt("load", async () => {
      const t0 = Date.now();
      await page.goto(url, { waitUntil: "domcontentloaded", timeout: LOAD_TIMEOUT_MS });
      const left = Math.max(1000, LOAD_TIMEOUT_MS - (Date.now() - t0));
      // Polled with a cheap expression: page.waitForSelector would run Playwright's shadow-piercing
      // selector engine over the whole DOM on every frame, inflating the very load it measures.
      await poll(page, READY, left, "data-ready");
      return "loaded" as const;
    });
    if (loaded !== "loaded") {
      for (const key of ["firstRenderMs", "firstRenderFromDclMs", "firstPaintMs", "readyMs"] as const) {
        run[key] = loaded;
      }
      run.wheel = run.pan = run.frames = loaded;
      run.hoverMs =
        run.hoverFromHandlerMs =
        run.hoverFrames =
        run.hoverShownMs =
        run.heapLoadMB =
        run.heapInteractionMB =
          loaded;
      healthy = false;
      return { run, healthy };
    }
    // Let the first paint (and anything the page does right after) settle.
    await attempt("first paint", () => poll(page, "window.__benchPainted != null", 10_000, "first paint"));
    await sleep(300);
    const marks = await attempt("marks", () =>
      evaluate<{
        arrived: number | null;
        firstRender: number | null;
        domContentLoaded: number | null;
        painted: number | null;
        marks: number;
        clusters: number;
        svgNodes: number;
      }>(page, READ_MARKS, "marks"),
    );
    if (typeof marks === "object") {
      const { arrived, firstRender, domContentLoaded, painted } = marks;
      run.firstRenderMs = arrived !== null && firstRender !== null ? firstRender - arrived : "n/a";
      run.firstRenderFromDclMs =
        domContentLoaded !== null && firstRender !== null ? firstRender - domContentLoaded : "n/a";
      run.firstPaintMs = arrived !== null && painted !== null ? painted - arrived : "n/a";
      run.readyMs = firstRender ?? "n/a";
      run.marks = marks.marks;
      run.clusters = marks.clusters;
      run.svgNodes = marks.svgNodes;
    } else {
      run.firstRenderMs = run.firstRenderFromDclMs = run.firstPaintMs = marks;
    }
    run.heapLoadMB = await attempt("heap after load", () => heapMB(cdp));

    const hovered = await attempt("hover", () => measureHover(page, run));
    if (hovered !== undefined) {
      run.hoverMs = run.hoverFromHandlerMs = run.hoverFrames = run.hoverShownMs = hovered;
    }

    const wheel = await attempt("wheel zoom", () => wheelZoom(page));
    const pan = await attempt("drag pan", () => dragPan(page));
    run.wheel = typeof wheel === "object" ? frameStats(wheel.deltas, wheel.work) : wheel;
    run.pan = typeof pan === "object" ? frameStats(pan.deltas, pan.work) : pan;
    // Both interactions together; a failure of either is the result.
    run.frames =
      typeof wheel !== "object"
        ? wheel
        : typeof pan !== "object"
          ? pan
          : frameStats([...wheel.deltas, ...pan.deltas], [...wheel.work, ...pan.work]);
    if (typeof wheel !== "object" || typeof pan !== "object") healthy = false;

    run.heapInteractionMB = await attempt("heap after interaction", () => heapMB(cdp));
    if (run.heapInteractionMB === "timeout") healthy = false;
  } catch (error) {
    run.errors.push(`setup: ${failure(error)}: ${error instanceof Error ? error.message : String(error)}`);
    healthy = false;
  } finally {
    if (context !== undefined) {
      try {
        await withTimeout(context.close(), STEP_TIMEOUT_MS, "close context");
      } catch {
        healthy = false;
      }
    }
  }
  return { run, healthy };
}

// ---------------------------------------------------------------------------------------------
// Aggregation, budgets, report

interface Summary {
  median: Value;
  /** (max − min) / median of the repetitions, in %. */
  spreadPct: number | null;
  failedRuns: number;
}

export function summarize(values: readonly Value[]): Summary {
  const numbers = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const failedRuns = values.length - numbers.length;
  if (numbers.length === 0) {
    const reason = values.find((v) => v === "timeout") ?? values.find((v) => v === "error") ?? "n/a";
    return { median: reason, spreadPct: null, failedRuns };
  }
  const m = median(numbers);
  // Relative to the median's size: a first render before DOMContentLoaded has a negative median.
  const spread =
    numbers.length > 1 && m !== 0
      ? ((Math.max(...numbers) - Math.min(...numbers)) / Math.abs(m)) * 100
      : null;
  return { median: m, spreadPct: spread, failedRuns };
}

/** The metrics reported per dataset: name, unit, how to read it from a run. */
export const METRICS: { key: string; label: string; unit: string; read: (r: Run) => Value }[] = [
  { key: "firstRender", label: "first render (from data arrived)", unit: "ms", read: (r) => r.firstRenderMs },
  {
    key: "firstRenderFromDcl",
    label: "first render (from DOMContentLoaded)",
    unit: "ms",
    read: (r) => r.firstRenderFromDclMs,
  },
  { key: "firstPaint", label: "first render painted (from data)", unit: "ms", read: (r) => r.firstPaintMs },
  { key: "ready", label: "first render (from navigation start)", unit: "ms", read: (r) => r.readyMs },
  { key: "frameP50", label: "frame delta p50", unit: "ms", read: (r) => stat(r.frames, "p50") },
  { key: "frameP95", label: "frame delta p95", unit: "ms", read: (r) => stat(r.frames, "p95") },
  { key: "frameMax", label: "frame delta max", unit: "ms", read: (r) => stat(r.frames, "max") },
  { key: "framesOver50", label: "frames > 50 ms", unit: "", read: (r) => stat(r.frames, "over50") },
  { key: "frameCount", label: "frames measured", unit: "", read: (r) => stat(r.frames, "count") },
  { key: "workP50", label: "frame work p50", unit: "ms", read: (r) => stat(r.frames, "workP50") },
  { key: "workP95", label: "frame work p95", unit: "ms", read: (r) => stat(r.frames, "workP95") },
  { key: "workMax", label: "frame work max", unit: "ms", read: (r) => stat(r.frames, "workMax") },
  { key: "wheelP95", label: "  wheel zoom: frame delta p95", unit: "ms", read: (r) => stat(r.wheel, "p95") },
  {
    key: "wheelWorkP95",
    label: "  wheel zoom: frame work p95",
    unit: "ms",
    read: (r) => stat(r.wheel, "workP95"),
  },
  { key: "panP95", label: "  drag pan: frame delta p95", unit: "ms", read: (r) => stat(r.pan, "p95") },
  { key: "panWorkP95", label: "  drag pan: frame work p95", unit: "ms", read: (r) => stat(r.pan, "workP95") },
  { key: "hover", label: "hover → tooltip painted", unit: "ms", read: (r) => r.hoverMs },
  {
    key: "hoverFromHandler",
    label: "hover (from pointermove handler)",
    unit: "ms",
    read: (r) => r.hoverFromHandlerMs,
  },
  { key: "hoverShown", label: "  hover → tooltip shown in DOM", unit: "ms", read: (r) => r.hoverShownMs },
  { key: "hoverFrames", label: "hover frames", unit: "", read: (r) => r.hoverFrames },
  { key: "heapLoad", label: "JS heap after load", unit: "MB", read: (r) => r.heapLoadMB },
  {
    key: "heapInteraction",
    label: "JS heap after interaction",
    unit: "MB",
    read: (r) => r.heapInteractionMB,
  },
  { key: "marks", label: "event marks drawn", unit: "", read: (r) => r.marks },
  { key: "clusters", label: "cluster badges", unit: "", read: (r) => r.clusters },
  { key: "svgNodes", label: "SVG elements", unit: "", read: (r) => r.svgNodes },
];

export function stat(stats: Run["frames"], key: keyof FrameStats): Value {
  return typeof stats === "object" ? stats[key] : stats;
}

export const format = (value: Value, unit: string) => {
  if (typeof value !== "number") return value;
  if (unit === "") return Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${value.toFixed(1)} ${unit}`;
};

export function pad(text: string, width: number, right = false) {
  return right ? text.padStart(width) : text.padEnd(width);
}

// ---------------------------------------------------------------------------------------------
// Main

interface DatasetResult {
  name: string;
  url: string;
  events: number;
  fileBytes: number;
  metrics: Record<string, Summary & { unit: string; label: string; runs: Value[] }>;
  runs: Run[];
}

function gitCommit(): string | undefined {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], {
      encoding: "utf8",
    });
    return dirty.trim() === "" ? head : `${head} (with uncommitted changes)`;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const { quick, strict, reps, sizes: SIZES } = options();
  const started = Date.now();
  console.log(`bench: building the site into ${OUT_DIR}…`);
  await build({ logLevel: "warn", build: { outDir: OUT_DIR, emptyOutDir: true } });
  const bundle = bundleSize(OUT_DIR);

  const datasets: { name: string; path: string; events: number; fileBytes: number }[] = [
    {
      name: "bundled",
      path: "",
      events: (JSON.parse(readFileSync(`${OUT_DIR}/events.json`, "utf8")) as { events: unknown[] }).events
        .length,
      fileBytes: statSync(`${OUT_DIR}/events.json`).size,
    },
  ];
  for (const n of SIZES) {
    const t0 = performance.now();
    const json = JSON.stringify(generateDataset({ n, seed: SEED }));
    const file = `gen-${n}.json`;
    writeFileSync(`${OUT_DIR}/${file}`, json);
    const bytes = Buffer.byteLength(json);
    console.log(
      `bench: ${file}: ${n} events, ${(bytes / 1e6).toFixed(1)} MB (${(performance.now() - t0).toFixed(0)} ms)`,
    );
    datasets.push({ name: `gen-${n}`, path: `?data=${file}`, events: n, fileBytes: bytes });
  }

  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  const results: DatasetResult[] = [];
  let chromiumVersion = "";
  try {
    server = await preview({
      logLevel: "warn",
      build: { outDir: OUT_DIR },
      preview: { host: "127.0.0.1", port: 0, strictPort: false },
    });
    const address = server.httpServer.address();
    if (address === null || typeof address === "string") throw new Error("preview server has no port");
    const base = `http://127.0.0.1:${address.port}/`;
    browser = await launchChromium();
    chromiumVersion = browser.version();
    console.log(`bench: serving ${base}, Chromium ${chromiumVersion}, ${reps} repetition(s) per dataset`);

    for (const dataset of datasets) {
      const runs: Run[] = [];
      for (let rep = 1; rep <= reps; rep++) {
        const t0 = Date.now();
        const { run, healthy } = await runOnce(browser, base + dataset.path);
        runs.push(run);
        const note = run.errors.length > 0 ? ` (${run.errors.length} problem(s): ${run.errors[0]})` : "";
        console.log(
          `bench: ${dataset.name} #${rep}: first render ${format(run.firstRenderMs, "ms")}, ` +
            `frame p95 ${format(stat(run.frames, "p95"), "ms")}, hover ${format(run.hoverMs, "ms")} ` +
            `[${((Date.now() - t0) / 1000).toFixed(0)} s]${note}`,
        );
        if (!healthy) {
          // A page that hung may leave its renderer busy: start the next repetition on a new browser.
          await withTimeout(browser.close(), STEP_TIMEOUT_MS, "close browser").catch(() => undefined);
          browser = await launchChromium();
        }
      }
      const metrics: DatasetResult["metrics"] = {};
      for (const metric of METRICS) {
        const values = runs.map(metric.read);
        metrics[metric.key] = { ...summarize(values), unit: metric.unit, label: metric.label, runs: values };
      }
      results.push({
        name: dataset.name,
        url: dataset.path,
        events: dataset.events,
        fileBytes: dataset.fileBytes,
        metrics,
        runs,
      });
    }
  } finally {
    if (browser !== undefined) {
      await withTimeout(browser.close(), STEP_TIMEOUT_MS, "close browser").catch(() => undefined);
    }
    if (server !== undefined) {
      await withTimeout(server.close(), STEP_TIMEOUT_MS, "close server").catch(() => undefined);
    }
  }

  // Budgets.
  const budgetRows = BUDGETS.flatMap((budget) => {
    const dataset = results.find((r) => r.name === budget.dataset);
    if (dataset === undefined) return [];
    const summary = dataset.metrics[budget.metric]!;
    const failedRuns = summary.failedRuns;
    const value = summary.median;
    const pass = typeof value === "number" && value <= budget.limit && failedRuns === 0;
    return [{ dataset: budget.dataset, metric: budget.metric, value, budget: budget.text, pass }];
  });
  const pagePass = bundle.pageGzipBytes <= PAGE_BUDGET_KB * 1000;
  const workerPass = bundle.workerGzipBytes <= WORKER_BUDGET_KB * 1000;
  budgetRows.push(
    {
      dataset: "bundle",
      metric: "pageJsCssGzip",
      value: Number(kB(bundle.pageGzipBytes)),
      budget: `≤ ${PAGE_BUDGET_KB} KB`,
      pass: pagePass,
    },
    {
      dataset: "bundle",
      metric: "workerGzip",
      value: Number(kB(bundle.workerGzipBytes)),
      budget: `≤ ${WORKER_BUDGET_KB} KB`,
      pass: workerPass,
    },
  );

  // Table: dataset × metric, median, spread, budget, result.
  const budgetOf = (dataset: string, metric: string) =>
    budgetRows.find((b) => b.dataset === dataset && b.metric === metric);
  const lines: string[] = [];
  const header = `${pad("dataset", 11)} ${pad("metric", 38)} ${pad("median", 12, true)} ${pad("spread", 7, true)}  ${pad("budget", 10)} result`;
  lines.push(header, "-".repeat(header.length));
  for (const result of results) {
    for (const metric of METRICS) {
      const summary = result.metrics[metric.key]!;
      const budget = budgetOf(result.name, metric.key);
      if (budget === undefined && metric.key === "firstRenderFromDcl" && result.name !== "bundled") continue;
      const spread = summary.spreadPct === null ? "" : `±${(summary.spreadPct / 2).toFixed(0)}%`;
      const failed =
        summary.failedRuns > 0 && typeof summary.median === "number" ? ` (${summary.failedRuns} failed)` : "";
      lines.push(
        `${pad(result.name, 11)} ${pad(metric.label, 38)} ${pad(format(summary.median, metric.unit) + failed, 12, true)} ${pad(spread, 7, true)}  ${pad(budget?.budget ?? "", 10)} ${budget === undefined ? "" : budget.pass ? "pass" : "FAIL"}`,
      );
    }
    lines.push("");
  }
  lines.push(
    `${pad("bundle", 11)} ${pad("page JS + CSS gzip (level 9)", 38)} ${pad(`${kB(bundle.pageGzipBytes)} KB`, 12, true)} ${pad("", 7)}  ${pad(`≤ ${PAGE_BUDGET_KB} KB`, 10)} ${pagePass ? "pass" : "FAIL"}`,
    `${pad("bundle", 11)} ${pad("loading worker gzip (level 9)", 38)} ${pad(`${kB(bundle.workerGzipBytes)} KB`, 12, true)} ${pad("", 7)}  ${pad(`≤ ${WORKER_BUDGET_KB} KB`, 10)} ${workerPass ? "pass" : "FAIL"}`,
  );
  lines.push("", "spread: ±(max − min) / 2 of the repetitions, as % of the median");
  console.log(`\n${lines.join("\n")}\n`);

  // Machine noise: how far repetitions of the same measurement spread.
  const spreads = results.flatMap((r) =>
    ["firstRender", "frameP50", "workP50", "heapLoad"].flatMap((k) => {
      const s = r.metrics[k]?.spreadPct;
      return s === null || s === undefined ? [] : [s];
    }),
  );
  const noise =
    spreads.length === 0
      ? "n/a (one repetition)"
      : `median spread (max − min) / median of the repetitions: ${median(spreads).toFixed(0)}% (largest ${Math.max(...spreads).toFixed(0)}%)`;
  console.log(`machine noise: ${noise}`);
  const failed = budgetRows.filter((b) => !b.pass);
  console.log(
    failed.length === 0
      ? "budgets: all pass"
      : `budgets: ${failed.length} of ${budgetRows.length} FAIL (${failed.map((b) => `${b.dataset} ${b.metric}`).join(", ")})`,
  );

  const cpu = cpus();
  const report = {
    date: new Date().toISOString(),
    durationS: Math.round((Date.now() - started) / 1000),
    commit: gitCommit(),
    machine: {
      cpuModel: cpu[0]?.model ?? "unknown",
      cpuCount: cpu.length,
      memoryGiB: Number((totalmem() / 1024 ** 3).toFixed(1)),
      platform: `${platform()} ${release()}`,
      node: process.version,
      chromium: chromiumVersion,
    },
    options: { quick, reps, seed: SEED, viewport: VIEWPORT, cpuThrottling: "none" },
    notes: [
      "Values are medians of the repetitions (fresh page each); spreadPct = (max − min) / median.",
      "first render = performance mark timeline:first-render − the data's arrival: for a fetched file its last byte (Resource Timing responseEnd), for the bundled story the mark timeline:data-arrived (bundled also from DOMContentLoaded end; negative when the timeline was drawn before DOMContentLoaded fired: the bundled data is in the page, and the module script runs before that event).",
      "frame delta = difference between consecutive requestAnimationFrame timestamps during ~6 s of wheel zoom (60 ticks) and ~6 s of drag-pans; frame work = frame start → a message posted from rAF arrives (input, rAF callbacks, style, layout, paint).",
      "hover = pointermove event timestamp → the frame that shows [role=tooltip] has been rendered; frames = that latency in 60 Hz frame intervals, rounded up.",
      "heap = Runtime.getHeapUsage usedSize after HeapProfiler.collectGarbage, in MB (10^6 bytes).",
      `bundle = gzip level 9 of the built .js and .css (1 KB = 1000 bytes); budget for frame delta p95 has +0.3 ms for vsync timestamp jitter; the 10k 'p95 ≤ 10 ms' is applied to frame work (a frame delta cannot be under 16.7 ms at 60 Hz).`,
    ],
    bundle: {
      ...bundle,
      pageBudgetKB: PAGE_BUDGET_KB,
      workerBudgetKB: WORKER_BUDGET_KB,
      pass: pagePass && workerPass,
    },
    datasets: results,
    budgets: budgetRows,
    noise,
    pass: failed.length === 0,
  };
  mkdirSync("bench", { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`bench: wrote ${RESULTS} in ${report.durationS} s`);
  return strict && failed.length > 0 ? 1 : 0;
}

// Run as a script (npm run bench), not when bench-ab imports the measurements.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(
        `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      process.exitCode = 2;
    },
  );
