import { decodeBytes, StreamDecoder } from "./decodeText.ts";
import type { LoadedAnyFormat } from "./loadAnyFormat.ts";
import type { ReadText, ResolvePath } from "./loadDataset.ts";
import { streamDataset, type StreamOptions } from "./streamDataset.ts";

/** A dataset file read from its bytes, piece by piece as they arrive. */
export interface ByteLoad {
  /** The next piece of the file. It is kept (a view, not a copy) should the file have to be read whole. */
  push(bytes: Uint8Array<ArrayBuffer>): void;
  /** The file is complete: the loaded dataset. */
  end(): Promise<LoadedAnyFormat>;
}

/** How large the pieces are that a file already read whole is fed in (about what a download brings). */
export const PIECE_BYTES = 64 * 1024;

/**
 * The one way a dataset file's bytes become a verdict, for the page, the loading worker and the CLI
 * alike: decoded as they arrive (decodeText.ts), followed record by record (streamDataset), and read
 * again whole when they cannot be followed. The page and the CLI once read files by different paths
 * (a stream on the page, JSON.parse of the whole text in the CLI), each proven equal to the other by
 * tests; sharing the path makes "the same bytes, the same events and problems" hold by construction.
 */
export function loadBytes(
  location: string,
  read: ReadText,
  resolve: ResolvePath,
  options: StreamOptions,
): ByteLoad {
  const stream = streamDataset(location, read, resolve, options);
  const decoder = new StreamDecoder();
  /** The bytes, kept (outside the JS heap once in a Blob) should the file have to be read again as a whole. */
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  return {
    push(bytes) {
      chunks.push(bytes);
      stream.push(decoder.decode(bytes, { stream: true }));
    },
    end() {
      stream.push(decoder.decode());
      // Decoded again the way the pieces were (a BOM, UTF-16), when the file is read whole.
      return stream.end(async () => decodeBytes(new Uint8Array(await new Blob(chunks).arrayBuffer())));
    },
  };
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
