/**
 * Writes a dataset document as an Arrow IPC file (see arrow.ts for the layout), for `npm run gen`
 * and `npm run convert` (never part of the page). Text fields are Utf8 columns, actors and topics
 * lists of Utf8, sources a list of {article, quote} structs; whatever an event has besides (or a
 * field whose value does not fit its column) goes into the `json` column, so nothing is lost.
 * Rows are written in batches, so a reader can take the file batch by batch.
 */
import {
  Field,
  List,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableToIPC,
  Utf8,
  vectorFromArray,
  type DataType,
  type Vector,
} from "apache-arrow";
import { isRecord, type JsonRecord } from "../readFields.ts";
import { ARROW_DATASET_KEY, ARROW_JSON_COLUMN } from "./arrow.ts";

const TEXT = ["id", "title", "summary", "start", "end", "precision", "dateBasis", "dateNote", "lane"];
const LISTS = ["actors", "topics"];
const SOURCE_KEYS = ["article", "quote"];

/** Rows per record batch: large enough to cost little, small enough to read a file a batch at a time. */
export const ARROW_BATCH_ROWS = 10_000;

const utf8 = () => new Utf8();
const listOf = (type: DataType) => new List(new Field("item", type, true));
const sourceType = () => new Struct(SOURCE_KEYS.map((key) => new Field(key, utf8(), true)));

const isTextList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");
const isSourceList = (value: unknown): value is JsonRecord[] =>
  Array.isArray(value) &&
  value.every(
    (item) =>
      isRecord(item) &&
      Object.keys(item).every((key) => SOURCE_KEYS.includes(key)) &&
      SOURCE_KEYS.every((key) => typeof item[key] === "string"),
  );

/** Which column a member goes to, or undefined for the `json` column. */
function fits(key: string, value: unknown): boolean {
  if (TEXT.includes(key)) return typeof value === "string";
  if (LISTS.includes(key)) return isTextList(value);
  return key === "sources" && isSourceList(value);
}

function batchOf(events: readonly unknown[]): RecordBatch {
  const rows = events.map((event) => (isRecord(event) ? event : {}));
  const column = (key: string) =>
    rows.map((row) => (Object.hasOwn(row, key) && fits(key, row[key]) ? row[key] : null));
  const vectors: Record<string, Vector> = {};
  for (const key of TEXT) vectors[key] = vectorFromArray(column(key), utf8());
  for (const key of LISTS) vectors[key] = vectorFromArray(column(key), listOf(utf8()));
  vectors["sources"] = vectorFromArray(column("sources"), listOf(sourceType()));
  const rest = rows.map((row) => {
    const other = Object.entries(row).filter(([key, value]) => !fits(key, value));
    return other.length === 0 ? null : JSON.stringify(Object.fromEntries(other));
  });
  vectors[ARROW_JSON_COLUMN] = vectorFromArray(rest, utf8());
  return new Table(vectors).batches[0]!;
}

/** The document as an Arrow IPC file (`format` "file", or "stream" for the streaming format). */
export function documentToArrow(document: JsonRecord, format: "file" | "stream" = "file"): Uint8Array {
  const { events, ...head } = document;
  const list = Array.isArray(events) ? events : [];
  const batches: RecordBatch[] = [];
  for (let at = 0; at < list.length || at === 0; at += ARROW_BATCH_ROWS)
    batches.push(batchOf(list.slice(at, at + ARROW_BATCH_ROWS)));
  const fields = batches[0]!.schema.fields;
  const schema = new Schema(fields, new Map([[ARROW_DATASET_KEY, JSON.stringify(head)]]));
  return tableToIPC(new Table(schema, batches), format);
}
