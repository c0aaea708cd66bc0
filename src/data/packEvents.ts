import type { EdtfDate, Granularity, Source, TimelineEvent } from "./types";

/**
 * Validated events as flat columns, for the trip from the loading worker to the page. Structured
 * clone copies an object graph key by key: 100,000 events with nested dates, sources and lists took
 * about a second to arrive on the page's thread. One number column (transferred, not copied) and two
 * string lists arrive in a few ms, and `unpackEvents` rebuilds the objects faster than clone did.
 *
 * The encoding is a tape: packEvents writes each event's values in a fixed order and unpackEvents
 * reads them back in the same order. Strings that repeat across events (lanes, date notes, actors,
 * topics, article ids, enums) are written once to `shared` and referred to by position.
 */
export interface PackedEvents {
  readonly count: number;
  readonly numbers: Float64Array;
  /** Strings of one event each (id, title, summary, date texts, quotes, conflict), in tape order. */
  readonly texts: readonly string[];
  readonly shared: readonly string[];
}

const IS_RANGE = 1;
const HAS_END = 2;
const HAS_CONFLICT = 4;
/** Media, display date or background (TimelineJS's), written as one JSON text: few events have them. */
const HAS_EXTRAS = 8;

const APPROXIMATE = 1;
const UNCERTAIN = 2;
const HAS_OFFSET = 4;

/** A Float64Array that grows as it is written. */
function numberTape(initial: number) {
  let values = new Float64Array(Math.max(16, initial));
  let length = 0;
  return {
    push(value: number): void {
      if (length === values.length) {
        const grown = new Float64Array(values.length * 2);
        grown.set(values);
        values = grown;
      }
      values[length++] = value;
    },
    done: (): Float64Array => values.slice(0, length),
  };
}

type Extras = Pick<TimelineEvent, "media" | "displayDate" | "background">;

const hasExtras = (e: TimelineEvent) =>
  e.media !== undefined || e.displayDate !== undefined || e.background !== undefined;

/** The extras packEvents wrote as JSON (itself, so trusted): only the fields that were there. */
function readExtras(json: string): Extras {
  const { media, displayDate, background } = JSON.parse(json) as Extras;
  return {
    ...(media === undefined ? {} : { media }),
    ...(displayDate === undefined ? {} : { displayDate }),
    ...(background === undefined ? {} : { background }),
  };
}

/** Writes events to a tape (see PackedEvents). */
export function packEvents(events: readonly TimelineEvent[]): PackedEvents {
  const numbers = numberTape(events.length * 24);
  const texts: string[] = [];
  const shared: string[] = [];
  const sharedAt = new Map<string, number>();
  const ref = (value: string) => {
    let at = sharedAt.get(value);
    if (at === undefined) {
      at = shared.push(value) - 1;
      sharedAt.set(value, at);
    }
    numbers.push(at);
  };
  const date = (d: EdtfDate) => {
    texts.push(d.text);
    ref(d.granularity);
    numbers.push(d.startMs);
    numbers.push(d.endMs);
    const flags =
      (d.approximate ? APPROXIMATE : 0) |
      (d.uncertain ? UNCERTAIN : 0) |
      (d.offsetMinutes !== undefined ? HAS_OFFSET : 0);
    numbers.push(flags);
    if (d.offsetMinutes !== undefined) numbers.push(d.offsetMinutes);
  };
  for (const e of events) {
    numbers.push(
      (e.isRange ? IS_RANGE : 0) |
        (e.end !== undefined ? HAS_END : 0) |
        (e.conflict ? HAS_CONFLICT : 0) |
        (hasExtras(e) ? HAS_EXTRAS : 0),
    );
    numbers.push(e.startMs);
    numbers.push(e.endMs);
    texts.push(e.id, e.title, e.summary);
    date(e.start);
    if (e.end !== undefined) date(e.end);
    ref(e.precision);
    ref(e.dateBasis);
    ref(e.dateNote);
    ref(e.lane);
    numbers.push(e.actors.length);
    for (const a of e.actors) ref(a);
    numbers.push(e.topics.length);
    for (const t of e.topics) ref(t);
    numbers.push(e.sources.length);
    for (const s of e.sources) {
      ref(s.article);
      numbers.push(s.verified ? 1 : 0);
      texts.push(s.quote);
    }
    if (e.conflict) {
      texts.push(e.conflict.note);
      numbers.push(e.conflict.events.length);
      for (const id of e.conflict.events) texts.push(id);
    }
    if (hasExtras(e))
      texts.push(JSON.stringify({ media: e.media, displayDate: e.displayDate, background: e.background }));
  }
  return { count: events.length, numbers: numbers.done(), texts, shared };
}

/** Reads events back from a tape written by packEvents. */
export function unpackEvents({ count, numbers, texts, shared }: PackedEvents): TimelineEvent[] {
  let n = 0,
    t = 0;
  const num = () => numbers[n++]!;
  const text = () => texts[t++]!;
  const ref = () => shared[numbers[n++]!]!;
  const refs = () => {
    const list: string[] = new Array<string>(num());
    for (let i = 0; i < list.length; i++) list[i] = ref();
    return list;
  };
  const date = (): EdtfDate => {
    const dateText = text();
    const granularity = ref() as Granularity;
    const startMs = num(),
      endMs = num(),
      flags = num();
    const approximate = (flags & APPROXIMATE) !== 0,
      uncertain = (flags & UNCERTAIN) !== 0;
    return (flags & HAS_OFFSET) !== 0
      ? { text: dateText, granularity, startMs, endMs, offsetMinutes: num(), approximate, uncertain }
      : { text: dateText, granularity, startMs, endMs, approximate, uncertain };
  };
  const events = new Array<TimelineEvent>(count);
  for (let i = 0; i < count; i++) {
    const flags = num();
    const startMs = num(),
      endMs = num();
    const id = text(),
      title = text(),
      summary = text();
    const start = date();
    const end = (flags & HAS_END) !== 0 ? date() : undefined;
    const precision = ref() as TimelineEvent["precision"];
    const dateBasis = ref() as TimelineEvent["dateBasis"];
    const dateNote = ref(),
      lane = ref();
    const actors = refs(),
      topics = refs();
    const sources = new Array<Source>(num());
    for (let s = 0; s < sources.length; s++) {
      const article = ref();
      const verified = num() === 1;
      sources[s] = { article, quote: text(), verified };
    }
    let conflict: TimelineEvent["conflict"];
    if ((flags & HAS_CONFLICT) !== 0) {
      const note = text();
      const ids = new Array<string>(num());
      for (let c = 0; c < ids.length; c++) ids[c] = text();
      conflict = { note, events: ids };
    }
    const extras = (flags & HAS_EXTRAS) !== 0 ? readExtras(text()) : {};
    events[i] = {
      id,
      title,
      summary,
      start,
      end,
      precision,
      dateBasis,
      dateNote,
      lane,
      actors,
      topics,
      sources,
      conflict,
      startMs,
      endMs,
      isRange: (flags & IS_RANGE) !== 0,
      ...extras,
    };
  }
  return events;
}
