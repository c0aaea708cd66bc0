import type { LoadedAnyFormat } from "../../data/loadAnyFormat";
import type { PackedEvents } from "../../data/packEvents";

/**
 * What the page asks the loading worker for: a same-origin URL, or a file opened from the computer
 * (`local`: its name is its location, and it cannot reach article files). Either way the page
 * streams the file's bytes to the worker as they arrive (BodyMessage), so the worker boots, decodes
 * and checks while the file downloads or is read; articles the file cites are fetched by the worker.
 */
export interface LoadRequest {
  readonly location: string;
  readonly displayName: string;
  readonly local: boolean;
}

/** What the page sends after a request: the file's bytes, chunk by chunk, then how it ended. */
export type BodyMessage =
  | { readonly kind: "chunk"; readonly bytes: Uint8Array }
  | { readonly kind: "end" }
  | { readonly kind: "failed"; readonly error: string };

/**
 * How far a load has got, for the page to show: records checked (of a total not known while the
 * file is still arriving), and when the file has arrived.
 */
export type LoadProgress =
  | { readonly type: "arrived" }
  | { readonly type: "progress"; readonly checked: number; readonly total: number | undefined };

/**
 * What the worker posts: progress and events (any number, interleaved), then result. Valid events
 * are sent in batches as soon as they are checked (see packEvents), while the file is still
 * arriving, so the page unpacks them while the worker is still reading; `result` carries everything
 * else. `restart` voids the events sent so far: the file could not be followed as it arrived (see
 * streamDataset) and is being loaded whole.
 */
export type LoadMessage =
  | LoadProgress
  | { readonly type: "events"; readonly events: PackedEvents }
  | { readonly type: "restart" }
  /** `loaded` without its events: the page puts back the ones it was sent. */
  | { readonly type: "result"; readonly loaded: LoadedAnyFormat };

/** How an unreadable response is reported, the same whether the page or the worker fetched it. */
export function httpFailure(response: Response): string {
  return `HTTP ${response.status} ${response.statusText}`.trim();
}
