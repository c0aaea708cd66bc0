import type { LoadedAnyFormat } from "../../data/loadAnyFormat";

/** What the page asks the loading worker for: a same-origin URL, or a file's text it already read. */
export type LoadRequest =
  | { readonly kind: "url"; readonly url: string; readonly displayName: string }
  | { readonly kind: "text"; readonly name: string; readonly text: string };

/** What the worker reports back, in order: arrived, progress (any number), then result. */
export type LoadMessage =
  | { readonly type: "arrived" }
  | { readonly type: "progress"; readonly checked: number; readonly total: number }
  | { readonly type: "result"; readonly loaded: LoadedAnyFormat };
