import type { LoadedAnyFormat } from "../../data/loadAnyFormat";
import { unpackEvents } from "../../data/packEvents";
import type { TimelineEvent } from "../../data/types";
import {
  httpFailure,
  type BodyMessage,
  type LoadMessage,
  type LoadProgress,
  type LoadRequest,
} from "./loadProtocol";

/** Where a dataset comes from: a URL (fetched by the page), or a file opened from the computer. */
export type LoadSource =
  | { readonly kind: "url"; readonly url: string; readonly displayName: string }
  | { readonly kind: "file"; readonly file: File };

/** A load that could not run at all, worded like any other unreadable file. */
function failed(file: string, message: string): LoadedAnyFormat {
  return {
    dataset: { title: "", description: "", lanes: [], articles: [], events: [] },
    issues: [{ severity: "error", file, path: "", field: "(file)", message }],
    rejectedEvents: 0,
    texts: new Map(),
    format: "json",
  };
}

/**
 * Loads and validates a dataset in a Web Worker, reporting progress, and resolves with the result:
 * events unpacked from the batches the worker sent while validating, the rest structured-cloned.
 * The page never freezes on a large file. For a URL, the page fetches the file while the worker
 * boots. `script` is the module the worker runs: it must call serveLoads (see main.ts).
 */
export function loadInWorker(
  script: string,
  source: LoadSource,
  onMessage: (message: LoadProgress) => void,
): Promise<LoadedAnyFormat> {
  const request: LoadRequest =
    source.kind === "url"
      ? { location: source.url, displayName: source.displayName, local: false }
      : { location: source.file.name, displayName: source.file.name, local: true };
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(script, { type: "module" });
    } catch (error) {
      resolve(
        failed(
          request.displayName,
          `could not be loaded: this browser cannot start a worker (${String(error)})`,
        ),
      );
      return;
    }
    const events: TimelineEvent[] = [];
    worker.onmessage = ({ data }: MessageEvent<LoadMessage>) => {
      if (data.type === "events") {
        for (const event of unpackEvents(data.events)) events.push(event);
      } else if (data.type === "restart") {
        events.length = 0;
      } else if (data.type === "result") {
        worker.terminate();
        resolve({ ...data.loaded, dataset: { ...data.loaded.dataset, events } });
      } else onMessage(data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(failed(request.displayName, `could not be loaded: ${event.message || "the loader stopped"}`));
    };
    worker.postMessage(request);
    void streamBody(worker, source, () => onMessage({ type: "arrived" }));
  });
}

/**
 * Reads the file (fetched, or opened from the computer) and passes its bytes on as they arrive
 * (transferred, not copied), so the worker boots, decodes, parses and checks during the download
 * instead of after it. (Decoding here and sending text instead cost this thread ~95 ms at 10,000
 * events and made loading slower: the copies compete with the worker for the CPU.) Calls
 * `onArrived` when all is here.
 */
async function streamBody(worker: Worker, source: LoadSource, onArrived: () => void): Promise<void> {
  const send = (message: BodyMessage) =>
    worker.postMessage(message, message.kind === "chunk" ? [message.bytes.buffer] : []);
  try {
    let body: ReadableStream<Uint8Array>;
    if (source.kind === "file") body = source.file.stream();
    else {
      const response = await fetch(source.url);
      if (!response.ok) return send({ kind: "failed", error: httpFailure(response) });
      // Only a response that cannot have one (204 No Content) has no body: an empty file.
      body = response.body ?? new Blob().stream();
    }
    const reader = body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      const bytes = chunk.value;
      // Only a chunk that owns its whole buffer is transferred; a view into a shared one is copied.
      send({ kind: "chunk", bytes: bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice() });
    }
    onArrived();
    send({ kind: "end" });
  } catch (error) {
    send({ kind: "failed", error: error instanceof Error ? error.message : String(error) });
  }
}
