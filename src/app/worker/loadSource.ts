import type { LoadedAnyFormat } from "../../data/loadAnyFormat";
import { guardBody, guardedFetch } from "../loadGuard";
import { PIECE_BYTES } from "../../data/loadBytes";
import { checkBody } from "./checkBody";
import { pageSide } from "./handoff";
import {
  checkedHere,
  httpFailure,
  type CheckedFile,
  type BodyMessage,
  type LoadMessage,
  type LoadProgress,
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

/** How long the page reads and checks before it lets input and painting in. */
const SLICE_MS = 8;

let sliceStart = 0;
/**
 * Resolves at once, or, once the page has worked SLICE_MS since it last let other tasks in, in a
 * task of its own (a message to itself: timers are clamped to 4 ms when nested). Reading and
 * checking share the slice: both run on the page's thread.
 */
const breather = () =>
  performance.now() - sliceStart < SLICE_MS ||
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve((sliceStart = performance.now()));
    channel.port2.postMessage(0);
  });

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
  onMessage: (message: LoadProgress) => void,
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
    const onPage = checkBody(
      request,
      (checked, total) => onMessage({ type: "progress", checked, total }),
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
    void streamBody(request, receive);
  });
}

/**
 * Starts a worker for the load; the page then posts it the file's body (see post). The worker
 * sends the valid events in batches while it checks, and the rest at the end (see handoff.ts); they
 * resolve `done`. `fail` reports a worker that stopped.
 */
function checkInWorker(
  request: LoadRequest,
  onMessage: (message: LoadProgress) => void,
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

/**
 * Reads the file (fetched, or opened from the computer) and passes its bytes on as they arrive, so
 * they are checked during the download instead of after it.
 * It lets the page's other tasks in every SLICE_MS: a large body that has already arrived would
 * otherwise be read, and handed to a worker, in one long task.
 */
async function streamBody(
  { location, file }: LoadRequest,
  receive: (message: BodyMessage) => void,
): Promise<void> {
  try {
    let body: ReadableStream<Uint8Array<ArrayBuffer>>;
    if (file) {
      body = guardBody(file.stream());
    } else {
      const response = await guardedFetch(location);
      if (!response.ok) return receive({ failed: httpFailure(response) });
      // Only a response that cannot have one (204 No Content) has no body: an empty file.
      body = response.body ?? new Blob().stream();
    }
    const reader = body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      const bytes = chunk.value;
      if (bytes.byteLength <= PIECE_BYTES) {
        // Only a chunk that owns its whole buffer can be transferred; a view into a shared one is copied.
        receive(bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice());
        await breather();
      }
      // A large chunk (a fast download brings half a megabyte at once) is checked a piece at a time:
      // its thousand records at once held the page's thread for ~300 ms. (Copies: each can be transferred.)
      else
        for (let at = 0; at < bytes.byteLength; at += PIECE_BYTES) {
          receive(bytes.slice(at, at + PIECE_BYTES));
          await breather();
        }
    }
    receive(null);
  } catch (error) {
    receive({ failed: error instanceof Error ? error.message : String(error) });
  }
}
