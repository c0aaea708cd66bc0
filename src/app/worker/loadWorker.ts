/// <reference lib="webworker" />
// Parses and validates datasets off the main thread, so a 100,000-event file never freezes the page.
import { loadAnyFormat } from "../../data/loadAnyFormat";
import { packEvents } from "../../data/packEvents";
import type { TimelineEvent } from "../../data/types";
import type { OnProgress } from "../../data/validateDataset";
import { resolveArticleUrl } from "../dataLocation";
import { httpFailure, type BodyMessage, type LoadMessage, type LoadRequest } from "./loadProtocol";

declare const self: DedicatedWorkerGlobalScope;
const post = (message: LoadMessage) => self.postMessage(message);

/** The streamed body of the file the page fetches (see BodyMessage), decoded as it arrives. */
let receiveChunk: ((message: BodyMessage) => void) | undefined;
function receiveBody(): Promise<string> {
  return new Promise((resolve, reject) => {
    const decoder = new TextDecoder();
    const parts: string[] = [];
    receiveChunk = (message) => {
      if (message.kind === "chunk") {
        parts.push(decoder.decode(message.bytes, { stream: true }));
        return;
      }
      // The pieces are let go: a 74 MB file's would otherwise stay alive through validation.
      receiveChunk = undefined;
      if (message.kind === "end") resolve(parts.join("") + decoder.decode());
      else reject(new Error(message.error));
    };
  });
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(httpFailure(response));
  return response.text();
}

self.onmessage = async ({ data }: MessageEvent<LoadRequest | BodyMessage>) => {
  if (data.kind === "chunk" || data.kind === "end" || data.kind === "failed") return receiveChunk?.(data);
  const body = data.kind === "url" ? receiveBody() : undefined;
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
  const loaded =
    data.kind === "url"
      ? await loadAnyFormat(
          data.url,
          (url) => (url === data.url && body !== undefined ? body : fetchText(url)),
          resolveArticleUrl,
          data.displayName,
          progress,
        )
      : await loadAnyFormat(
          data.name,
          (where) =>
            where === data.name
              ? Promise.resolve(data.text)
              : Promise.reject(new Error("a file opened from your computer cannot reach its article files")),
          (_, file) => file,
          data.name,
          progress,
        );
  sendEvents(loaded.dataset.events);
  post({ type: "result", loaded: { ...loaded, dataset: { ...loaded.dataset, events: [] } } });
};
