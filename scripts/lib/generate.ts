// Synthetic datasets in the project's JSON format, for benchmarks and stress tests: pure and
// deterministic (same n and seed → byte-identical JSON), with the shape of a real news corpus:
// bursts of many events on one day, quiet stretches of months, more news in recent years, ranges,
// mixed date precision and basis. Articles carry no `file`, so quotes are shown as unverified.

export interface GenerateOptions {
  /** Number of events. */
  readonly n: number;
  /** Any integer; the same seed gives the same dataset. */
  readonly seed: number;
}

export interface GeneratedSource {
  article: string;
  quote: string;
}

export interface GeneratedEvent {
  id: string;
  title: string;
  summary: string;
  start: string;
  end?: string;
  precision: "year" | "month" | "week" | "day" | "time";
  dateBasis: "stated" | "inferred" | "reference";
  dateNote: string;
  lane: string;
  actors: string[];
  topics: string[];
  sources: GeneratedSource[];
  conflict?: { note: string; events: string[] };
}

export interface GeneratedDataset {
  title: string;
  description: string;
  lanes: { id: string; label: string; description: string }[];
  articles: {
    id: string;
    title: string;
    outlet: string;
    published: string;
    publishedBasis: "stated" | "inferred" | "reference";
    publishedNote: string;
  }[];
  events: GeneratedEvent[];
}

export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2025;
const DAY_MS = 86_400_000;
/** Share of events with an `end` (they lasted). */
export const RANGE_SHARE = 0.2;
/** Share of events that fall on burst days (many events within one day). */
const BURST_SHARE = 0.4;

