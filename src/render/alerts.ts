import { formatIssue, type DataIssue } from "../data/issues";
import { el } from "./dom";

/** Lists data problems in a visible alert panel (hidden when there are none). */
export function renderAlerts(
  container: HTMLElement,
  issues: readonly DataIssue[],
  skippedEvents: number,
  notices: readonly string[] = [],
): void {
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  container.hidden = issues.length === 0 && notices.length === 0;
  if (container.hidden) return container.replaceChildren();
  const parts: string[] = [];
  if (errors.length > 0) parts.push(`${errors.length} error${errors.length === 1 ? "" : "s"}`);
  if (warnings.length > 0) parts.push(`${warnings.length} warning${warnings.length === 1 ? "" : "s"}`);
  const heading = el("p", "alert-heading");
  if (parts.length === 0) heading.textContent = "Part of the link could not be used:";
  if (parts.length > 0) {
    heading.textContent = `The data has ${parts.join(" and ")}${skippedEvents > 0 ? `; ${skippedEvents} event${skippedEvents === 1 ? " is" : "s are"} not shown` : ""}. Every valid event is shown.`;
  }
  const list = el("ul", "alert-list");
  for (const notice of notices) list.append(el("li", "notice", notice));
  for (const issue of [...errors, ...warnings]) list.append(el("li", issue.severity, formatIssue(issue)));
  container.className = errors.length > 0 ? "alerts has-errors" : "alerts";
  container.replaceChildren(heading, list);
}
