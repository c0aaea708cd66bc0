import type { LoadedAnyFormat } from "../../data/loadAnyFormat";
import type { PackedEvents } from "../../data/packEvents";

/**
 * What the page asks the loading worker for: a same-origin URL, or a file's text it already read.
 * For a URL the page may have fetched the file itself while the worker started (`body`): its bytes
 * (transferred) or why it could not be read. Articles are still fetched by the worker.
 */
export type LoadRequest =
  | {
      readonly kind: "url";
      readonly url: string;
      readonly displayName: string;
      readonly body?: { readonly bytes: ArrayBuffer } | { readonly error: string };
    }
  | { readonly kind: "text"; readonly name: string; readonly text: string };

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