/** mulberry32: a tiny, fast 32-bit PRNG; good enough for test data and fully reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Random {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** One of `items` with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }
  /** `count` distinct items (fewer if there are not enough). */
  distinct<T>(items: readonly T[], count: number): T[] {
    const chosen: T[] = [];
    for (let guard = 0; chosen.length < Math.min(count, items.length) && guard < 100; guard++) {
      const item = this.pick(items);
      if (!chosen.includes(item)) chosen.push(item);
    }
    return chosen;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary (fictional places and people, so nothing reads as a claim about the real world)

const LANES = [
  { id: "politics", label: "Politics & elections", description: "Governments, parliaments, parties, votes." },
  { id: "economy", label: "Economy & markets", description: "Budgets, trade, central banks, companies." },
  { id: "conflict", label: "Conflict & security", description: "Wars, ceasefires, defence and policing." },
  { id: "diplomacy", label: "Diplomacy & summits", description: "Visits, talks, treaties and sanctions." },
  { id: "society", label: "Society & courts", description: "Protests, rulings, health and education." },
  { id: "science", label: "Science, tech & climate", description: "Research, technology, energy, weather." },
] as const;

const OUTLETS = ["The Northland Herald", "Meridian Wire", "Coastal Daily", "Eastport Observer", "Atlas News"];
const ARTICLE_TITLES = [
  "Thirty-five years of upheaval in the Northland federation, a chronology",
  "How the Meridian crisis unfolded: a timeline of decisions",
  "From the accord to the blockade: what happened when",
  "Markets, summits and strikes: a reporter's notebook",
  "The long road to the Eastport treaty",
];

const PLACES = [
  "Northland",
  "Southmark",
  "Eastport",
  "Westvale",
  "Meridia",
  "Caldera",
  "Ostrava Bay",
  "Lowmarsh",
  "Highgate",
  "Rivermouth",
  "the Delta provinces",
  "the Iron Coast",
];
const FIRST_NAMES = [
  "Ana",
  "Boris",
  "Chen",
  "Dara",
  "Elif",
  "Femi",
  "Greta",
  "Hugo",
  "Ines",
  "Jonas",
  "Kaveh",
  "Lena",
  "Mateo",
  "Nadia",
  "Omar",
  "Priya",
  "Rafael",
  "Sofia",
  "Tomas",
  "Yuki",
];
const LAST_NAMES = [
  "Albrecht",
  "Barros",
  "Castellano",
  "Dimitrov",
  "Eriksen",
  "Farouk",
  "Grünwald",
  "Halvorsen",
  "Ibáñez",
  "Jovanović",
  "Kowalczyk",
  "Lindqvist",
  "Moreau",
  "Nakamura",
  "O'Connell",
  "Petrova",
];
const ORGANISATIONS = [
  "the United Assembly",
  "the Northland Central Bank",
  "the Meridian Union",
  "the Coastal Defence Pact",
  "the Supreme Court",
  "the Port Workers' Union",
  "the Energy Agency",
  "the Eastport Stock Exchange",
  "the Health Council",
  "the Election Commission",
];
const TOPICS = [
  "elections",
  "inflation",
  "trade",
  "energy",
  "ceasefire",
  "sanctions",
  "budget",
  "strikes",
  "climate",
  "courts",
  "health",
  "migration",
  "technology",
  "defence spending",
  "corruption",
  "housing",
  "floods",
  "space",
];
const SUBJECTS = [
  "Government",
  "Parliament",
  "Central bank",
  "Supreme court",
  "Rebel command",
  "Dockers' union",
  "Cabinet",
  "Prime minister",
  "President",
  "Army",
  "Regulator",
  "Opposition leader",
  "Election board",
  "Science council",
  "Police chief",
  "Special envoy",
];
const SHORT_TITLES = [
  "Talks collapse",
  "Strike ends",
  "Vote delayed",
  "Rates cut",
  "Truce holds",
  "Floods hit",
  "Cabinet quits",
  "Deal signed",
  "Court rules",
  "Polls close",
  "Ports reopen",
  "Fighting resumes",
  "Budget passes",
  "Border shut",
];
const PREDICATES = [
  "announces sweeping reform of the pension system",
  "rejects the proposed budget",
  "agrees to a temporary ceasefire",
  "raises interest rates by half a point",
  "opens talks on a new trade agreement",
  "orders an inquiry into procurement",
  "suspends arms deliveries",
  "declares a state of emergency",
  "calls an early election",
  "imposes new sanctions",
  "approves emergency funding",
  "blocks the merger",
  "ends a three-week strike",
  "publishes the long-awaited report",
  "signs a memorandum on energy supplies",
  "withdraws its ambassador",
];
const CLAUSES = [
  "after overnight talks",
  "amid protests in the capital",
  "as markets fall sharply",
  "despite warnings from allies",
  "following a disputed vote",
  "in a surprise move",
  "under pressure from lenders",
  "after weeks of deadlock",
  "while negotiations continue behind closed doors",
  "as the opposition cries foul",
];
const QUOTE_OPENERS = [
  "We will not accept that",
  "The decision was taken",
  "According to officials,",
  "It is too early to say",
  "Sources close to the talks said",
  "The ministry confirmed that",
  "Witnesses described",
  "Analysts expect",
  "In a statement, the spokesperson said",
  "“This changes everything,” she said, adding that",
  "Speaking to reporters,",
];
const VERBS = ["said", "announced", "warned", "confirmed", "denied", "insisted", "claimed", "told reporters"];
const TIME_ZONES = [
  "Z",
  "+00:00",
  "-04:00",
  "-05:00",
  "-07:00",
  "+01:00",
  "+02:00",
  "+03:00",
  "+05:30",
  "+09:00",
  "+10:00",
  "-03:00",
];

// ---------------------------------------------------------------------------------------------
// Dates (all UTC arithmetic: the result must not depend on the machine's time zone)

const pad = (value: number, width = 2) => String(value).padStart(width, "0");
const ymd = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const ym = (ms: number) => ymd(ms).slice(0, 7);
const year = (ms: number) => ymd(ms).slice(0, 4);
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August"];
const MONTH_NAMES_2 = ["September", "October", "November", "December"];
const monthName = (month0: number) => [...MONTH_NAMES, ...MONTH_NAMES_2][month0]!;

/**
 * Relative weight of each month from FIRST_YEAR to LAST_YEAR: more news in recent years (about
 * ×20 over the period) and stretches of quiet months (a two-state Markov chain), as a cumulative
 * table for sampling.
 */
function monthTable(random: Random): { startMs: number[]; cumulative: Float64Array } {
  const startMs: number[] = [];
  const weights: number[] = [];
  let quiet = false;
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    for (let m = 0; m < 12; m++) {
      quiet = quiet ? !random.chance(0.35) : random.chance(0.12);
      const growth = Math.exp(0.085 * (y - FIRST_YEAR));
      const activity = quiet ? 0.01 : 0.25 - Math.log(1 - random.next());
      startMs.push(Date.UTC(y, m, 1));
      weights.push(growth * activity);
    }
  }
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (cumulative[i] = sum += w));
  return { startMs, cumulative };
}

