import type { LoadedAnyFormat } from "../../data/loadAnyFormat";
import { guardBody, guardedFetch } from "../loadGuard";
import { unpackEvents } from "../../data/packEvents";
import type { TimelineEvent } from "../../data/types";
import { checkBody } from "./checkBody";
import {
  httpFailure,
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
 * Loads and validates a dataset, reporting progress, and resolves with the result. The page reads
 * the file as fast as it arrives, and checks what has arrived (checkBody) in slices, between which
 * it answers input and paints. Once more than PAGE_CHECK_LIMIT_BYTES has arrived, a worker checks it
 * instead, from its first byte. Deciding on what has arrived rather than what was checked starts that
 * worker early (a file is read faster than it is checked), and none for a file the page can check.
 */
export function loadSource(
  request: LoadRequest,
  onMessage: (message: LoadProgress) => void,
): Promise<LoadedAnyFormat> {
  return new Promise((resolve) => {
    const onPage = checkBody(request, (checked, total) => onMessage({ type: "progress", checked, total }));
    const fail = (failed: string) => void onPage({ failed })?.then(resolve);
    /** What has arrived, for a worker to start from should the file be too large for the page. */
    const kept: BodyMessage[] = [];
    let arrived = 0;
    let inWorker: Worker | undefined;
    /** The page's check of what has arrived: chunk after chunk, in slices (see breather). */
    let checking: Promise<unknown> = Promise.resolve();
    const receive = (message: BodyMessage) => {
      if (inWorker) return post(inWorker, message);
      kept.push(message);
      if (message instanceof Uint8Array && (arrived += message.byteLength) > PAGE_CHECK_LIMIT_BYTES) {
        inWorker = checkInWorker(request, onMessage, resolve, fail);
        // Transferred, they leave nothing behind on the page.
        for (const earlier of kept) post(inWorker, earlier);
      } else {
        // Once handed over, the page checks no more; the last message gives the loaded file. A check
        // that throws (a bug: user data never makes it) fails the load rather than leave it hanging.
        checking = checking
          .then(() => inWorker ?? onPage(message)?.then(resolve) ?? breather())
          .catch((error: unknown) => fail(String(error)));
      }
    };
    void streamBody(request, receive);
  });
}

/**
 * Starts a worker for the load; the page then posts it the file's body (see post). The worker
 * sends the valid events in batches while it checks, and the rest (structured-cloned) at the end;
 * they resolve `done`. `fail` reports a worker that stopped.
 */
function checkInWorker(
  request: LoadRequest,
  onMessage: (message: LoadProgress) => void,
  done: (loaded: LoadedAnyFormat) => void,
  fail: (error: string) => void,
): Worker {
  // Where none can start (new Worker throws), the load fails with that error (see streamBody).
  // Vite builds the worker as its own chunk: a page that never needs it never downloads it.
  const worker = new Worker(new URL("./loadWorker.ts", import.meta.url), { type: "module" });
  const events: TimelineEvent[] = [];
  worker.onmessage = ({ data }: MessageEvent<LoadMessage>) => {
    if (data.type === "events") {
      for (const event of unpackEvents(data.events)) events.push(event);
    } else if (data.type === "restart") {
      events.length = 0;
    } else if (data.type === "result") {
      worker.terminate();
      done({ ...data.loaded, dataset: { ...data.loaded.dataset, events } });
    } else onMessage(data);
  };
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
      // Only a chunk that owns its whole buffer can be transferred; a view into a shared one is copied.
      receive(bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice());
      await breather();
    }
    receive(null);
  } catch (error) {
    receive({ failed: error instanceof Error ? error.message : String(error) });
  }
}
