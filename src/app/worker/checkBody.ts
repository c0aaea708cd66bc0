import { decodeBytes, StreamDecoder } from "../../data/decodeText";
import { loadAnyFormat, type LoadedAnyFormat } from "../../data/loadAnyFormat";
import { streamDataset } from "../../data/streamDataset";
import type { OnProgress } from "../../data/validateDataset";
import { resolveArticleUrl } from "../dataLocation";
import { guardedFetch } from "../loadGuard";
import { httpFailure, type BodyMessage, type LoadRequest } from "./loadProtocol";

/**
 * Checks a file whose bytes arrive chunk by chunk (see BodyMessage), following its events as they
 * come (streamDataset), so little is left to do when the last chunk is in. Returns what takes the
 * chunks: it gives the loaded file for the message that ends them. Runs in the loading worker, or
 * on the page for a file small enough (see loadSource).
 */
export function checkBody(
  { location, displayName, file }: LoadRequest,
  onProgress: OnProgress,
  onRestart?: () => void,
): (message: BodyMessage) => Promise<LoadedAnyFormat> | undefined {
  const read = file ? cannotReachArticles : fetchText;
  const resolvePath = file ? (_: string, name: string) => name : resolveArticleUrl;
  const stream = streamDataset(location, read, resolvePath, { displayName, onProgress, onRestart });
  const decoder = new StreamDecoder();
  /** The bytes, kept (outside the JS heap) should the file have to be read again as a whole. */
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  return (message) => {
    if (message instanceof Uint8Array) {
      chunks.push(message);
      return void stream.push(decoder.decode(message, { stream: true }));
    }
    if (message === null) {
      stream.push(decoder.decode());
      // Decoded as the stream was, and as the CLI decodes (decodeText.ts).
      return stream.end(async () => decodeBytes(new Uint8Array(await new Blob(chunks).arrayBuffer())));
    }
    // The download broke off: what was checked of it is void, and the file is reported unreadable.
    onRestart?.();
    return loadAnyFormat(location, () => Promise.reject(new Error(message.failed)), resolvePath, displayName);
  };
}

function cannotReachArticles(): Promise<string> {
  return Promise.reject(new Error("a file opened from your computer cannot reach its article files"));
}

async function fetchText(url: string): Promise<string> {
  const response = await guardedFetch(url);
  if (!response.ok) throw new Error(httpFailure(response));
  return decodeBytes(new Uint8Array(await response.arrayBuffer()));
}
