import { ISSUES_LISTED, type IssueReport } from "../data/issueSummary";
import { formatIssue, type DataIssue } from "../data/issues";
import { el } from "./dom";
import { download } from "./download";
import "../styles/notes.css";

/** How many problems the panel lists; the rest are counted by kind and in the downloadable list. */
export const ALERTS_LISTED = ISSUES_LISTED;

/**
 * The "Data notes" panel: what the import found, for the dataset's author (its code and stylesheet
 * load only when there is something to say). Errors first, then warnings, at most ALERTS_LISTED of
 * them (the report's). With more, the panel says how many of each kind there are and offers the
 * whole list as a text file (made only when asked for, or sent ready made by the loading worker), so
 * 540,000 problems cost a hundred list items. The chart is drawn whatever the panel says; it can be
 * dismissed. Notices (a link that did not fit, a file from the computer) are for every reader.
 */
export function renderDataNotes(
  container: HTMLElement,
  report: IssueReport,
  allIssues: readonly DataIssue[] | Blob,
  skippedEvents: number,
  notices: readonly string[] = [],
): void {
  const { errors: errorCount, warnings: warningCount, listed, kinds } = report;
  const total = errorCount + warningCount;
  container.hidden = total === 0 && notices.length === 0;
  if (container.hidden) return container.replaceChildren();
  const parts: string[] = [];
  if (errorCount > 0) parts.push(`${errorCount} error${errorCount === 1 ? "" : "s"}`);
  if (warningCount > 0) parts.push(`${warningCount} warning${warningCount === 1 ? "" : "s"}`);
  const heading = el("p", "alert-heading");
  if (parts.length === 0) heading.textContent = "Part of the link could not be used:";
  if (parts.length > 0) {
    heading.textContent = `The data has ${parts.join(" and ")}${skippedEvents > 0 ? `; ${skippedEvents} event${skippedEvents === 1 ? " is" : "s are"} not shown` : ""}. Every valid event is shown.`;
  }
  const list = el("ul", "alert-list");
  for (const notice of notices) list.append(el("li", "notice", notice));
  for (const issue of listed) list.append(el("li", issue.severity, formatIssue(issue)));
  container.className = errorCount > 0 ? "alerts has-errors" : "alerts";
  container.replaceChildren(notesHead(container, total > 0), heading, list);
  if (total <= listed.length) return;

  const summary = el("div", "alert-summary");
  summary.append(
    el("p", undefined, `The first ${listed.length} of ${total} problems are listed above. By kind:`),
  );
  const table = el("table", "alert-kinds");
  for (const { severity, kind, count } of kinds.slice(0, 50)) {
    const row = el("tr", severity);
    row.append(el("td", "alert-count", String(count)), el("td", undefined, `${severity}: ${kind}`));
    table.append(row);
  }
  const all = el("button", "tool-button alert-download", `Download all ${total} problems`);
  all.type = "button";
  all.addEventListener("click", () => {
    const head = notices.map((notice) => `${notice}\n`).join("");
    const lines = allIssues instanceof Blob ? allIssues : `${allIssues.map(formatIssue).join("\n")}\n`;
    download(new Blob([head, lines], { type: "text/plain" }), "problems.txt", "text/plain");
  });
  summary.append(table, all);
  container.append(summary);
}

/** The panel's title (when it holds the author's notes) and its dismiss button. */
function notesHead(container: HTMLElement, forAuthor: boolean): HTMLElement {
  const head = el("div", "notes-head");
  if (forAuthor) {
    head.append(
      el("h2", "notes-title", "Data notes"),
      el("span", "notes-who", "for the author: hidden with ?embed=1 and in a dataset set to publish"),
    );
  }
  const dismiss = el("button", "tool-button notes-dismiss", "Dismiss");
  dismiss.type = "button";
  dismiss.setAttribute("aria-label", forAuthor ? "Dismiss the data notes" : "Dismiss the notice");
  dismiss.addEventListener("click", () => {
    container.hidden = true;
    // Focus would otherwise be lost with the button: it goes to the chart the notes were about.
    document.getElementById("timeline")?.focus();
  });
  head.append(dismiss);
  return head;
}
