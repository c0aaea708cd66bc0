import type { DataIssue } from "./issues";

/** A JSON object as parsed: own keys only, values unknown. */
export type JsonRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return value.length > 40 ? "a string" : `"${value}"`;
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

/**
 * Reads typed fields from one record, collecting an issue per bad field rather than stopping at the
 * first, so a person fixing the file sees every problem in one run.
 */
export class FieldReader {
  readonly issues: DataIssue[] = [];
  constructor(
    readonly record: JsonRecord,
    readonly file: string,
    readonly path: string,
    readonly id?: string,
  ) {}

  error(field: string, message: string): undefined {
    this.issues.push({ severity: "error", file: this.file, path: this.path, id: this.id, field, message });
    return undefined;
  }

  warn(field: string, message: string): void {
    this.issues.push({ severity: "warning", file: this.file, path: this.path, id: this.id, field, message });
  }

  get hasErrors(): boolean {
    return this.issues.some((issue) => issue.severity === "error");
  }

  private value(field: string): unknown {
    return Object.hasOwn(this.record, field) ? this.record[field] : undefined;
  }

  /** A string, trimmed; `required` fields must be present and non-empty. */
  string(
    field: string,
    opts: { required: boolean; max?: number; pattern?: RegExp; patternHint?: string },
  ): string | undefined {
    const value = this.value(field);
    if (value === undefined || value === null) {
      return opts.required ? this.error(field, "is required") : undefined;
    }
    if (typeof value !== "string") return this.error(field, `must be a string, not ${describe(value)}`);
    const text = value.trim();
    if (text === "") return opts.required ? this.error(field, "must not be empty") : undefined;
    if (opts.max !== undefined && text.length > opts.max) {
      return this.error(field, `is ${text.length} characters long; at most ${opts.max} allowed`);
    }
    if (opts.pattern !== undefined && !opts.pattern.test(text)) {
      return this.error(field, `${describe(text)} ${opts.patternHint ?? "has the wrong form"}`);
    }
    return text;
  }

  /** One of a fixed set of strings. */
  oneOf<T extends string>(field: string, allowed: readonly T[], required: boolean): T | undefined {
    const text = this.string(field, { required });
    if (text === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(text)) {
      return this.error(field, `${describe(text)} is not one of ${allowed.join(", ")}`);
    }
    return text as T;
  }

  /** An array of non-empty strings. */
  strings(field: string, opts: { required: boolean; max: number }): string[] | undefined {
    const value = this.value(field);
    if (value === undefined || value === null) return opts.required ? this.error(field, "is required") : [];
    if (!Array.isArray(value))
      return this.error(field, `must be an array of strings, not ${describe(value)}`);
    const out: string[] = [];
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item !== "string" || item.trim() === "")
        this.error(`${field}[${i}]`, "must be a non-empty string");
      else if (item.length > opts.max) this.error(`${field}[${i}]`, `is longer than ${opts.max} characters`);
      else out.push(item.trim());
    }
    if (opts.required && value.length === 0) return this.error(field, "must list at least one");
    return out;
  }

  /** An array field as raw items, for records nested inside this one. */
  array(field: string, required: boolean): readonly unknown[] | undefined {
    const value = this.value(field);
    if (value === undefined || value === null) return required ? this.error(field, "is required") : undefined;
    if (!Array.isArray(value)) return this.error(field, `must be an array, not ${describe(value)}`);
    return value;
  }

  /** Warns about keys the format does not know, which are usually typos of ones it does. */
  unknownKeys(known: readonly string[]): void {
    // for…in rather than Object.keys: no array per record (it runs for each of 100,000 events).
    for (const key in this.record) {
      if (Object.hasOwn(this.record, key) && !known.includes(key))
        this.warn(key, "is not a known field and was ignored");
    }
  }
}

export { describe };
