import type { DataIssue } from "./issues";

/** The issues found in one ledger file, in the order they are found. */
export class LedgerIssues {
  readonly list: DataIssue[] = [];
  constructor(readonly file: string) {}

  /** An issue about the ledger itself: its top level or one of its entries. */
  add(path: string, field: string, message: string, severity: "error" | "warning" = "error"): void {
    this.list.push({ severity, file: this.file, path, field, message });
  }

  /** An issue about a record of the dataset (an event or an article), named by its id. */
  about(path: string, id: string, field: string, message: string): void {
    this.list.push({ severity: "error", file: this.file, path, id, field, message });
  }
}

/** A passage as a message quotes it: on one line, cut to `max` characters. */
export function clip(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
