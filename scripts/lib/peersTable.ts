// The pure half of `npm run bench:peers`: medians of repetitions, ratios to the fastest peer, and the
// printed table. A repetition that did not finish within the target's timeout is "timeout": a median
// over repetitions that include one is only known to be above the timeout.

/** One repetition's time from navigation start to the first drawn frame, or why there is none. */
export type Sample = number | "timeout" | "error";

/** A target's repetitions at one size. */
export interface TargetSamples {
  readonly target: string;
  readonly samples: readonly Sample[];
}

/** A median, or a bound when repetitions timed out: "> timeout" when half or more of them did. */
export type Median =
  | { readonly kind: "ms"; readonly ms: number }
  | { readonly kind: "over"; readonly ms: number }
  | { readonly kind: "none" };

/** The median of the repetitions; a timeout counts as larger than any finished one. */
export function medianOf(samples: readonly Sample[], timeoutMs: number): Median {
  const counted = samples.filter((s) => s !== "error");
  if (counted.length === 0) return { kind: "none" };
  const sorted = counted.map((s) => (s === "timeout" ? Infinity : s)).sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const value = sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Number.isFinite(value) ? { kind: "ms", ms: value } : { kind: "over", ms: timeoutMs };
}

/** The fastest of the peers (not ours) at one size: the one with the smallest finished median. */
export function fastestPeer(
  medians: ReadonlyMap<string, Median>,
  ours: string,
): { target: string; median: Median } | undefined {
  let best: { target: string; median: Median } | undefined;
  for (const [target, median] of medians) {
    if (target === ours || median.kind === "none") continue;
    const rank = (m: Median) => (m.kind === "ms" ? m.ms : Infinity);
    if (best === undefined || rank(median) < rank(best.median)) best = { target, median };
  }
  return best;
}

/**
 * A target's time over the fastest peer's, as text: "0.33×" (a third of its time), or a bound when
 * either timed out ("< 0.10×" when only the peer did, "> 1.5×" when only the target did).
 */
export function ratioText(target: Median, peer: Median | undefined): string {
  if (peer === undefined || target.kind === "none" || peer.kind === "none") return "n/a";
  const ratio = (target.ms / peer.ms).toFixed(2);
  if (target.kind === "ms" && peer.kind === "ms") return `${ratio}×`;
  if (target.kind === "ms") return `< ${ratio}×`;
  if (peer.kind === "ms") return `> ${ratio}×`;
  return "n/a (both > timeout)";
}

const thousands = (n: number) => Math.round(n).toLocaleString("en-US");

export function medianText(median: Median): string {
  if (median.kind === "none") return "error";
  return median.kind === "ms" ? `${thousands(median.ms)} ms` : `> ${thousands(median.ms)} ms`;
}

function pad(text: string, width: number, right: boolean): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/**
 * The printed table (Markdown, so it can go into the README as it is): one row per size, each target's
 * median with its ratio to the fastest peer, then the fastest peer and our ratio to it.
 */
export function peersTable(
  rows: readonly { readonly events: number; readonly targets: readonly TargetSamples[] }[],
  ours: string,
  timeoutMs: number,
): string {
  const names = rows[0]?.targets.map((t) => t.target) ?? [];
  const header = ["events", ...names, "fastest peer", `${ours} ÷ fastest peer`];
  const body = rows.map(({ events, targets }) => {
    const medians = new Map(targets.map((t) => [t.target, medianOf(t.samples, timeoutMs)]));
    const fastest = fastestPeer(medians, ours);
    const cell = (name: string) => {
      const median = medians.get(name) ?? { kind: "none" };
      return name === fastest?.target
        ? `${medianText(median)} (fastest)`
        : `${medianText(median)} (${ratioText(median, fastest?.median)})`;
    };
    return [
      thousands(events),
      ...names.map(cell),
      fastest?.target ?? "none",
      ratioText(medians.get(ours) ?? { kind: "none" }, fastest?.median),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => pad(c, widths[i]!, i !== header.length - 2)).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (i === header.length - 2 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`;
  return [line(header), rule, ...body.map(line)].join("\n");
}
