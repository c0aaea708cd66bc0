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

const LONG_VALUE = 60;

/**
 * Shortens what an issue quotes back from the data: a 100 KB value (as a quoted "…" segment, or as
 * the record id) is cut to its start, so a message stays readable and small.
 */
export function tidyIssue(issue: DataIssue): DataIssue {
  const clip = (text: string) => (text.length > LONG_VALUE ? `${text.slice(0, LONG_VALUE - 3)}...` : text);
  let message = issue.message.replace(/"([^"]*)"/g, (_, inner: string) => `"${clip(inner)}"`);
  if (message.length > 400) message = `${message.slice(0, 397)}...`;
  const field = issue.field.length > 120 ? `${issue.field.slice(0, 117)}...` : issue.field;
  // Ids may be up to 80 characters; only a longer (already invalid) one is cut.
  const id = issue.id === undefined || issue.id.length <= 80 ? issue.id : `${issue.id.slice(0, 77)}...`;
  return message === issue.message && field === issue.field && id === issue.id
    ? issue
    : { ...issue, message, field, id };
}

/** Formats an issue as `FILE: events[7] (id): field: what is wrong` (warnings prefixed). */
export function formatIssue(issue: DataIssue): string {
  const where = issue.path === "" ? "(top level)" : issue.path;
  const id = issue.id === undefined ? "" : ` (${issue.id})`;
  const prefix = issue.severity === "warning" ? "warning: " : "";
  return `${prefix}${issue.file}: ${where}${id}: ${issue.field}: ${issue.message}`;
}
