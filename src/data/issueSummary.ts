import type { DataIssue } from "./issues";

/** How many issues of one kind: the same severity, field (item numbers left out) and record type. */
export interface IssueKind {
  readonly severity: DataIssue["severity"];
  /** e.g. `events[]: sources[].quote`, `rows[]: start`, `(top level): (file)`. */
  readonly kind: string;
  readonly count: number;
}

const INDEX = /\[\d+\]/g;

/** Where an issue is, without its record's number: `events[7]` → `events[]` (paths hold one index). */
function recordType(path: string): string {
  if (path === "") return "(top level)";
  const bracket = path.indexOf("[");
  return bracket < 0 ? path : `${path.slice(0, bracket)}[]`;
}

/** The kind an issue counts under. */
export function issueKind(issue: DataIssue): string {
  return `${recordType(issue.path)}: ${issue.field.replace(INDEX, "[]")}`;
}

/** Issues counted by kind, errors first, then the most frequent first (ties in order of first appearance). */
export function summariseIssues(issues: readonly DataIssue[]): IssueKind[] {
  // Half a million issues come from a few dozen (severity, record type, field) triples: each issue is
  // counted under its raw triple without building a string, and the triples are merged by kind after.
  const byTriple = new Map<
    string,
    Map<string, { severity: DataIssue["severity"]; type: string; field: string; count: number }>
  >();
  let lastPrefix = "\u0000";
  let lastType = "";
  for (const issue of issues) {
    const path = issue.path;
    if (!path.startsWith(lastPrefix)) {
      const bracket = path.indexOf("[");
      lastPrefix = path === "" || bracket < 0 ? path : path.slice(0, bracket + 1);
      lastType = recordType(path);
      // A path without an index is its own prefix only when equal; "" would match every path.
      if (bracket < 0) lastPrefix = "\u0000";
    }
    const type = lastPrefix === "\u0000" ? recordType(path) : lastType;
    const key = issue.severity === "error" ? type : `~${type}`;
    let fields = byTriple.get(key);
    if (fields === undefined) byTriple.set(key, (fields = new Map()));
    const entry = fields.get(issue.field);
    if (entry === undefined)
      fields.set(issue.field, { severity: issue.severity, type, field: issue.field, count: 1 });
    else entry.count++;
  }
  const kinds = new Map<string, { severity: DataIssue["severity"]; kind: string; count: number }>();
  for (const fields of byTriple.values())
    for (const { severity, type, field, count } of fields.values()) {
      const kind = `${type}: ${field.replace(INDEX, "[]")}`;
      const key = `${severity} ${kind}`;
      const merged = kinds.get(key);
      if (merged === undefined) kinds.set(key, { severity, kind, count });
      else merged.count += count;
    }
  return [...kinds.values()].sort(
    (a, b) => Number(a.severity === "warning") - Number(b.severity === "warning") || b.count - a.count,
  );
}

/** How many problems the page lists one by one; the rest are counted by kind and downloadable. */
export const ISSUES_LISTED = 100;

/**
 * What the page shows of a file's problems: how many, the first few, and how many of each kind. It
 * is all the loading worker sends back: half a million problems, structured-cloned one object each,
 * held the page's thread for seconds; this is a few hundred objects, whatever the file.
 */
export interface IssueReport {
  readonly errors: number;
  readonly warnings: number;
  /** The first ISSUES_LISTED, errors before warnings, each in the validator's order. */
  readonly listed: readonly DataIssue[];
  /** Every issue counted by kind (see summariseIssues); empty when `listed` holds them all. */
  readonly kinds: readonly IssueKind[];
}

/** The report on `issues` (see IssueReport). */
export function reportIssues(issues: readonly DataIssue[], listedMax = ISSUES_LISTED): IssueReport {
  let errors = 0;
  for (const issue of issues) if (issue.severity === "error") errors++;
  const listed: DataIssue[] = [];
  for (const severity of ["error", "warning"] as const)
    for (let i = 0; i < issues.length && listed.length < listedMax; i++)
      if (issues[i]!.severity === severity) listed.push(issues[i]!);
  const kinds = issues.length > listedMax ? summariseIssues(issues) : [];
  return { errors, warnings: issues.length - errors, listed, kinds };
}