/** A random day (its UTC midnight) drawn from the month weights. */
function randomDay(random: Random, table: ReturnType<typeof monthTable>): number {
  const { cumulative, startMs } = table;
  const r = random.next() * cumulative[cumulative.length - 1]!;
  let lo = 0,
    hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  const first = startMs[lo]!;
  const days = Math.round(((startMs[lo + 1] ?? Date.UTC(LAST_YEAR + 1, 0, 1)) - first) / DAY_MS);
  return first + random.int(0, days - 1) * DAY_MS;
}

/**
 * The day of every event: about 40% on burst days (a heavy-tailed number of events on one day,
 * with smaller follow-ups on the next days; the biggest bursts hold hundreds of events at n = 100k),
 * the rest spread over the weighted months.
 */
function eventDays(random: Random, n: number, table: ReturnType<typeof monthTable>) {
  const days: { dayMs: number; burst: boolean }[] = [];
  const largest = Math.max(10, Math.min(800, Math.round(n * 0.01)));
  let inBursts = Math.round(n * BURST_SHARE);
  while (inBursts > 0) {
    const day = randomDay(random, table);
    // Pareto(α = 1.1) from 5 events up, capped.
    let size = Math.min(largest, Math.floor(5 * (1 - random.next()) ** (-1 / 1.1)), inBursts);
    for (let follow = 0; size > 0 && inBursts > 0; follow++) {
      const count = Math.min(size, inBursts);
      for (let i = 0; i < count; i++) days.push({ dayMs: day + follow * DAY_MS, burst: true });
      inBursts -= count;
      size = random.chance(0.5) ? Math.floor(size * 0.3) : 0;
    }
  }
  while (days.length < n) days.push({ dayMs: randomDay(random, table), burst: false });
  return days;
}

// ---------------------------------------------------------------------------------------------
// Text

function personName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

/** A title of about `target` characters (8–110): a short headline or subject + predicate + clauses. */
function makeTitle(random: Random, target: number, place: string): string {
  if (target < 20) return random.pick(SHORT_TITLES);
  const parts = [`${random.pick(SUBJECTS)} ${random.pick(PREDICATES)}`];
  const extras = [`in ${place}`, ...random.distinct(CLAUSES, 3)];
  for (const extra of extras) {
    if (parts.join(" ").length + extra.length + 1 > target) break;
    parts.push(extra);
  }
  let title = parts.join(" ");
  if (title.length > 110) title = title.slice(0, 110).replace(/\s+\S*$/, "");
  return title;
}

/** A quote of `target` characters or a little less (8–200), cut at a word boundary. */
function makeQuote(random: Random, target: number, actor: string, place: string): string {
  let text = `${random.pick(QUOTE_OPENERS)} ${actor} ${random.pick(VERBS)} that the ${random.pick(SUBJECTS).toLowerCase()} ${random.pick(PREDICATES)}`;
  while (text.length < target) {
    text += random.chance(0.5)
      ? ` ${random.pick(CLAUSES)}`
      : `. In ${place}, the ${random.pick(SUBJECTS).toLowerCase()} ${random.pick(PREDICATES)}`;
  }
  if (text.length > target) text = text.slice(0, target).replace(/\s+\S*$/, "");
  text = text.replace(/[\s,.]+$/, "");
  return text.length >= 8 ? text : "Officials said so";
}

