// npm run bench:ab -- --base REV [--head REV] [--reps N] [--sizes 10000,100000]: builds two commits
// (head defaults to the working tree) and measures them interleaved in one run, so the machine's noise
// falls on both alike: for each repetition, each dataset is loaded in a fresh context of one build,
// then of the other (alternating which goes first). Prints medians and the ratio head / base for
// first render (from navigation start and from the data's arrival), frame p95 and frames over 50 ms, and writes
// bench/ab.json. Each commit is checked out into a temporary worktree and installed with `npm ci`.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Browser } from "playwright-core";
import { preview, type PreviewServer } from "vite";
import { format, median, pad, runOnce, stat } from "./bench";
import { launchChromium } from "./lib/chromium";
import { generateDataset } from "./lib/generate";

const { values: flags } = parseArgs({
  options: {
    base: { type: "string" },
    head: { type: "string" },
    reps: { type: "string", default: "5" },
    sizes: { type: "string", default: "10000,100000" },
  },
  strict: true,
});
if (flags.base === undefined) {
  console.error("bench:ab: --base REV is required (e.g. npm run bench:ab -- --base HEAD~3)");
  process.exit(2);
}
const reps = Math.max(1, Number.parseInt(flags.reps, 10) || 1);
const sizes = flags.sizes.split(",").map((n) => Number.parseInt(n, 10));

const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();
const sh = (cwd: string, command: string, args: string[]) =>
  execFileSync(command, args, { cwd, stdio: ["ignore", "ignore", "inherit"] });

interface Target {
  readonly label: string;
  readonly commit: string;
  readonly dist: string;
  url?: string;
  server?: PreviewServer;
}

/** Builds `rev` (or the working tree) into its own dist directory; returns where. */
function buildTarget(work: string, label: string, rev: string | undefined): Target {
  const dist = join(work, `${label}-dist`);
  if (rev === undefined) {
    console.log(`bench:ab: ${label} = working tree, building…`);
    sh(process.cwd(), "npx", ["vite", "build", "--logLevel", "warn", "--outDir", dist, "--emptyOutDir"]);
    return { label, commit: `${git("rev-parse", "--short", "HEAD")}+working tree`, dist };
  }
  const commit = git("rev-parse", "--short", rev);
  const tree = join(work, label);
  console.log(`bench:ab: ${label} = ${commit}, checking out and installing…`);
  git("worktree", "add", "--detach", tree, commit);
  sh(tree, "npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel", "error"]);
  sh(tree, "npx", ["vite", "build", "--logLevel", "warn", "--outDir", dist, "--emptyOutDir"]);
  return { label, commit, dist };
}

async function serve(target: Target): Promise<void> {
  const server = await preview({
    logLevel: "warn",
    configFile: false,
    build: { outDir: target.dist },
    preview: { host: "127.0.0.1", port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === "string") throw new Error("preview server has no port");
  target.server = server;
  target.url = `http://127.0.0.1:${address.port}/`;
}

const ratio = (head: number | undefined, base: number | undefined) =>
  head === undefined || base === undefined || base === 0 ? "" : `${(head / base).toFixed(2)}×`;

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "timeline-ab-"));
  const targets: Target[] = [];
  let browser: Browser | undefined;
  try {
    targets.push(buildTarget(work, "base", flags.base), buildTarget(work, "head", flags.head));
    // The same generated files for both builds.
    for (const n of sizes) {
      const text = JSON.stringify(generateDataset({ n, seed: 1 }));
      for (const t of targets) writeFileSync(join(t.dist, `gen-${n}.json`), text);
    }
    for (const t of targets) await serve(t);
    browser = await launchChromium();
    const keys = ["ready", "firstRender", "frameP95", "workP95", "over50"] as const;
    type Key = (typeof keys)[number];
    const samples = new Map<string, number[]>();
    const add = (name: string, value: unknown) => {
      if (typeof value !== "number") return;
      if (!samples.has(name)) samples.set(name, []);
      samples.get(name)!.push(value);
    };
    for (const n of sizes) {
      for (let rep = 0; rep < reps; rep++) {
        // Alternate which build goes first, so neither always follows a warm-up.
        for (const t of rep % 2 === 0 ? targets : [...targets].reverse()) {
          const { run } = await runOnce(browser, `${t.url!}?data=gen-${n}.json`);
          const read: Record<Key, unknown> = {
            ready: run.readyMs,
            firstRender: run.firstRenderMs,
            frameP95: stat(run.frames, "p95"),
            workP95: stat(run.frames, "workP95"),
            over50: stat(run.frames, "over50"),
          };
          for (const k of keys) add(`${n}/${k}/${t.label}`, read[k]);
          console.log(
            `bench:ab: ${n} #${rep + 1} ${t.label}: first render ${format(run.readyMs, "ms")} from navigation start, ` +
              `frame p95 ${format(stat(run.frames, "p95"), "ms")}, ${format(stat(run.frames, "over50"), "")} frames over 50 ms${run.errors.length > 0 ? ` (${run.errors[0]})` : ""}`,
          );
        }
      }
    }
    const labels: Record<Key, string> = {
      ready: "first render from navigation start",
      firstRender: "first render from data arrived",
      frameP95: "frame delta p95",
      workP95: "frame work p95",
      over50: "frames over 50 ms",
    };
    const [base, head] = targets as [Target, Target];
    const header = `${pad("events", 8)} ${pad("metric", 36)} ${pad(`base ${base.commit}`, 16, true)} ${pad(`head ${head.commit}`, 26, true)} ${pad("head/base", 10, true)}`;
    const lines = [header, "-".repeat(header.length)];
    const rows: unknown[] = [];
    for (const n of sizes)
      for (const k of keys) {
        const b = samples.get(`${n}/${k}/base`),
          h = samples.get(`${n}/${k}/head`);
        const mb = b && median(b),
          mh = h && median(h);
        rows.push({ events: n, metric: k, base: b, head: h, baseMedian: mb, headMedian: mh });
        const unit = k === "over50" ? "" : "ms";
        lines.push(
          `${pad(String(n), 8)} ${pad(labels[k], 36)} ${pad(format(mb ?? "n/a", unit), 16, true)} ${pad(format(mh ?? "n/a", unit), 26, true)} ${pad(ratio(mh, mb), 10, true)}`,
        );
      }
    console.log(`\nmedians of ${reps} interleaved runs each (fresh context per run)\n${lines.join("\n")}\n`);
    mkdirSync("bench", { recursive: true });
    writeFileSync(
      "bench/ab.json",
      `${JSON.stringify({ base: base.commit, head: head.commit, reps, sizes, rows }, null, 2)}\n`,
    );
    console.log("bench:ab: wrote bench/ab.json");
  } finally {
    await browser?.close();
    for (const t of targets) await t.server?.close();
    for (const label of ["base", "head"]) {
      const tree = join(work, label);
      if (existsSync(tree)) git("worktree", "remove", "--force", tree);
    }
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(
    `bench:ab failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exitCode = 2;
});
