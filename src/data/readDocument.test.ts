import { describe, expect, it } from "vitest";
import { formatIssue } from "./issues";
import { readDatasetExtras, readDocumentFields } from "./readDocument";
import { FieldReader, type JsonRecord } from "./readFields";
import type { Context } from "./readRecords";

const FILE = "events.json";

function read(json: JsonRecord, strict: boolean) {
  const ctx: Context = { file: FILE, issues: [], strict };
  const root = new FieldReader(json, FILE, "");
  const fields = readDocumentFields(ctx, root);
  return { fields, issues: root.issues.map(formatIssue) };
}

describe("readDocumentFields", () => {
  it("readDocumentFields(ctx, root) returns the title and description, trimmed", () => {
    const { fields, issues } = read(
      { title: " July ", description: "A week", lanes: [], articles: [], events: [] },
      true,
    );
    expect(fields).toEqual({ title: "July", description: "A week" });
    expect(issues).toEqual([]);
  });

  it("readDocumentFields(ctx, root) requires a title and the record arrays only of a strict dataset", () => {
    expect(read({ events: [] }, false)).toEqual({
      fields: { title: "Untitled timeline", description: "" },
      issues: [],
    });
    expect(read({ events: [] }, true).issues).toEqual([
      "events.json: (top level): title: is required",
      "events.json: (top level): lanes: is required",
      "events.json: (top level): articles: is required",
    ]);
  });

  it("readDocumentFields(ctx, root) reports unknown keys first, then a strict that is not true or false", () => {
    expect(read({ strict: "yes", titel: "July", events: [] }, false).issues).toEqual([
      "warning: events.json: (top level): titel: is not a known field and was ignored",
      "events.json: (top level): strict: must be true or false",
    ]);
  });
});

describe("readDatasetExtras", () => {
  it("readDatasetExtras(ctx, root) gives only the fields the document has", () => {
    const ctx: Context = { file: FILE, issues: [], strict: false };
    expect(readDatasetExtras(ctx, new FieldReader({}, FILE, ""))).toEqual({});
    expect(
      readDatasetExtras(ctx, new FieldReader({ scale: "cosmological", publish: true }, FILE, "")),
    ).toEqual({ scale: "cosmological", publish: true });
  });

  it("readDatasetExtras(ctx, root) ignores a publish that is not true or false, with a warning", () => {
    const root = new FieldReader({ publish: "yes" }, FILE, "");
    expect(readDatasetExtras({ file: FILE, issues: [], strict: false }, root)).toEqual({});
    expect(root.issues.map(formatIssue)).toEqual([
      "warning: events.json: (top level): publish: must be true or false; it was ignored",
    ]);
  });
});