function slug(text: string, max: number): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}

// ---------------------------------------------------------------------------------------------
// Events

type Precision = GeneratedEvent["precision"];
type Basis = GeneratedEvent["dateBasis"];

interface Draft {
  dayMs: number;
  /** Minutes after local midnight, for time-of-day events. */
  minute: number;
  event: GeneratedEvent;
}

function dateNote(random: Random, basis: Basis, precision: Precision, article: string, dayMs: number) {
  const d = new Date(dayMs);
  const when =
    precision === "year"
      ? `in ${d.getUTCFullYear()}`
      : precision === "month"
        ? `in ${monthName(d.getUTCMonth())} ${d.getUTCFullYear()}`
        : precision === "week"
          ? "last week"
          : precision === "time"
            ? "at a stated hour"
            : "on a named day";
  switch (basis) {
    case "stated":
      return `Article ${article} gives the date ${when}.`;
    case "inferred":
      return `Article ${article} says "${random.pick(["on Thursday", "last week", "earlier this month", "yesterday", "on Monday"])}"; resolved from its publication date.`;
    case "reference":
      return `The article is undated; the date ${when} comes from outside reference.`;
  }
}

function makeEvent(
  random: Random,
  dayMs: number,
  burst: boolean,
  articles: readonly string[],
  actorsPool: readonly string[],
): Draft {
  const precision: Precision = burst
    ? random.weighted<Precision>([
        ["day", 62],
        ["time", 33],
        ["week", 2],
        ["month", 3],
      ])
    : random.weighted<Precision>([
        ["day", 66],
        ["time", 8],
        ["month", 16],
        ["week", 5],
        ["year", 5],
      ]);
  const dateBasis = random.weighted<Basis>([
    ["stated", 55],
    ["inferred", 20],
    ["reference", 25],
  ]);
  // Approximate / uncertain qualifiers on a few coarse dates.
  const qualifier =
    precision !== "day" && precision !== "time" && random.chance(0.06) ? random.pick(["~", "?", "%"]) : "";
  let minute = 0;
  let start: string;
  switch (precision) {
    case "year":
      start = year(dayMs);
      break;
    case "month":
      start = ym(dayMs);
      break;
    case "time": {
      // Mostly working hours, local to the zone the article reported.
      minute = random.int(6 * 60, 22 * 60 - 1);
      if (random.chance(0.6)) minute -= minute % 15;
      start = `${ymd(dayMs)}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}${random.pick(TIME_ZONES)}`;
      break;
    }
    default:
      start = ymd(dayMs);
  }
  start += qualifier;

  let end: string | undefined;
  if (random.chance(RANGE_SHARE)) {
    // A few days (most) to several months later.
    const days = random.chance(0.7) ? random.int(2, 14) : random.int(15, 240);
    const endMs = dayMs + days * DAY_MS;
    if (precision === "year") end = String(new Date(dayMs).getUTCFullYear() + random.int(1, 3));
    else if (precision === "month") end = ym(dayMs + Math.max(days, 32) * DAY_MS);
    else if (precision === "week") end = ymd(dayMs + Math.max(days, 7) * DAY_MS);
    else end = ymd(endMs);
  }

  const place = random.pick(PLACES);
  const actors = random.distinct(
    actorsPool,
    random.weighted([
      [1, 50],
      [2, 35],
      [3, 15],
    ]),
  );
  const topics = random.distinct(
    TOPICS,
    random.weighted([
      [0, 10],
      [1, 50],
      [2, 30],
      [3, 10],
    ]),
  );
  const titleTarget = random.weighted<[number, number]>([
    [[8, 19], 12],
    [[20, 60], 58],
    [[61, 110], 30],
  ]);
  const title = makeTitle(random, random.int(...titleTarget), place);
  const cited = random.distinct(articles, random.chance(0.3) ? 2 : 1);
  const sources = cited.map((article) => {
    const length = random.chance(0.15) ? random.int(8, 30) : random.int(30, 200);
    return { article, quote: makeQuote(random, length, actors[0]!, place) };
  });
  const summary =
    `${random.pick(SUBJECTS)} ${random.pick(PREDICATES)} in ${place}` +
    (random.chance(0.5) ? ` ${random.pick(CLAUSES)}` : "") +
    `; ${actors.length === 1 ? `${actors[0]} is` : `${actors.slice(0, -1).join(", ")} and ${actors.at(-1)} are`} named in the reports.`;
  const event: GeneratedEvent = {
    id: "",
    title,
    summary,
    start,
    ...(end === undefined ? {} : { end }),
    precision,
    dateBasis,
    dateNote: dateNote(random, dateBasis, precision, cited[0]!, dayMs),
    lane: random.pick(LANES).id,
    actors,
    topics,
    sources,
  };
  return { dayMs, minute, event };
}

