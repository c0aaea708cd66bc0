import type { IssueReport } from "../data/issueSummary";
import type { CheckedFile } from "./worker/loadProtocol";

/** The panel, and the Retry its notes offer (loadGuard comes with the loader: the page has neither). */
type NotesModules = readonly [typeof import("../render/dataNotes"), typeof import("./loadGuard")];
let loaded: NotesModules | undefined;

/**
 * What readers see of the report when the author's notes are hidden (?embed=1, or a dataset set to
 * publish): only a file that could not be read at all, so an empty chart is never unexplained.
 */
function forReaders(report: IssueReport): IssueReport {
  const listed = report.listed.filter((issue) => issue.field === "(file)");
  return { errors: listed.length, warnings: 0, listed, kinds: [] };
}

/**
 * Shows the data notes (render/dataNotes.ts, fetched the first time there is something to say; the
 * bundled story has nothing and never fetches it). Resolves once they are shown; the chart never
 * waits for them.
 */
export function showDataNotes(
  container: HTMLElement,
  loadedFile: CheckedFile,
  notices: readonly string[],
  retry: (() => void) | undefined,
  signal: AbortSignal,
): Promise<void> {
  const { report, allIssues, rejectedEvents, dataset } = loadedFile;
  const forAuthor = dataset.publish !== true && !document.body.classList.contains("embed");
  const shown = forAuthor ? report : forReaders(report);
  if (shown.errors + shown.warnings === 0 && notices.length === 0) {
    container.hidden = true;
    container.replaceChildren();
    return Promise.resolve();
  }
  const render = ([notes, guard]: NotesModules) => {
    if (signal.aborted) return;
    notes.renderDataNotes(container, shown, allIssues, forAuthor ? rejectedEvents : 0, notices);
    if (retry) guard.addRetry(container, shown.listed, retry);
  };
  // Once fetched, the panel is drawn at once (a retry's, a second file's).
  if (loaded !== undefined) return Promise.resolve(render(loaded));
  return Promise.all([import("../render/dataNotes"), import("./loadGuard")]).then((modules) =>
    render((loaded = modules)),
  );
}
