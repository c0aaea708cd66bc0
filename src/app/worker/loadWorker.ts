/// <reference lib="webworker" />
// Parses and validates datasets off the main thread, so a 100,000-event file never freezes the page.
import { loadAnyFormat } from "../../data/loadAnyFormat";
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
  const progress = (checked: number, total: number) => post({ type: "progress", checked, total });
  const loaded =
    data.kind === "url"
      ? await loadAnyFormat(
          data.url,
          async (url) => {
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
  post({ type: "result", loaded });
};
