import type { LoadedAnyFormat } from "../../data/loadAnyFormat";
import { unpackEvents } from "../../data/packEvents";
import type { TimelineEvent } from "../../data/types";
import type { LoadMessage, LoadProgress, LoadRequest } from "./loadProtocol";

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
 * page never freezes on a large file. The worker starts at once; `request` may still be on its way.
 */
export function loadInWorker(
  request: LoadRequest | Promise<LoadRequest>,
  onMessage: (message: LoadProgress) => void,
): Promise<LoadedAnyFormat> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL("./loadWorker.ts", import.meta.url), { type: "module" });
    } catch (error) {
      void Promise.resolve(request).then((r) =>
        resolve(failed(r, `could not be loaded: this browser cannot start a worker (${String(error)})`)),
      );
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
    void Promise.resolve(request).then((r) => {
      worker.onerror = (event) => {
        event.preventDefault();
        worker.terminate();
        resolve(failed(r, `could not be loaded: ${event.message || "the loader stopped"}`));
      };
      const body = r.kind === "url" ? r.body : undefined;
      worker.postMessage(r, body !== undefined && "bytes" in body ? [body.bytes] : []);
    });
  });
}

/**
 * Fetches a dataset's file on the page while the worker starts (the two used to happen one after the
 * other), for a "url" request. Calls `onArrived` once the file is here.
 */
export async function prefetchRequest(
  url: string,
  displayName: string,
  onArrived: () => void,
): Promise<LoadRequest> {
  try {
    const response = await fetch(url);
    if (!response.ok) {
      const error = `HTTP ${response.status} ${response.statusText}`.trim();
      return { kind: "url", url, displayName, body: { error } };
    }
    const bytes = await response.arrayBuffer();
    onArrived();
    return { kind: "url", url, displayName, body: { bytes } };
  } catch (error) {
    return {
      kind: "url",
      url,
      displayName,
      body: { error: error instanceof Error ? error.message : String(error) },
    };
  }
}
