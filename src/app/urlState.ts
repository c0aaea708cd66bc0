import type { DateBasis } from "../data/types";
import type { Filters } from "../model/filterEvents";
import type { ReportingStatus } from "../model/reportingStatus";
import type { Domain } from "../model/timeDomain";

/** Everything a link restores: the time window, the selected event, filters, search and view. */
export interface UrlState {
  readonly window?: Domain;
  readonly event?: string;
  readonly query: string;
  readonly filters: Filters;
  readonly view: "timeline" | "list";
}

/** What the page knows, so a link naming something that does not exist is reported, not obeyed. */
export interface Known {
  readonly events: ReadonlySet<string>;
  readonly lanes: ReadonlySet<string>;
  readonly articles: ReadonlySet<string>;
  readonly actors: ReadonlySet<string>;
  readonly topics: ReadonlySet<string>;
}

const BASES: readonly DateBasis[] = ["stated", "inferred", "reference"];
const STATUSES: readonly ReportingStatus[] = ["disputed", "corroborated", "single"];
const FACET_PARAMS = [
  ["lanes", "lane"],
  ["articles", "article"],
  ["actors", "actor"],
  ["topics", "topic"],
  ["bases", "basis"],
  ["statuses", "status"],
] as const;
/** Parameters owned by other features that parseUrlState must leave alone. */
const OTHER_PARAMS = new Set(["data", "embed"]);

/** A window edge as written in links: ISO 8601 UTC to the second, e.g. 2025-07-07T06:00:00Z. */
function formatInstant(ms: number): string {
  return new Date(Math.round(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

function parseInstant(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z)?$/.test(text)) return undefined;
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
  // Date.parse rolls 2025-02-30 over to March; a link with such a date is malformed.
  return Number.isFinite(ms) && formatInstant(ms).startsWith(text.slice(0, 10)) ? ms : undefined;
}

/**
 * Reads the view from a query string. Malformed or unknown values are dropped with a notice each,
 * never thrown, so a mangled link still opens the page.
 */
export function parseUrlState(search: string, known: Known): { state: UrlState; notices: string[] } {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  let window: Domain | undefined;
  const windowText = params.get("window");
  if (windowText !== null) {
    const [a = "", b = ""] = windowText.split("/");
    const from = parseInstant(a),
      to = parseInstant(b);
    if (from === undefined || to === undefined || !(to > from)) {
      notices.push(
        `Ignored window=${windowText}: expected START/END as ISO dates, e.g. 2025-07-07/2025-07-17`,
      );
    } else window = [from, to];
  }
  let event = params.get("event") ?? undefined;
  if (event !== undefined && !known.events.has(event)) {
    notices.push(`Ignored event=${event}: there is no such event`);
    event = undefined;
  }
  const facets: Record<string, Set<string>> = {};
  for (const [facet, param] of FACET_PARAMS) {
    // One parameter per value (lane=a&lane=b): values such as actor names may contain commas.
    const values = params.getAll(param).filter((v) => v !== "");
    // Known values are only looked at when the link names some (they may be built on demand).
    if (values.length === 0) {
      facets[facet] = new Set();
      continue;
    }
    const allowed: ReadonlySet<string> =
      facet === "bases" ? new Set(BASES) : facet === "statuses" ? new Set(STATUSES) : known[facet];
    const unknown = values.filter((v) => !allowed.has(v));
    for (const v of unknown) notices.push(`Ignored ${param}=${v}: not in this dataset`);
    facets[facet] = new Set(values.filter((v) => allowed.has(v)));
  }
  const viewText = params.get("view");
  if (viewText !== null && viewText !== "list" && viewText !== "timeline")
    notices.push(`Ignored view=${viewText}`);
  for (const key of new Set(params.keys())) {
    const isKnown =
      ["window", "event", "q", "view"].includes(key) ||
      FACET_PARAMS.some(([, p]) => p === key) ||
      OTHER_PARAMS.has(key);
    if (!isKnown) notices.push(`Ignored unknown link parameter "${key}"`);
  }
  return {
    state: {
      window,
      event,
      query: params.get("q") ?? "",
      filters: facets as unknown as Filters,
      view: viewText === "list" ? "list" : "timeline",
    },
    notices,
  };
}

/**
 * Writes the view into a query string, keeping the parameters other features own (data, embed).
 * Facet values are sorted so one view has one link.
 */
export function formatUrlState(state: UrlState, current: string): string {
  const params = new URLSearchParams();
  const previous = new URLSearchParams(current);
  for (const key of OTHER_PARAMS) for (const v of previous.getAll(key)) params.append(key, v);
  if (state.window !== undefined)
    params.set("window", `${formatInstant(state.window[0])}/${formatInstant(state.window[1])}`);
  if (state.event !== undefined) params.set("event", state.event);
  if (state.query !== "") params.set("q", state.query);
  for (const [facet, param] of FACET_PARAMS) {
    for (const value of [...state.filters[facet]].sort()) params.append(param, value);
  }
  if (state.view === "list") params.set("view", "list");
  // ":" and "/" are legal in a query; leaving them unescaped keeps links readable.
  const text = params.toString().replace(/%3A/gi, ":").replace(/%2F/gi, "/");
  return text === "" ? "" : `?${text}`;
}
