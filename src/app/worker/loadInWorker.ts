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

/** A load that could not run at all, worded like any other unreadable file. */
function failed(request: LoadRequest, message: string): LoadedAnyFormat {
  const file = request.kind === "url" ? request.displayName : request.name;
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
 * events unpacked from the batches the worker sent while validating, the rest structured-cloned. The
 * parsing and validation code lives only in the worker's chunk, so the page itself stays small; the
 * page never freezes on a large file. For a URL, the page fetches the file while the worker boots.
 */
export function loadInWorker(
  request: LoadRequest,
  onMessage: (message: LoadProgress) => void,
): Promise<LoadedAnyFormat> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL("./loadWorker.ts", import.meta.url), { type: "module" });
    } catch (error) {
      resolve(failed(request, `could not be loaded: this browser cannot start a worker (${String(error)})`));
      return;
    }
    const events: TimelineEvent[] = [];
    worker.onmessage = ({ data }: MessageEvent<LoadMessage>) => {
      if (data.type === "events") {
        for (const event of unpackEvents(data.events)) events.push(event);
      } else if (data.type === "result") {
        worker.terminate();
        resolve({ ...data.loaded, dataset: { ...data.loaded.dataset, events } });
      } else onMessage(data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(failed(request, `could not be loaded: ${event.message || "the loader stopped"}`));
    };
    worker.postMessage(request);
    if (request.kind === "url") void streamBody(worker, request.url, () => onMessage({ type: "arrived" }));
  });
}

/**
 * Fetches the file and passes its bytes on as they arrive (transferred, not copied), so the worker
 * boots and decodes during the download instead of after it. Calls `onArrived` when all is here.
 */
async function streamBody(worker: Worker, url: string, onArrived: () => void): Promise<void> {
  const send = (message: BodyMessage) =>
    worker.postMessage(message, message.kind === "chunk" ? [message.bytes.buffer] : []);
  try {
    const response = await fetch(url);
    if (!response.ok) {
      send({ kind: "failed", error: httpFailure(response) });
      return;
    }
    const reader = (response.body ?? new Blob([await response.arrayBuffer()]).stream()).getReader();
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
