/** A problem found in input data, located precisely enough for a person to fix it. */
export interface DataIssue {
  readonly severity: "error" | "warning";
  readonly file: string;
  /** Where in the document, e.g. `events[7]`, `lanes[0]`, or `` for the top level. */
  readonly path: string;
  /** The record's id when it has a usable one. */
  readonly id?: string;
  readonly field: string;
  readonly message: string;
}

/** Formats an issue as `FILE: events[7] (id): field: what is wrong` (warnings prefixed). */
export function formatIssue(issue: DataIssue): string {
  const where = issue.path === "" ? "(top level)" : issue.path;
  const id = issue.id === undefined ? "" : ` (${issue.id})`;
  const prefix = issue.severity === "warning" ? "warning: " : "";
  return `${prefix}${issue.file}: ${where}${id}: ${issue.field}: ${issue.message}`;
}
