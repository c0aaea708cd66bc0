import { guardBody, guardedEarly, guardedFetch, type EarlyFetch } from "../loadGuard";
import { PIECE_BYTES } from "../../data/loadBytes";
import { declaredBytes } from "./checkBody";
import { httpFailure, type BodyMessage, type LoadRequest } from "./loadProtocol";

/** How long the page reads and checks before it lets input and painting in. */
const SLICE_MS = 8;

/** How often a download's progress in bytes is told (each is a message, from a worker). */
const BYTES_EVERY_MS = 100;

/**
 * The body's size as it arrives, when the server says: Content-Length counts the bytes sent, which
 * for a compressed body are not the bytes read, so then it is not known.
 */
function bodyBytes({ status, headers }: Response): number | undefined {
  if (!headers.has("content-length") || headers.has("content-encoding")) return undefined;
  return declaredBytes(status, headers) || undefined;
}

let sliceStart = 0;
/**
 * Resolves at once, or, once the page has worked SLICE_MS since it last let other tasks in, in a
 * task of its own (a message to itself: timers are clamped to 4 ms when nested). Reading and
 * checking share the slice: both run on the page's thread.
 */
export const breather = () =>
  performance.now() - sliceStart < SLICE_MS ||
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve((sliceStart = performance.now()));
    channel.port2.postMessage(0);
  });

/**
 * Reads the file (fetched, or opened from the computer) and passes its bytes on as they arrive, so
 * they are checked during the download instead of after it.
 * It lets the page's other tasks in every SLICE_MS: a large body that has already arrived would
 * otherwise be read, and handed to a worker, in one long task.
 */
export async function streamBody(
  { location, file }: LoadRequest,
  receive: (message: BodyMessage) => void,
  /** Given the response before its body is read: true takes the load elsewhere (nothing is read). */
  elsewhere: (response: Response) => boolean = () => false,
  /** Told how many bytes have arrived, of how many (when known), every BYTES_EVERY_MS and at the end. */
  onBytes?: (loaded: number, total: number | undefined) => void,
  /** The request for `location`, if the page already made it. */
  early?: EarlyFetch,
): Promise<void> {
  try {
    let body: ReadableStream<Uint8Array<ArrayBuffer>>;
    let total: number | undefined;
    if (file) {
      body = guardBody(file.stream());
      total = file.size;
    } else {
      const response = await (early?.url === location ? guardedEarly(early) : guardedFetch(location));
      if (!response.ok) return receive({ failed: httpFailure(response) });
      if (elsewhere(response)) return void response.body?.cancel().catch(() => {});
      // Only a response that cannot have one (204 No Content) has no body: an empty file.
      body = response.body ?? new Blob().stream();
      total = bodyBytes(response);
    }
    const reader = body.getReader();
    let loaded = 0;
    let toldAt = -Infinity;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      const bytes = chunk.value;
      loaded += bytes.byteLength;
      if (onBytes && performance.now() - toldAt >= BYTES_EVERY_MS) {
        toldAt = performance.now();
        onBytes(loaded, total);
      }
      if (bytes.byteLength <= PIECE_BYTES) {
        // Only a chunk that owns its whole buffer can be transferred; a view into a shared one is copied.
        receive(bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice());
        await breather();
      }
      // A large chunk (a fast download brings half a megabyte at once) is checked a piece at a time:
      // its thousand records at once held the page's thread for ~300 ms. (Copies: each can be transferred.)
      else
        for (let at = 0; at < bytes.byteLength; at += PIECE_BYTES) {
          receive(bytes.slice(at, at + PIECE_BYTES));
          await breather();
        }
    }
    onBytes?.(loaded, total);
    receive(null);
  } catch (error) {
    receive({ failed: error instanceof Error ? error.message : String(error) });
  }
}
