import type { LoadedAnyFormat } from "../../data/loadAnyFormat";
import type { PackedEvents } from "../../data/packEvents";

/**
 * What the page asks the loading worker for: a same-origin URL, or a file's text it already read.
 * For a URL the page fetches the file itself and streams its bytes to the worker as they arrive
 * (BodyMessage), so the worker boots and decodes while the file downloads; articles the file cites
 * are fetched by the worker.
 */
export type LoadRequest =
  | { readonly kind: "url"; readonly url: string; readonly displayName: string }
  | { readonly kind: "text"; readonly name: string; readonly text: string };

/** What the page sends after a "url" request: the file's bytes, chunk by chunk, then how it ended. */
export type BodyMessage =
  | { readonly kind: "chunk"; readonly bytes: Uint8Array }
  | { readonly kind: "end" }
  | { readonly kind: "failed"; readonly error: string };

/** How far a load has got, for the page to show: the file arrived, then records checked. */
export type LoadProgress =
  | { readonly type: "arrived" }
  | { readonly type: "progress"; readonly checked: number; readonly total: number };

/**
 * What the worker posts, in order: arrived, then progress and events (any number, interleaved), then
 * result. Valid events are sent in batches as soon as they are checked (see packEvents), so the page
 * unpacks them while the worker is still validating; `result` carries everything else.
 */
export type LoadMessage =
  | LoadProgress
  | { readonly type: "events"; readonly events: PackedEvents }
  /** `loaded` without its events: the page puts back the ones it was sent. */
  | { readonly type: "result"; readonly loaded: LoadedAnyFormat };

/** How an unreadable response is reported, the same whether the page or the worker fetched it. */
export function httpFailure(response: Response): string {
  return `HTTP ${response.status} ${response.statusText}`.trim();
}
