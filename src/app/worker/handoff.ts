import { formatIssue } from "../../data/issues";
import { reportIssues } from "../../data/issueSummary";
import type { LoadedAnyFormat } from "../../data/loadAnyFormat";
import { packEvents, unpackEvents } from "../../data/packEvents";
import type { Lane, TimelineEvent } from "../../data/types";
import { pageStarts } from "../../model/articlePages";
import { buildEventIndex, indexArrays, type EventIndex } from "../../model/eventIndex";
import type { OnProgress } from "../../data/validateDataset";
import { checkBody } from "./checkBody";
import { streamBody } from "./streamBody";
import type { BodyMessage, CheckedFile, LoadMessage, LoadRequest, LoadUpdate } from "./loadProtocol";

/** Posts a message to the other side, transferring `transfer`. */
export type Post = (message: LoadMessage, transfer: Transferable[]) => void;

/**
 * The worker's half of a load (the loading worker's whole job; no DOM, so unit tests run it): it
 * takes the request, then the file's body (BodyMessage), checks it (checkBody) and posts back
 * progress, the valid events in batches as they are checked, `restart` when those are void, the
 * article texts page by page, and the result. The result carries the file's problems as a report, and their full text in one Blob when
 * there are more than it lists: a list of half a million problem objects took the page's thread
 * ~1.5–3 s to receive (structured clone), a report and a Blob a few milliseconds.
 */
export function workerSide(post: Post): (data: LoadRequest | BodyMessage) => void {
  let receive: ((message: BodyMessage) => void) | undefined;
  return (data) => {
    // The first message is the request; every one after it, the file's body.
    if (receive) return receive(data as BodyMessage);
    const request = data as LoadRequest;
    let sent = 0;
    /** Sends the valid events not sent yet; their numbers are transferred, not copied. */
    const sendEvents = (valid: readonly TimelineEvent[]) => {
      if (valid.length === sent) return;
      const events = packEvents(valid.slice(sent));
      sent = valid.length;
      post({ type: "events", events }, [events.numbers.buffer]);
    };
    let lanesSent: readonly Lane[] | undefined;
    const progress: OnProgress = (checked, total, valid, lanes, title) => {
      post({ type: "progress", checked, total }, []);
      // Lanes change only when the default lane joins them.
      if (lanes.length !== lanesSent?.length) post({ type: "lanes", lanes, title }, []);
      lanesSent = lanes;
      sendEvents(valid);
    };
    // Events sent before the check had to start again are void: the page must drop them. (A file that
    // gave its events twice once drew both lists, 2,978 events where the CLI read 2, had it not.)
    const restart = () => {
      if (sent > 0) post({ type: "restart" }, []);
      sent = 0;
    };
    const check = checkBody(request, progress, restart);
    receive = (message) =>
      void check(message)?.then((loaded) => {
        sendEvents(loaded.dataset.events);
        for (const [article, text] of loaded.texts) sendPages(post, article, text);
        // Posted in a task of its own, after the one that built it: building the problems' Blob grows
        // the worker's memory, and V8 answers with a full collection of its heap (~200 MB at 540,000
        // problems). Posted at once, the page drew its first frame while that ran, and on 2 cores
        // its tasks took 200–400 ms; posted after, the collection runs while the page still waits.
        const result = withoutEvents(loaded);
        setTimeout(() => post({ type: "result", loaded: result }, indexBuffers(result.index)));
      });
    // Its body then comes from here, not from the page (which stops the worker to cancel it).
    if (request.fetchInWorker)
      void streamBody(request, receive, undefined, (loaded, total) =>
        post({ type: "bytes", loaded, total }, []),
      );
  };
}

/** How many pages of an article (~20,000 characters each) one message carries. */
const PAGES_PER_MESSAGE = 50;

/**
 * Sends an article's text in messages of PAGES_PER_MESSAGE pages: one string and the pages' lengths.
 * A 30 MB text in one message took the page ~0.1–0.5 s to receive; in pages of their own, ~0.2 s of
 * collecting garbage (the young generation copied them over and over). A string of fifty pages is
 * large enough to be kept where the collector does not copy it; the page cuts its pages from it.
 */
function sendPages(post: Post, article: string, text: string): void {
  const starts = pageStarts(text);
  for (let at = 0; at < starts.length; at += PAGES_PER_MESSAGE) {
    const ends = starts.slice(at + 1, at + PAGES_PER_MESSAGE + 1);
    if (ends.length < PAGES_PER_MESSAGE) ends.push(text.length);
    const from = starts[at]!;
    const lengths = ends.map((end, i) => end - (i === 0 ? from : ends[i - 1]!));
    post({ type: "pages", article, text: text.slice(from, ends.at(-1)), lengths }, []);
  }
}

/** The result as the worker sends it: no events or texts (sent already), the problems as a report and a Blob. */
function withoutEvents({ issues, texts: _, ...loaded }: LoadedAnyFormat): CheckedFile {
  const report = reportIssues(issues);
  const allIssues =
    issues.length > report.listed.length
      ? new Blob([`${issues.map(formatIssue).join("\n")}\n`], { type: "text/plain" })
      : issues;
  const { events, lanes } = loaded.dataset;
  const index = buildEventIndex(
    events,
    lanes.map((lane) => lane.id),
  );
  return {
    ...loaded,
    dataset: { ...loaded.dataset, events: [] },
    report,
    allIssues,
    pages: new Map(),
    index,
  };
}

/** The index's arrays, transferred rather than copied. */
function indexBuffers(index: EventIndex | undefined): Transferable[] {
  // Each array owns its buffer (a view into a shared one could not be transferred twice).
  return index === undefined ? [] : [...new Set(indexArrays(index).map((a) => a.buffer))];
}

/**
 * The page's half: takes the worker's messages (see LoadMessage), unpacking the events batch by
 * batch as they come, and gives `done` the checked file once the result is in.
 */
export function pageSide(
  onProgress: (message: LoadUpdate) => void,
  done: (checked: CheckedFile) => void,
): (message: LoadMessage) => void {
  const events: TimelineEvent[] = [];
  const pages = new Map<string, string[]>();
  let lanes: readonly Lane[] = [];
  let title: string | undefined;
  return (data) => {
    if (data.type === "events" || data.type === "restart") {
      if (data.type === "restart") events.length = 0;
      else for (const event of unpackEvents(data.events)) events.push(event);
      onProgress({ type: "arrived", lanes, events, title });
    } else if (data.type === "lanes") {
      ({ lanes, title } = data);
    } else if (data.type === "pages") {
      const got = pages.get(data.article) ?? [];
      pages.set(data.article, got);
      let from = 0;
      for (const length of data.lengths) got.push(data.text.slice(from, (from += length)));
    } else if (data.type === "result") {
      done({ ...data.loaded, dataset: { ...data.loaded.dataset, events }, pages });
    } else onProgress(data);
  };
}
