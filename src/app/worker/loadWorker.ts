/// <reference lib="webworker" />
// Parses and validates datasets off the main thread, so a 100,000-event file never freezes the page.
import { loadAnyFormat } from "../../data/loadAnyFormat";
import { packEvents } from "../../data/packEvents";
import type { TimelineEvent } from "../../data/types";
import type { OnProgress } from "../../data/validateDataset";
import { resolveArticleUrl } from "../dataLocation";
import type { LoadMessage, LoadRequest } from "./loadProtocol";

declare const self: DedicatedWorkerGlobalScope;
const post = (message: LoadMessage) => self.postMessage(message);

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  return response.text();
}

self.onmessage = async ({ data }: MessageEvent<LoadRequest>) => {
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
          async (url) => {
            const body = url === data.url ? data.body : undefined;
            if (body !== undefined) {
              if ("error" in body) throw new Error(body.error);
              return new TextDecoder().decode(body.bytes);
            }
            const text = await fetchText(url);
            if (url === data.url) post({ type: "arrived" });
            return text;
          },
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
