/**
 * Loads always end (issue 19): a download that stalls times out with a message, the reader can
 * cancel a load, and the file chosen last always wins. The loader (worker/loadSource.ts) reads
 * through guardedFetch and guardBody; the page asks beginLoad for a ticket before each load and
 * shows a load's result only while its ticket is current.
 */

/** Nothing arrived for this long (no response, or no more bytes): the download has stalled. */
export const STALL_MS = 15_000;

export const STALLED = `the download stalled: nothing arrived for ${STALL_MS / 1000} s`;
export const CANCELLED = "loading was cancelled";

let controller = new AbortController();
let generation = 0;
const listeners = new Set<(loading: boolean) => void>();
let inFlight = 0;

const announce = () => {
  for (const listener of listeners) listener(inFlight > 0);
};

/** A load's ticket: `current` until a later load begins or this one is cancelled. */
export interface LoadTicket {
  readonly current: boolean;
  /** The reader cancelled this load (no later one began). */
  readonly cancelled: boolean;
}

/** Begins a load: the one before (if still running) is stopped and its result will not be shown. */
export function beginLoad(): LoadTicket {
  controller.abort(new Error(CANCELLED));
  controller = new AbortController();
  const mine = ++generation;
  const signal = controller.signal;
  return {
    get current() {
      return mine === generation && !signal.aborted;
    },
    get cancelled() {
      return mine === generation && signal.aborted;
    },
  };
}

/** Stops the current load: its download ends with CANCELLED. */
export function cancelLoad(): void {
  controller.abort(new Error(CANCELLED));
}

/**
 * Counts a download the page does not make itself (a worker fetches the file) as under way, for
 * the Cancel button, until the returned function is called; cancelling the current load (or
 * beginning another) calls `stop` with why.
 */
export function guardElsewhere(stop: (why: string) => void): () => void {
  const signal = controller.signal;
  let settled = false;
  const settle = () => {
    if (settled) return;
    settled = true;
    signal.removeEventListener("abort", onAbort);
    inFlight--;
    announce();
  };
  const onAbort = () => {
    settle();
    stop(reasonOf(signal).message);
  };
  signal.addEventListener("abort", onAbort, { once: true });
  inFlight++;
  announce();
  return settle;
}

/** Tells `listener` whenever a guarded download starts or ends (for a Cancel button). */
export function onLoading(listener: (loading: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * A stream that passes `body` on, but errors with STALLED when no chunk arrives for `stallMs`, and
 * with the abort reason when `signal` aborts (the source is cancelled either way).
 */
export function watchStream(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
  signal: AbortSignal,
  stallMs = STALL_MS,
): ReadableStream<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    inFlight--;
    announce();
  };
  inFlight++;
  announce();
  return new ReadableStream<Uint8Array<ArrayBuffer>>({
    async pull(out) {
      if (signal.aborted) throw reasonOf(signal);
      let fail: (error: Error) => void = () => {};
      const failed = new Promise<never>((_, reject) => (fail = reject));
      timer = setTimeout(() => fail(new Error(STALLED)), stallMs);
      const onAbort = () => fail(reasonOf(signal));
      signal.addEventListener("abort", onAbort, { once: true });
      try {
        const chunk = await Promise.race([reader.read(), failed]);
        if (chunk.done) {
          finish();
          out.close();
        } else out.enqueue(chunk.value);
      } catch (error) {
        finish();
        void reader.cancel(error).catch(() => {});
        throw error;
      } finally {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
      }
    },
    cancel(reason) {
      finish();
      return reader.cancel(reason);
    },
  });
}

function reasonOf(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error(CANCELLED);
}

/** A file's body, guarded (see watchStream) against stalling and for cancelling. */
export function guardBody(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
): ReadableStream<Uint8Array<ArrayBuffer>> {
  return watchStream(body, controller.signal);
}

/**
 * fetch, guarded: the response must begin within STALL_MS and its body must not pause that long;
 * the current load's cancel aborts it. Errors with STALLED or CANCELLED.
 */
export function guardedFetch(
  url: string,
  init: Pick<RequestInit, "headers" | "cache"> = {},
): Promise<Response> {
  const aborter = new AbortController();
  return guardResponse(fetch(url, { ...init, signal: aborter.signal }), aborter);
}

/** A request already made (see EarlyFetch), guarded from now on as guardedFetch guards its own. */
export function guardedEarly({ response, aborter }: EarlyFetch): Promise<Response> {
  return guardResponse(response, aborter);
}

/**
 * The data's request, made as the page starts (main.ts), before the loader's code has arrived: its
 * chunks were fetched only once the page's script ran, and the data only after them (~200 ms later
 * at 1,000 events).
 */
export interface EarlyFetch {
  readonly url: string;
  readonly response: Promise<Response>;
  readonly aborter: AbortController;
}

async function guardResponse(started: Promise<Response>, aborter: AbortController): Promise<Response> {
  const signal = controller.signal;
  const stop = () => aborter.abort(reasonOf(signal));
  signal.addEventListener("abort", stop, { once: true });
  const timer = setTimeout(() => aborter.abort(new Error(STALLED)), STALL_MS);
  inFlight++;
  announce();
  try {
    const response = await started;
    if (response.body === null) return response;
    return new Response(watchStream(response.body, signal), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } catch (error) {
    throw aborter.signal.aborted ? reasonOf(aborter.signal) : error;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", stop);
    inFlight--;
    announce();
  }
}

/**
 * A "Cancel loading" button beside "Open file…", shown while a download is under way: it stops the
 * download, and the load ends with CANCELLED. Made once, by the first load of a file (the bundled
 * story needs none: this module loads with the loader).
 */
export function initCancelButton(): void {
  if (document.getElementById("cancel-load") !== null) return;
  const button = document.createElement("button");
  button.type = "button";
  button.id = "cancel-load";
  button.className = "tool-button";
  button.textContent = "Cancel loading";
  button.hidden = true;
  button.addEventListener("click", cancelLoad);
  document.querySelector(".masthead-tools")?.prepend(button);
  onLoading((loading) => (button.hidden = !loading));
}

/**
 * When a load ended because the download stalled or was cancelled, a "Retry" button in the alert
 * that runs `retry`: the load again, in this page (reloading it lost the reader's place and, for a
 * file from the computer, the file), guarded by the same stall timeout and Cancel as any load.
 */
export function addRetry(
  alerts: HTMLElement,
  issues: readonly { field: string; message: string }[],
  retry: () => void,
): void {
  const ended = issues.some(
    (issue) =>
      issue.field === "(file)" && (issue.message.includes(STALLED) || issue.message.includes(CANCELLED)),
  );
  if (!ended) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "tool-button alert-retry";
  button.textContent = "Retry";
  button.addEventListener("click", () => {
    button.disabled = true;
    retry();
  });
  alerts.append(button);
}