/** A dataset of `n` synthetic events; pure: the same options always give the same result. */
export function generateDataset({ n, seed }: GenerateOptions): GeneratedDataset {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
  const random = new Random(mulberry32(seed));

  const articleCount = random.int(3, 5);
  const articles = Array.from({ length: articleCount }, (_, i) => {
    const title = ARTICLE_TITLES[i]!;
    return {
      id: `a${i + 1}-${slug(title, 40)}`,
      title,
      outlet: OUTLETS[i]!,
      published: `${LAST_YEAR}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}${random.chance(0.5) ? "~" : ""}`,
      publishedBasis: random.pick(["stated", "inferred", "reference"] as const),
      publishedNote: "Synthetic article: the text is not available, so its quotes are shown as unverified.",
    };
  });
  const articleIds = articles.map((a) => a.id);
  const actorsPool = [
    ...Array.from({ length: 40 }, () => personName(random)),
    ...ORGANISATIONS,
    ...PLACES.slice(0, 6).map((p) => `government of ${p}`),
  ].filter((actor, i, all) => all.indexOf(actor) === i);

  const table = monthTable(random);
  const drafts = eventDays(random, n, table).map(({ dayMs, burst }) =>
    makeEvent(random, dayMs, burst, articleIds, actorsPool),
  );
  // Chronological, as a curated file would be; ties keep generation order (Array.sort is stable).
  drafts.sort((a, b) => a.dayMs - b.dayMs || a.minute - b.minute);
  const width = Math.max(1, (n - 1).toString(36).length);
  drafts.forEach((draft, i) => {
    const e = draft.event;
    e.id = `${ymd(draft.dayMs)}-${slug(e.title, 36)}-${i.toString(36).padStart(width, "0")}`;
  });
  // About 1% of events disagree with the event before them (a conflict note naming it).
  drafts.forEach((draft, i) => {
    if (i > 0 && random.chance(0.01)) {
      const other = drafts[i - 1]!.event.id;
      draft.event.conflict = {
        note: "Reports disagree about the date and who took part.",
        events: [other],
      };
    }
  });

  return {
    title: `Synthetic news timeline: ${String(n).replace(/\B(?=(\d{3})+$)/g, ",")} events, ${FIRST_YEAR}–${LAST_YEAR} (seed ${seed})`,
    description:
      "Generated test data with the shape of a real news corpus (bursts, quiet months, ranges, mixed date " +
      "precision); fictional places and people; quotes are unverified because the articles have no text.",
    lanes: LANES.map((lane) => ({ ...lane })),
    articles,
    events: drafts.map((d) => d.event),
  };
}
