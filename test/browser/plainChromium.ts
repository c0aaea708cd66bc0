// Long tasks as a reader's browser has them: Chromium launched with no DevTools session attached.
//
// Playwright drives Chromium through the DevTools protocol, and its network agent keeps a copy of
// every response body in the page's renderer for the inspector. Receiving a 22 MB file took the
// page's main thread 150–400 ms at a time under Playwright and under 80 ms without it (measured on
// the same build in one run), so a load's long tasks are measured here: the test build is served
// with a long-task observer added to the page as a same-origin script (the page's CSP stays as
// built), and the page sends what it saw to this server once it is ready.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { CHROMIUM_FLAGS, DISABLED_FEATURES, findChromium } from "../../scripts/lib/chromium";
import { TEST_DIST } from "./scaleFixture";

const OBSERVER_PATH = "/__long-tasks.js";
const REPORT_PATH = "/__report";

/**
 * Records every long task (over 50 ms) that starts after DOMContentLoaded (the page's own start-up
 * is the same for every input: the bench measures it), and reports them 1.5 s after the page says it
 * is ready (entries arrive late), with the ready time, so a load that never ends is seen as one.
 */
const OBSERVER = `
const tasks = [];
new PerformanceObserver((list) => {
  const started = performance.getEntriesByType("navigation")[0]?.domContentLoadedEventEnd ?? 0;
  for (const entry of list.getEntries())
    if (started > 0 && entry.startTime >= started) tasks.push(Math.round(entry.duration));
}).observe({ type: "longtask", buffered: true });
const poll = setInterval(() => {
  if (document.documentElement.dataset.ready !== "true") return;
  clearInterval(poll);
  const readyMs = Math.round(performance.now());
  setTimeout(() => {
    const meta = document.getElementById("meta")?.textContent ?? "";
    fetch("${REPORT_PATH}", { method: "POST", body: JSON.stringify({ tasks, readyMs, meta }) });
  }, 1500);
}, 50);
`;

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".txt": "text/plain",
};

export interface LoadReport {
  /** Durations (ms) of the long tasks after DOMContentLoaded. */
  readonly tasks: number[];
  readonly readyMs: number;
  /** The page's one-line summary of what it loaded ("2,000 events …"). */
  readonly meta: string;
}

/** Serves the test build (and `extra` files by path) with the observer added to index.html. */
function serve(extra: ReadonlyMap<string, string>, onReport: (report: LoadReport) => void): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    if (path === REPORT_PATH) {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        response.end();
        onReport(JSON.parse(body) as LoadReport);
      });
      return;
    }
    const file = join(TEST_DIST, normalize(path === "/" ? "/index.html" : path));
    let body: string | Buffer;
    if (path === OBSERVER_PATH) body = OBSERVER;
    else if (extra.has(path)) body = extra.get(path)!;
    else if (existsSync(file) && statSync(file).isFile()) body = readFileSync(file);
    else {
      response.statusCode = 404;
      return void response.end();
    }
    if (file.endsWith("index.html"))
      body = body.toString().replace("<head>", `<head><script src="${OBSERVER_PATH}"></script>`);
    response.setHeader("content-type", TYPES[extname(file)] ?? "application/octet-stream");
    response.setHeader("content-length", Buffer.byteLength(body));
    response.end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/**
 * Opens `query` on the test build in a Chromium with no DevTools session, and resolves with the
 * long tasks the page saw while it loaded. `extra` serves generated files (path → text).
 */
export async function plainLoad(
  query: string,
  extra: ReadonlyMap<string, string> = new Map(),
  timeoutMs = 90_000,
): Promise<LoadReport> {
  let report: (value: LoadReport) => void = () => {};
  const reported = new Promise<LoadReport>((resolve) => (report = resolve));
  const server = await serve(extra, (value) => report(value));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the test server has no port");
  const profile = mkdtempSync(join(tmpdir(), "plain-chromium-"));
  const browser = spawn(
    findChromium(),
    [
      "--headless",
      ...CHROMIUM_FLAGS,
      `--disable-features=${DISABLED_FEATURES.join(",")}`,
      "--window-size=1280,800",
      `--user-data-dir=${profile}`,
      `http://127.0.0.1:${address.port}/${query}`,
    ],
    // Its own process group: killing the group takes its renderers, GPU and utility processes too
    // (killed alone, the browser process can leave a renderer busy with a 30 MB article behind it,
    // slowing every test after it).
    { stdio: "ignore", detached: true },
  );
  const exited = new Promise((resolve) => browser.once("exit", resolve));
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      reported,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${query}: no report in ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    if (browser.pid !== undefined) process.kill(-browser.pid, "SIGKILL");
    await exited;
    server.close();
    server.closeAllConnections();
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}
