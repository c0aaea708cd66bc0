import type { DataIssue } from "../../data/issues";
import { reportIssues, type IssueReport } from "../../data/issueSummary";
import type { LoadedAnyFormat } from "../../data/loadAnyFormat";
import type { PackedEvents } from "../../data/packEvents";
import type { Lane, TimelineEvent } from "../../data/types";
import { splitPages } from "../../model/articlePages";
import type { EventIndex } from "../../model/eventIndex";

/**
 * A checked file as the page holds it: its problems as a report (counts, the first hundred, counts
 * by kind), and the whole list apart, for the download only.
 */
export interface CheckedFile extends Omit<LoadedAnyFormat, "issues" | "texts"> {
  readonly report: IssueReport;
  /** Every problem: the list itself, or (from the worker, when there are more than it lists) its lines in a Blob. */
  readonly allIssues: readonly DataIssue[] | Blob;
  /** Each readable article's text in the pages the source reader shows (see splitPages). */
  readonly pages: ReadonlyMap<string, readonly string[]>;
  /**
   * The events' time index, when a worker checked the file: it sorts them while the page waits
   * anyway (at 100,000 events that was ~170 ms of the page's first task).
   */
  readonly index?: EventIndex;
}

/** A file checked on the page (or built into it): its own list of problems is at hand, its articles are small. */
export function checkedHere({ issues, texts, ...loaded }: LoadedAnyFormat): CheckedFile {
  const pages = new Map([...texts].map(([id, text]) => [id, splitPages(text)]));
  return { ...loaded, report: reportIssues(issues), allIssues: issues, pages };
}

/**
 * A file to load, and what the page asks the loading worker for: a same-origin URL, or a `file`
 * opened from the computer (its name is then its location, and it cannot reach article files).
 * Either way the page reads the file and streams its bytes on as they arrive (BodyMessage); articles
 * the file cites are fetched by whoever checks it (see checkBody).
 */
export interface LoadRequest {
  readonly location: string;
  readonly displayName: string;
  readonly file?: File;
  /**
   * The worker fetches `location` itself: the server declared a body too large for the page (see
   * loadSource), and receiving its megabytes alone held the page's thread 150–400 ms at a time.
   */
  readonly fetchInWorker?: boolean;
}

/**
 * What follows a request: the file's bytes, chunk by chunk, then `null` once they are all there, or
 * why the reading broke off. (Every message to the worker after its first, the request, is one.)
 */
export type BodyMessage = Uint8Array<ArrayBuffer> | null | { readonly failed: string };

/**
 * How far a load has got, for the page to show: records checked, of a total not known while the
 * file is still arriving.
 */
export interface LoadProgress {
  readonly type: "progress";
  readonly checked: number;
  readonly total: number | undefined;
}

/** How much of the file has arrived, in bytes, of how many (undefined: the server did not say). */
export interface BytesProgress {
  readonly type: "bytes";
  readonly loaded: number;
  readonly total: number | undefined;
}

/**
 * The valid events so far (in file order) and the file's lanes, for the loading view to draw while
 * the rest arrives. `events` only grows, except when the check starts again (then it is shorter).
 */
export interface EventsSoFar {
  readonly type: "arrived";
  readonly lanes: readonly Lane[];
  readonly events: readonly TimelineEvent[];
  /** The file's title as given (see DatasetValidation.title). */
  readonly title?: string | undefined;
}

/** What a load tells the page while it runs. */
export type LoadUpdate = LoadProgress | BytesProgress | EventsSoFar;

/**
 * What the worker posts: progress and events (any number, interleaved), then result. Valid events
 * are sent in batches as soon as they are checked (see packEvents), while the file is still
 * arriving, so the page unpacks them while the worker is still reading; `result` carries everything
 * else. `restart` voids the events sent so far; `pages` carry the article texts: the file could not be followed as it arrived (see
 * streamDataset) and is being loaded whole.
 */
export type LoadMessage =
  | LoadProgress
  | BytesProgress
  /** The file's lanes, once known (before the events that are in them). */
  | { readonly type: "lanes"; readonly lanes: readonly Lane[]; readonly title: string | undefined }
  | { readonly type: "events"; readonly events: PackedEvents }
  | { readonly type: "restart" }
  /** More pages of an article's text, as one string and the length of each page (see sendPages). */
  | {
      readonly type: "pages";
      readonly article: string;
      readonly text: string;
      readonly lengths: readonly number[];
    }
  /** `loaded` without its events: the page puts back the ones it was sent. */
  | { readonly type: "result"; readonly loaded: CheckedFile };

/** How an unreadable response is reported, the same whether the page or the worker fetched it. */
export function httpFailure(response: Response): string {
  return `HTTP ${response.status} ${response.statusText}`.trim();
}
