/**
 * Apache Arrow IPC (file or stream format: `.arrow`, `.arrows`, `.feather` v2), read batch by batch
 * with apache-arrow. This module is only ever loaded by a dynamic import (loadBytes), so the library
 * is a chunk of its own that a page or worker fetches when an Arrow file is opened, never before.
 *
 * The file is a table of events, one row each: every column is the event field of its name, and its
 * value is taken as JSON would give it (strings, numbers, booleans, lists as arrays, structs as
 * objects; a null is a field left out). A Utf8 column named `json`, when present, holds any further
 * members of the event as a JSON object's text (conflict, media…: what is awkward as columns). The
 * schema's metadata key `dataset` holds the rest of the document as JSON text (title, lanes,
 * articles…: NDJSON's header). The rows are then validated as the items of `events` of that
 * document, so every rule and default is JSON's; issues name the row (`rows[0]` is the first).
 */
import { DataType, makeVector, RecordBatchReader, Vector } from "apache-arrow";
import type { DataIssue } from "../issues";
import { parseJson } from "../parseJson.ts";
import { isRecord, type JsonRecord } from "../readFields.ts";
import type { ParsedAnyFormat } from "./detectFormat.ts";

/** The schema metadata key for the document's members other than events, and the column of extra members. */
export const ARROW_DATASET_KEY = "dataset";
export const ARROW_JSON_COLUMN = "json";

/** An Arrow value as JSON would hold it. */
export function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint")
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : String(value);
  if (typeof value !== "object") return value;
  if (value instanceof Vector) return Array.from(value as Iterable<unknown>, plainValue);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<unknown>, plainValue);
  if (value instanceof Date) return value.toISOString();
  // A struct's row (StructRow) gives its fields through toJSON; their values may be vectors again.
  const json = (value as { toJSON?: () => unknown }).toJSON?.();
  if (!isRecord(json)) return String(value);
  // fromEntries defines each key as data, so a column or field named __proto__ is just a name.
  return Object.fromEntries(Object.entries(json).map(([key, item]) => [key, plainValue(item)]));
}

/**
 * A column's values as JSON would hold them, one per row. Lists and structs are read through their
 * children's whole columns at once: row by row (get, then toJSON of each struct) read 25,000
 * generated events in ~1.2 s, column by column in ~0.13 s.
 */
export function columnValues(vector: Vector): unknown[] {
  const out: unknown[] = [];
  for (const data of vector.data) {
    const part = makeVector(data);
    const type: DataType = data.type;
    if (DataType.isList(type) && data.children[0] !== undefined) {
      // Offsets index the child column, which a sliced list does not slice.
      const child = columnValues(makeVector(data.children[0]));
      const offsets = data.valueOffsets;
      for (let r = 0; r < data.length; r++)
        out.push(part.isValid(r) ? child.slice(offsets[r], offsets[r + 1]) : null);
    } else if (DataType.isStruct(type)) {
      const fields = type.children.map((field, i) => {
        const child = data.children[i];
        return [field.name, child === undefined ? [] : columnValues(makeVector(child))] as const;
      });
      for (let r = 0; r < data.length; r++)
        out.push(
          part.isValid(r)
            ? Object.fromEntries(fields.map(([name, values]) => [name, values[r] ?? null]))
            : null,
        );
    } else for (const value of part as Iterable<unknown>) out.push(plainValue(value));
  }
  return out;
}

/** The document's members other than events, from the schema metadata. */
function readHead(metadata: ReadonlyMap<string, string>, file: string, issues: DataIssue[]): JsonRecord {
  const text = metadata.get(ARROW_DATASET_KEY);
  if (text === undefined) return {};
  const parsed = parseJson(text);
  if (!parsed.ok || !isRecord(parsed.value)) {
    const message = parsed.ok ? "must be the text of a JSON object" : parsed.message;
    issues.push({ severity: "error", file, path: "", field: `metadata.${ARROW_DATASET_KEY}`, message });
    return {};
  }
  const { events: _, ...head } = parsed.value;
  return head;
}

/** One row as an event item: its non-null columns, and the members in its `json` column. */
function readRow(
  columns: readonly { name: string; values: readonly unknown[] }[],
  row: number,
  onBadJson: (message: string) => void,
): JsonRecord {
  const entries: [string, unknown][] = [];
  let extra: JsonRecord = {};
  for (const { name, values } of columns) {
    const value = values[row] ?? null;
    if (value === null) continue;
    if (name !== ARROW_JSON_COLUMN) entries.push([name, value]);
    else if (typeof value !== "string") onBadJson("must be the text of a JSON object");
    else {
      const parsed = parseJson(value);
      if (parsed.ok && isRecord(parsed.value)) extra = parsed.value;
      else onBadJson(parsed.ok ? "must be the text of a JSON object" : parsed.message);
    }
  }
  // The columns win over the same member in `json`.
  const own = Object.fromEntries(entries);
  const merged = Object.entries(extra).filter(([key]) => !Object.hasOwn(own, key));
  return Object.fromEntries([...entries, ...merged]);
}

/** Reads an Arrow IPC file into the JSON document it stands for; a broken batch keeps the rows before it. */
export function parseArrow(bytes: Uint8Array, file: string): ParsedAnyFormat {
  const issues: DataIssue[] = [];
  const events: JsonRecord[] = [];
  let head: JsonRecord = {};
  const fail = (message: string) =>
    issues.push({ severity: "error", file, path: "", field: "(file)", message });
  try {
    const reader = RecordBatchReader.from(bytes).open();
    head = readHead(reader.schema.metadata, file, issues);
    for (const batch of reader) {
      const columns = batch.schema.fields.map((field, i) => {
        const vector = batch.getChildAt(i);
        return { name: field.name, values: vector === null ? [] : columnValues(vector) };
      });
      for (let row = 0; row < batch.numRows; row++) {
        const at = events.length;
        const onBadJson = (message: string) =>
          issues.push({ severity: "error", file, path: `rows[${at}]`, field: ARROW_JSON_COLUMN, message });
        events.push(readRow(columns, row, onBadJson));
      }
    }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    fail(
      `is not a readable Arrow IPC file${events.length > 0 ? ` after ${events.length} rows` : ""}: ${why}`,
    );
    if (events.length === 0) return { json: undefined, format: "arrow", issues, relocate: same, rejected: 0 };
  }
  const relocate = (issue: DataIssue): DataIssue => {
    const match = /^events\[(\d+)\]$/.exec(issue.path);
    return match === null ? issue : { ...issue, path: `rows[${match[1]}]` };
  };
  return { json: { ...head, events }, format: "arrow", issues, relocate, rejected: 0 };
}

const same = (issue: DataIssue) => issue;
