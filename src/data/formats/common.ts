/**
 * What the format importers share: the shape of the project's JSON dataset (the input of
 * validateDataset, before validation) and the stable id derivation used when a format has no ids.
 */
import type { DataIssue } from "../issues";
import type { DateBasis, Precision } from "../types";

export interface LaneJson {
  id: string;
  label: string;
  description?: string;
}

export interface ArticleJson {
  id: string;
  title: string;
  file?: string;
  outlet?: string;
  url?: string;
  published?: string;
  publishedBasis?: DateBasis;
  publishedNote?: string;
}

/** Optional keys may be missing on import: the validator then reports them in its own words. */
export interface SourceJson {
  article?: string;
  quote?: string;
}

export interface EventJson {
  id?: string;
  title?: string;
  summary?: string;
  summaryHtml?: string;
  start?: string;
  end?: string;
  precision?: string;
  dateBasis?: string;
  dateNote?: string;
  lane?: string;
  actors?: string[];
  topics?: string[];
  sources?: SourceJson[];
  conflict?: { note: string; events?: string[] };
  media?: MediaJson;
  displayDate?: string;
  background?: BackgroundJson;
}

export interface MediaJson {
  url: string;
  caption?: string;
  credit?: string;
  thumbnail?: string;
  alt?: string;
}

export interface BackgroundJson {
  url?: string;
  color?: string;
}

export interface EraJson {
  title?: string;
  description?: string;
  start?: string;
  end?: string;
}

/** The project's dataset format (data/events.schema.json) as a plain object, ready for validateDataset. */
export interface DatasetJson {
  $schema?: string;
  strict?: boolean;
  title: string;
  description?: string;
  descriptionHtml?: string;
  lanes: LaneJson[];
  articles: ArticleJson[];
  events: EventJson[];
  eras?: EraJson[];
  scale?: string;
  media?: MediaJson;
  background?: BackgroundJson;
  /** Left as written for the validator to check (a TimelineJS file may carry them too). */
  mediaOrigins?: unknown;
  publish?: unknown;
}

/** A file converted into the dataset format, before validation. */
export interface ImportResult {
  readonly json: DatasetJson;
  /** Problems found while converting, located in the original file (e.g. `rows[3]`, `events[2]`). */
  readonly issues: DataIssue[];
  /** Moves an issue that validateDataset found in `json` back to where it is in the original file. */
  readonly relocate: (issue: DataIssue) => DataIssue;
  /** Records (CSV rows, TimelineJS events) left out before validation because of errors. */
  readonly rejected: number;
}

export const ID_MAX = 80;

/** FNV-1a, as 8 hex digits: a short stable fingerprint for text that has no ASCII letters to slug. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/**
 * Lowercase ASCII letters, digits and single hyphens (the dataset's id form), at most `max`
 * characters, cut at a hyphen where possible. Accents are dropped ("Zelenskyy’s é" → "zelenskyy-s-e").
 */
export function slugify(text: string, max = ID_MAX): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const hyphen = cut.lastIndexOf("-");
  return (hyphen > max / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, "");
}

/** A slug for `text`, or `prefix-<hash>` when nothing of it survives slugging (e.g. Cyrillic or CJK). */
export function idFor(text: string, prefix: string): string {
  const slug = slugify(text);
  return slug === "" ? `${prefix}-${shortHash(text)}` : slug;
}

/**
 * A stable event id from its start and title, in the project's style (`2025-07-10-trump-phones-rutte`).
 * The same start and title always give the same id. A title with no ASCII letters or digits is
 * represented by a hash of itself, so different titles on one day still get different ids.
 */
export function deriveEventId(start: string, title: string): string {
  // A year before 1 CE keeps its sign as a word, so `-0043-03-15` does not read as the year 43.
  const date = slugify(start.replace(/[~?%]/g, "").replace(/^-/, "minus-"), 30);
  const words = slugify(title);
  const tail = words === "" ? shortHash(title) : words;
  return slugify(date === "" ? tail : `${date}-${tail}`);
}

/**
 * The precision an EDTF start's notation implies: YYYY → year, YYYY-MM → month, YYYY-MM-DD → day,
 * with a time of day → time. "week" is never implied (it must be said). Text that is not a date at
 * all gives "day", so the validator reports the bad date once instead of a second precision error.
 */
export function precisionOfNotation(start: string): Precision {
  if (start.includes("T")) return "time";
  const parts = start
    .replace(/^-/, "")
    .replace(/[~?%]$/, "")
    .split("-").length;
  return parts === 1 ? "year" : parts === 2 ? "month" : "day";
}

/** A dataset title for a file that carries none: its name without folders or extension. */
export function titleFromFileName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const name = base.replace(/\.[^.]+$/, "").trim();
  return (name === "" ? "Untitled timeline" : name).slice(0, 200);
}

/** `events[7]` → 7; undefined for any other path. */
export function indexIn(collection: string, path: string): number | undefined {
  const match = new RegExp(`^${collection}\\[(\\d+)\\]$`).exec(path);
  return match === null ? undefined : Number(match[1]);
}
