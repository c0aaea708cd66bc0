import { decodeBytes, StreamDecoder } from "./decodeText.ts";
import { formatFromName } from "./formats/detectFormat.ts";
import { startsWithNdjsonHeader } from "./formats/ndjson.ts";
import { loadParsed, type LoadedAnyFormat } from "./loadAnyFormat.ts";
import type { ReadText, ResolvePath } from "./loadDataset.ts";
import { streamDataset, type DatasetStream, type StreamOptions } from "./streamDataset.ts";
import { streamNdjson } from "./streamNdjson.ts";

/** A dataset file read from its bytes, piece by piece as they arrive. */
export interface ByteLoad {
  /** The next piece of the file. It is kept (a view, not a copy) should the file have to be read whole. */
  push(bytes: Uint8Array<ArrayBuffer>): void;
  /** The file is complete: the loaded dataset. */
  end(): Promise<LoadedAnyFormat>;
}

/** How large the pieces are that a file already read whole is fed in (about what a download brings). */
export const PIECE_BYTES = 64 * 1024;

/** The bytes that open every Arrow IPC file ("ARROW1") and stream (a continuation marker, 0xFFFFFFFF). */
export function isArrowStart(bytes: Uint8Array): boolean {
  const file = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31].every((byte, i) => bytes[i] === byte);
  return (
    file ||
    (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff)
  );
}

/** How many bytes tell an Arrow file, and how much text tells NDJSON's header, before a reader is chosen. */
const SNIFF_BYTES = 8;
const SNIFF_CHARS = 256;

/**
 * The one way a dataset file's bytes become a verdict, for the page, the loading worker and the CLI
 * alike: decoded as they arrive (decodeText.ts), followed record by record (streamDataset, or line
 * by line for NDJSON: streamNdjson), and read again whole when they cannot be followed. The page and
 * the CLI once read files by different paths (a stream on the page, JSON.parse of the whole text in
 * the CLI), each proven equal to the other by tests; sharing the path makes "the same bytes, the same
 * events and problems" hold by construction. An Arrow file (by name, or by its first bytes) is kept
 * as bytes and read at the end by formats/arrow.ts, loaded only then (apache-arrow is ~4 times this
 * whole loader, and most files are not Arrow).
 */
export function loadBytes(
  location: string,
  read: ReadText,
  resolve: ResolvePath,
  options: StreamOptions,
): ByteLoad {
  const decoder = new StreamDecoder();
  /** The bytes, kept (outside the JS heap once in a Blob) should the file have to be read again as a whole. */
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const byName = formatFromName(options.displayName);
  let kind: "arrow" | "text" | undefined = byName === "arrow" ? "arrow" : undefined;
  let size = 0;
  /** Text decoded before the reader was chosen. */
  let head = "";
  let stream: DatasetStream | undefined;
  const feed = (text: string, last: boolean) => {
    if (stream === undefined) {
      head += text;
      if (!last && head.length < SNIFF_CHARS) return;
      const ndjson = byName === "ndjson" || (byName !== "csv" && startsWithNdjsonHeader(head));
      stream = (ndjson ? streamNdjson : streamDataset)(location, read, resolve, options);
      [text, head] = [head, ""];
    }
    stream.push(text);
  };
  const decide = () => {
    kind ??= isArrowStart(joined(chunks, SNIFF_BYTES)) ? "arrow" : "text";
    if (kind === "text") for (const chunk of chunks) feed(decoder.decode(chunk, { stream: true }), false);
  };
  return {
    push(bytes) {
      chunks.push(bytes);
      if (kind === "text") return feed(decoder.decode(bytes, { stream: true }), false);
      if (kind === undefined && (size += bytes.byteLength) >= SNIFF_BYTES) decide();
    },
    async end() {
      if (kind === undefined) decide();
      if (kind === "arrow") return loadArrow(chunks, location, read, resolve, options);
      feed(decoder.decode(), true);
      // Decoded again the way the pieces were (a BOM, UTF-16), when the file is read whole.
      return stream!.end(async () => decodeBytes(new Uint8Array(await new Blob(chunks).arrayBuffer())));
    },
  };
}

/** The first `count` bytes of the pieces (fewer when they hold fewer). */
function joined(chunks: readonly Uint8Array[], count: number): Uint8Array {
  const out: number[] = [];
  for (const chunk of chunks) for (const byte of chunk.subarray(0, count - out.length)) out.push(byte);
  return Uint8Array.from(out);
}

/** Reads an Arrow file's batches (apache-arrow, its own chunk, fetched now) and validates its rows. */
async function loadArrow(
  chunks: readonly Uint8Array<ArrayBuffer>[],
  location: string,
  read: ReadText,
  resolve: ResolvePath,
  { displayName, onProgress }: StreamOptions,
): Promise<LoadedAnyFormat> {
  const { parseArrow } = await import("./formats/arrow.ts");
  const bytes = new Uint8Array(await new Blob([...chunks]).arrayBuffer());
  return loadParsed(parseArrow(bytes, displayName), location, read, resolve, displayName, onProgress);
}

/** loadBytes for a file already read whole (the CLI's): fed in PIECE_BYTES pieces, as a download arrives. */
export function loadWholeBytes(
  bytes: Uint8Array<ArrayBuffer>,
  location: string,
  read: ReadText,
  resolve: ResolvePath,
  options: StreamOptions,
): Promise<LoadedAnyFormat> {
  const load = loadBytes(location, read, resolve, options);
  for (let at = 0; at < bytes.length; at += PIECE_BYTES) load.push(bytes.subarray(at, at + PIECE_BYTES));
  return load.end();
}
