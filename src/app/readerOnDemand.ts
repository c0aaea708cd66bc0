import type { createSourceReader } from "./sourceReader";

type SourceReader = ReturnType<typeof createSourceReader>;

/**
 * The source reader, its code (reader, paging, quote finding) fetched the first time an article is
 * opened: most visits never open one.
 */
export function readerOnDemand(
  panel: HTMLElement,
  make: (create: typeof createSourceReader) => SourceReader,
) {
  let loading: Promise<SourceReader> | undefined;
  let loaded: SourceReader | undefined;
  const load = () =>
    (loading ??= import("./sourceReader").then((module) => (loaded = make(module.createSourceReader))));
  return {
    open(articleId: string, activeQuote?: string, activeEventId?: string): void {
      void load().then((reader) => reader.open(articleId, activeQuote, activeEventId));
    },
    close(): void {
      loaded?.close();
    },
    get isOpen(): boolean {
      return !panel.hidden;
    },
  };
}
