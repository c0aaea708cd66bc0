// npm run bench:peers [-- --sizes 1000,10000,100000] [--reps 3] [--timeout 60]: our timeline
// against vis-timeline (+ vis-data), TimelineJS and timelines-chart, on the same generated events
// (scripts/lib/generate.ts; each peer's page converts them to its own format). Builds the site into
// a temporary folder, writes the generated files and the peers' pages beside it (lib/peerPages.ts),
// serves it all with `vite preview` on 127.0.0.1 and drives headless Chromium (1280×800): each
// repetition is a fresh browser context, timed from navigation start to the first painted frame
// with the target's items (see PEER_INIT_SCRIPT). Targets are interleaved (their order rotates from
// one repetition to the next) so that a slow spell of the machine does not fall on one of them. A
// target that has not drawn within --timeout seconds counts as "> timeout"; its browser is replaced.
// Prints a table (Markdown) of medians with ratios to the fastest peer. Slow: not part of npm test.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Browser } from "playwright-core";
import { build, preview, type PreviewServer } from "vite";
import { launchChromium } from "./lib/chromium";
import { generateDataset } from "./lib/generate";
import { PEER_INIT_SCRIPT, PEERS, writePeerPages } from "./lib/peerPages";
import { peersTable, type Sample, type TargetSamples } from "./lib/peersTable";

const OURS = "ours";
const SEED = 1;
const VIEWPORT = { width: 1280, height: 800 };
/** Closing a context whose renderer is stuck in a long task may never return. */
const CLOSE_TIMEOUT_MS = 10_000;

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "1000,10000,100000" },
      reps: { type: "string", default: "3" },
      timeout: { type: "string", default: "60" },
    },
    strict: true,
  });
  const sizes = values.sizes.split(",").map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isSafeInteger(n) || n < 1))
    throw new Error(`--sizes: whole numbers ≥ 1, got ${values.sizes}`);
  const reps = Number(values.reps);
  const timeoutS = Number(values.timeout);
  if (!Number.isSafeInteger(reps) || reps < 1)
    throw new Error(`--reps: a whole number ≥ 1, got ${values.reps}`);
  if (!(timeoutS > 0)) throw new Error(`--timeout: seconds > 0, got ${values.timeout}`);
  return { sizes, reps, timeoutMs: timeoutS * 1000 };
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T | "timeout"> =>
  Promise.race([promise, new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), ms))]);

/** One fresh context: navigation start → first painted frame with the items, in ms. */
async function measure(
  browser: Browser,
  url: string,
  timeoutMs: number,
): Promise<{ sample: Sample; note?: string; stuck: boolean }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  let sample: Sample = "error";
  let note: string | undefined;
  try {
    const page = await context.newPage();
    page.on("pageerror", (error) => (note ??= `page error: ${error.message.split("\n")[0]}`));
    await page.addInitScript({ content: PEER_INIT_SCRIPT });
    const started = Date.now();
    const navigated = await page
      .goto(url, { waitUntil: "commit", timeout: timeoutMs })
      .then(() => true)
      .catch((error: unknown) => {
        if (error instanceof Error && error.name === "TimeoutError") return false;
        throw error;
      });
    // Polled every 100 ms (not every frame, which would add to the frames being timed), by
    // evaluate: waitForFunction compiles its test in the page, which our page's CSP forbids.
    let done: "done" | "timeout" = "timeout";
    while (navigated && Date.now() - started < timeoutMs) {
      const check = page
        .evaluate(`window.__benchDrawn !== undefined || window.__benchError !== undefined`)
        .catch(() => false);
      // A page stuck in a long task does not answer: that, too, is bounded by the timeout.
      const answer = await withTimeout(check, Math.max(1, timeoutMs - (Date.now() - started)));
      if (answer === true) {
        done = "done";
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (done === "timeout") sample = "timeout";
    else {
      const result = (await page.evaluate(`[window.__benchDrawn, window.__benchError]`)) as [
        unknown,
        unknown,
      ];
      if (typeof result[0] === "number") sample = result[0];
      else note = `error: ${String(result[1]).split("\n")[0]}`;
    }
  } catch (error) {
    note = `error: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
  }
  const closed = await withTimeout(context.close(), CLOSE_TIMEOUT_MS).catch(() => "timeout" as const);
  return { sample, note, stuck: closed === "timeout" || sample === "timeout" };
}

async function serve(root: string): Promise<{ server: PreviewServer; base: string }> {
  const server = await preview({
    logLevel: "warn",
    configFile: false,
    build: { outDir: root },
    preview: { host: "127.0.0.1", port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === "string") throw new Error("preview server has no port");
  return { server, base: `http://127.0.0.1:${address.port}/` };
}

async function main(): Promise<void> {
  const { sizes, reps, timeoutMs } = options();
  const root = mkdtempSync(join(tmpdir(), "bench-peers-"));
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    console.log(`bench:peers: building the site into ${root}…`);
    await build({ logLevel: "warn", build: { outDir: root, emptyOutDir: true } });
    writePeerPages(root);
    for (const n of sizes)
      writeFileSync(join(root, `gen-${n}.json`), JSON.stringify(generateDataset({ n, seed: SEED })));
    const served = await serve(root);
    server = served.server;
    browser = await launchChromium();
    const load = () =>
      loadavg()
        .map((l) => l.toFixed(2))
        .join(", ");
    console.log(`bench:peers: Chromium ${browser.version()}, ${cpus().length} cores, load average ${load()}`);
    const targets = [{ name: OURS, page: "" }, ...PEERS];
    const rows: { events: number; targets: TargetSamples[] }[] = [];
    for (const n of sizes) {
      const samples = new Map<string, Sample[]>(targets.map((t) => [t.name, []]));
      for (let rep = 0; rep < reps; rep++) {
        // Interleaved: each repetition starts with the next target.
        const order = targets.map((_, i) => targets[(i + rep) % targets.length]!);
        for (const target of order) {
          const data = target.page === "" ? `gen-${n}.json` : `../gen-${n}.json`;
          const { sample, note, stuck } = await measure(
            browser,
            `${served.base}${target.page}?data=${data}`,
            timeoutMs,
          );
          samples.get(target.name)!.push(sample);
          const shown =
            typeof sample === "number"
              ? `${sample.toFixed(0)} ms`
              : sample === "timeout"
                ? `> ${timeoutMs} ms`
                : "error";
          console.log(
            `bench:peers: ${n} events, ${target.name} #${rep + 1}: ${shown}${note ? ` (${note})` : ""}`,
          );
          if (stuck) {
            // A renderer still busy with a peer that did not finish would slow every later target.
            await withTimeout(browser.close(), CLOSE_TIMEOUT_MS).catch(() => undefined);
            browser = await launchChromium();
          }
        }
      }
      rows.push({
        events: n,
        targets: targets.map((t) => ({ target: t.name, samples: samples.get(t.name)! })),
      });
    }
    console.log(
      `\nbench:peers: medians of ${reps} fresh context(s) each, navigation start → first drawn frame; ratio to the fastest peer; load average ${load()}\n`,
    );
    console.log(peersTable(rows, OURS, timeoutMs));
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
});
