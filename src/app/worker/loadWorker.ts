/// <reference lib="webworker" />
// Parses and validates datasets off the main thread, so a 100,000-event file never freezes the page.
// The worker runs the page's own module (main.ts), which calls serveLoads when it has no document.
import { loadAnyFormat, type LoadedAnyFormat } from "../../data/loadAnyFormat";
import { packEvents } from "../../data/packEvents";
import { streamDataset } from "../../data/streamDataset";
import type { TimelineEvent } from "../../data/types";
import type { OnProgress } from "../../data/validateDataset";
import { resolveArticleUrl } from "../dataLocation";
import { httpFailure, type BodyMessage, type LoadMessage, type LoadRequest } from "./loadProtocol";

declare const self: DedicatedWorkerGlobalScope;
const post = (message: LoadMessage) => self.postMessage(message);

/** Where the chunks of the file the page streams over (see BodyMessage) go. */
let receiveChunk: ((message: BodyMessage) => void) | undefined;

/**
 * Loads the file the page streams over (fetched, or read from the computer), checking its events as
 * the chunks arrive (see streamDataset); resolves once the last one is in and the rest is checked.
 */
function loadStreamed(
  { location, displayName, local }: LoadRequest,
  onProgress: OnProgress,
  onRestart: () => void,
): Promise<LoadedAnyFormat> {
  return new Promise((resolve) => {
    const read = local ? cannotReachArticles : fetchText;
    const resolvePath = local ? (_: string, file: string) => file : resolveArticleUrl;
    const stream = streamDataset(location, read, resolvePath, { displayName, onProgress, onRestart });
    const decoder = new TextDecoder();
    receiveChunk = (message) => {
      if (message.kind === "chunk") return stream.push(decoder.decode(message.bytes, { stream: true }));
      receiveChunk = undefined;
      if (message.kind === "end") {
        stream.push(decoder.decode());
        return resolve(stream.end());
      }
      // The download broke off: what was checked of it is void, and the file is reported unreadable.
      onRestart();
      const unreadable = () => Promise.reject(new Error(message.error));
      resolve(loadAnyFormat(location, unreadable, resolvePath, displayName));
    };
  });
}

function cannotReachArticles(): Promise<string> {
  return Promise.reject(new Error("a file opened from your computer cannot reach its article files"));
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(httpFailure(response));
  return response.text();
}

/** Makes this worker answer the page's load requests (see loadInWorker). */
export function serveLoads(): void {
  self.onmessage = onRequest;
}

async function onRequest({ data }: MessageEvent<LoadRequest | BodyMessage>): Promise<void> {
  if ("kind" in data) return receiveChunk?.(data);
  let sent = 0;
  /** Sends the valid events not sent yet; their numbers are transferred, not copied. */
  const sendEvents = (valid: readonly TimelineEvent[]) => {
    if (valid.length === sent) return;
    const events = packEvents(valid.slice(sent));
    sent = valid.length;
    self.postMessage({ type: "events", events } satisfies LoadMessage, [events.numbers.buffer]);
  };
  const progress: OnProgress = (checked, total, valid) => {
    post({ type: "progress", checked, total });
    sendEvents(valid);
  };
  const restart = () => {
    if (sent > 0) post({ type: "restart" });
    sent = 0;
  };
  const loaded = await loadStreamed(data, progress, restart);
  sendEvents(loaded.dataset.events);
  post({ type: "result", loaded: { ...loaded, dataset: { ...loaded.dataset, events: [] } } });
}
