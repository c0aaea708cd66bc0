import type { LoadedAnyFormat } from "../../data/loadAnyFormat";
import { guardElsewhere, type EarlyFetch } from "../loadGuard";
import { checkBody, declaredBytes } from "./checkBody";
import { breather, streamBody } from "./streamBody";
import { pageSide } from "./handoff";
import {
  checkedHere,
  type CheckedFile,
  type BodyMessage,
  type LoadMessage,
  type LoadUpdate,
  type LoadRequest,
} from "./loadProtocol";

/**
 * The largest file the page checks itself; a larger one is checked in a Web Worker. A worker costs a
 * load a fixed ~200–300 ms the page does not pay (measured at 10,000 events: it starts ~50–120 ms
 * after it is created, and packing the events for the trip back and unpacking them takes ~90 ms),
 * while the page checks ~40 MB/s in slices between which it answers input and paints: up to this
 * size, ~200 ms of its time spread over the download. A large file would hold the page's thread for
 * seconds, so it goes to the worker, which the page still never waits on.
 */
export const PAGE_CHECK_LIMIT_BYTES = 8 * 2 ** 20;

/** Passes a worker one message of a file's body; its bytes are transferred, not copied. */
const post = (worker: Worker, message: BodyMessage) =>
  worker.postMessage(message, message instanceof Uint8Array ? [message.buffer] : []);

/**
 * The most article text the page reads (all of a file's articles together). The page decodes an
 * article, normalises it and looks for each quote in it, each in one piece: at 30 MB that held its
 * thread for over a second. A file whose articles are larger is checked in a worker.
 */
export const PAGE_ARTICLE_LIMIT_BYTES = 2 ** 20;

/**
 * Loads and validates a dataset, reporting progress, and resolves with the result. The page reads
 * the file as fast as it arrives, and checks what has arrived (checkBody) in slices, between which
 * it answers input and paints. Once more than PAGE_CHECK_LIMIT_BYTES has arrived, or its articles
 * prove larger than PAGE_ARTICLE_LIMIT_BYTES, a worker checks it instead, from its first byte.
 * Deciding on what has arrived rather than what was checked starts that worker early (a file is read
 * faster than it is checked), and none for a file the page can check.
 */
export function loadSource(
  request: LoadRequest,
  onMessage: (message: LoadUpdate) => void,
  /** The request for the file, if the page made it already (it is not sent to a worker). */
  early?: EarlyFetch,
): Promise<CheckedFile> {
  return new Promise((resolve) => {
    /** What has arrived, for a worker to start from should the file be too large for the page. */
    const kept: BodyMessage[] = [];
    let arrived = 0;
    let inWorker: Worker | undefined;
    // Once a worker has the file, whatever the page's own check comes to is void.
    const fromPage = (loaded: LoadedAnyFormat) => inWorker ?? resolve(checkedHere(loaded));
    const handOver = () => {
      if (inWorker) return;
      inWorker = checkInWorker(request, onMessage, resolve, failed);
      // Transferred, they leave nothing behind on the page.
      for (const earlier of kept.splice(0)) post(inWorker, earlier);
    };
    /** A worker reads the whole file itself: the page never receives its bytes. */
    const fetchInWorker = () => {
      const settle = guardElsewhere((why) => {
        worker.terminate();
        failed(why);
      });
      const worker = checkInWorker(
        { ...request, fetchInWorker: true },
        onMessage,
        (checked) => {
          settle();
          resolve(checked);
        },
        (why) => {
          settle();
          failed(why);
        },
      );
      inWorker = worker;
    };
    /** Whether a body is too large for the page to take in at all, by the size the server gives. */
    const tooLarge = (response: Response) => {
      if (declaredBytes(200, response.headers) <= PAGE_CHECK_LIMIT_BYTES) return false;
      fetchInWorker();
      return true;
    };
    const onPage = checkBody(
      request,
      (checked, total, events, lanes, title) => {
        onMessage({ type: "progress", checked, total });
        onMessage({ type: "arrived", lanes, events, title });
      },
      undefined,
      { articleBytes: PAGE_ARTICLE_LIMIT_BYTES, exceeded: handOver },
    );
    /** The load failed (a worker stopped, or the page's check threw): reported as an unreadable file. */
    const failed = (why: string) =>
      void onPage({ failed: why })?.then((loaded) => resolve(checkedHere(loaded)));
    /** The page's check of what has arrived: chunk after chunk, in slices (see breather). */
    let checking: Promise<unknown> = Promise.resolve();
    const receive = (message: BodyMessage) => {
      if (inWorker) return post(inWorker, message);
      kept.push(message);
      if (message instanceof Uint8Array && (arrived += message.byteLength) > PAGE_CHECK_LIMIT_BYTES) {
        handOver();
      } else {
        // Once handed over, the page checks no more; the last message gives the loaded file. A check
        // that throws (a bug: user data never makes it) fails the load rather than leave it hanging.
        checking = checking
          .then(() => inWorker ?? onPage(message)?.then(fromPage) ?? breather())
          .catch((error: unknown) => inWorker ?? failed(String(error)));
      }
    };
    if ((request.file?.size ?? 0) <= PAGE_CHECK_LIMIT_BYTES)
      void streamBody(
        request,
        receive,
        tooLarge,
        (loaded, total) => onMessage({ type: "bytes", loaded, total }),
        early,
      );
    else {
      // Where none can start (new Worker throws), the load fails with that error.
      try {
        fetchInWorker();
      } catch (error) {
        failed(error instanceof Error ? error.message : String(error));
      }
    }
  });
}

/**
 * Starts a worker for the load; the page then posts it the file's body (see post). The worker
 * sends the valid events in batches while it checks, and the rest at the end (see handoff.ts); they
 * resolve `done`. `fail` reports a worker that stopped.
 */
function checkInWorker(
  request: LoadRequest,
  onMessage: (message: LoadUpdate) => void,
  done: (checked: CheckedFile) => void,
  fail: (error: string) => void,
): Worker {
  // Where none can start (new Worker throws), the load fails with that error (see streamBody).
  // Vite builds the worker as its own chunk: a page that never needs it never downloads it.
  const worker = new Worker(new URL("./loadWorker.ts", import.meta.url), { type: "module" });
  const fromWorker = pageSide(onMessage, (checked) => {
    worker.terminate();
    done(checked);
  });
  worker.onmessage = ({ data }: MessageEvent<LoadMessage>) => fromWorker(data);
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    fail(`the checker stopped (${event.message})`);
  };
  worker.postMessage(request);
  return worker;
}
