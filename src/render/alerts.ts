import { summariseIssues } from "../data/issueSummary";
import { formatIssue, type DataIssue } from "../data/issues";
import { el } from "./dom";
import { download } from "./download";

/** How many problems the panel lists; the rest are counted by kind and in the downloadable list. */
export const ALERTS_LISTED = 100;

/**
 * Lists data problems in a visible alert panel (hidden when there are none): errors first, then
 * warnings, at most ALERTS_LISTED of them. With more, the panel says how many of each kind there are
 * and offers the whole list as a text file (built only when asked for), so 540,000 problems cost a
 * hundred list items.
 */
export function renderAlerts(
  container: HTMLElement,
  issues: readonly DataIssue[],
  skippedEvents: number,
  notices: readonly string[] = [],
): void {
  let errorCount = 0;
  for (const issue of issues) if (issue.severity === "error") errorCount++;
  const warningCount = issues.length - errorCount;
  container.hidden = issues.length === 0 && notices.length === 0;
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
  // The first ALERTS_LISTED, errors before warnings, each in the validator's order.
  const listed: DataIssue[] = [];
  for (const severity of ["error", "warning"] as const)
    for (let i = 0; i < issues.length && listed.length < ALERTS_LISTED; i++)
      if (issues[i]!.severity === severity) listed.push(issues[i]!);
  for (const issue of listed) list.append(el("li", issue.severity, formatIssue(issue)));
  container.className = errorCount > 0 ? "alerts has-errors" : "alerts";
  container.replaceChildren(heading, list);
  if (issues.length <= ALERTS_LISTED) return;

  const summary = el("div", "alert-summary");
  summary.append(
    el("p", undefined, `The first ${ALERTS_LISTED} of ${issues.length} problems are listed above. By kind:`),
  );
  const kinds = el("table", "alert-kinds");
  for (const { severity, kind, count } of summariseIssues(issues).slice(0, 50)) {
    const row = el("tr", severity);
    row.append(el("td", "alert-count", String(count)), el("td", undefined, `${severity}: ${kind}`));
    kinds.append(row);
  }
  const all = el("button", "tool-button alert-download", `Download all ${issues.length} problems`);
  all.type = "button";
  all.addEventListener("click", () =>
    download(`${[...notices, ...issues.map(formatIssue)].join("\n")}\n`, "problems.txt", "text/plain"),
  );
  summary.append(kinds, all);
  container.append(summary);
}
