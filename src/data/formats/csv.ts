/**
 * CSV in and out. One row per source quote, under this header (column order is free, names are
 * matched ignoring case and surrounding spaces):
 *
 *   id,start,end,precision,title,summary,lane,actors,topics,source,quote,date_basis,date_note
 *
 * - Required columns: start and title. The others may be left out, or left empty in a row: an event
 *   then gets the defaults every format shares (validateDataset, unless the dataset is strict): no
 *   summary, actors, topics or quotes, and the lane "Events".
 * - `id`: optional; when empty it is derived from start and title (`2025-07-10-trump-phones-rutte`),
 *   so the same row always gets the same id.
 * - Several rows with the same id (or, without ids, the same start and title) are one event: the
 *   first row gives its fields, each further row adds one more source (its other cells may repeat the
 *   first row's or stay empty; a different value is reported and ignored).
 * - `lane`: a label; each distinct label becomes a lane (id derived from the label).
 * - `actors`, `topics`: separated by `;`.
 * - `source`: an article id or title; each distinct value becomes an article with that title and no
 *   text file, so its quotes are shown as unverified.
 * - `precision`: optional, derived from start's notation (YYYY year, YYYY-MM month, YYYY-MM-DD day,
 *   with a time of day time); `week` must be written out.
 * - `date_basis`: optional, default "stated". `date_note`: optional, default "From the CSV file.".
 * - `media`, `media_caption`, `media_credit`, `media_alt`: optional, the event's media (an https URL).
 *
 * CSV has no dataset title: the file's name (without folders and extension) is used.
 *
 * Problems are reported as `rows[N]` with the column as the field, N being the line the row starts on
 * (the header is line 1; a quoted cell holding line breaks spans several lines).
 */
import { csvParseRows } from "d3-dsv";
import { restoreCsvCell, safeCsvCell } from "./csvSafe.ts";
import type { DataIssue } from "../issues";
import type { Dataset } from "../types";
import {
  deriveEventId,
  idFor,
  indexIn,
  precisionOfNotation,
  titleFromFileName,
  type ArticleJson,
  type DatasetJson,
  type EventJson,
  type ImportResult,
  type LaneJson,
} from "./common.ts";

export const CSV_COLUMNS = [
  "id",
  "start",
  "end",
  "precision",
  "title",
  "summary",
  "lane",
  "actors",
  "topics",
  "source",
  "quote",
  "date_basis",
  "date_note",
] as const;

/**
 * Optional columns for an event's media (`media` is its https URL). Written only for a dataset that
 * has media, so other exports keep CSV_COLUMNS exactly.
 */
export const CSV_MEDIA_COLUMNS = ["media", "media_caption", "media_credit", "media_alt"] as const;

/** Every column the importer knows. */
const KNOWN_COLUMNS = [...CSV_COLUMNS, ...CSV_MEDIA_COLUMNS] as const;

export type CsvColumn = (typeof KNOWN_COLUMNS)[number];

export const CSV_REQUIRED: readonly CsvColumn[] = ["start", "title"];

export const CSV_DATE_NOTE = "From the CSV file.";

/** Columns describing the event itself, which a further row of the same event should not change. */
const EVENT_COLUMNS: readonly CsvColumn[] = KNOWN_COLUMNS.filter(
  (c) => c !== "id" && c !== "source" && c !== "quote",
);

/** Validator field names → CSV columns. */
const COLUMN_OF: Readonly<Record<string, CsvColumn>> = {
  dateBasis: "date_basis",
  dateNote: "date_note",
  sources: "source",
  media: "media",
  "media.url": "media",
  "media.caption": "media_caption",
  "media.credit": "media_credit",
  "media.alt": "media_alt",
};

type Cells = Readonly<Record<CsvColumn, string>>;

interface Group {
  readonly line: number;
  readonly cells: Cells;
  readonly event: EventJson;
  readonly sources: NonNullable<EventJson["sources"]>;
  /** The line of each source, in the order of `sources`. */
  readonly sourceLines: number[];
}

function lineBreaks(cell: string): number {
  return cell.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** Whether csvParseRows ends the text inside a quoted cell (it then silently reads the rest into that cell). */
function endsInsideQuotes(text: string): boolean {
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') continue;
      if (text[i + 1] === '"') i++;
      else {
        // Like csvParseRows (and d3-dsv), the character after a closing quote ends the cell whatever it is.
        quoted = false;
        i++;
        fieldStart = true;
      }
    } else if (c === '"' && fieldStart) quoted = true;
    else fieldStart = c === "," || c === "\n" || c === "\r";
  }
  return quoted;
}

function list(cell: string): string[] | undefined {
  const items = cell
    .split(";")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  return items.length === 0 ? undefined : items;
}

/** Parses CSV text into the dataset format; validateDataset then checks the result. */
export function parseCsv(text: string, file: string): ImportResult {
  const issues: DataIssue[] = [];
  const report = (
    severity: DataIssue["severity"],
    line: number,
    field: string,
    message: string,
    id?: string,
  ) => issues.push({ severity, file, path: `rows[${line}]`, id, field, message });
  const json: DatasetJson = { title: titleFromFileName(file), lanes: [], articles: [], events: [] };
  let rejected = 0;
  const nothingToRelocate = (): ImportResult => ({ json, issues, relocate: (issue) => issue, rejected });

  const body = text.replace(/^\uFEFF/, "");
  const rows = csvParseRows(body);
  const header = rows[0];
  if (header === undefined || header.every((cell) => cell.trim() === "")) {
    report("error", 1, "(header)", `must be the first line: ${CSV_COLUMNS.join(",")}`);
    return nothingToRelocate();
  }

  // The line each row starts on: line breaks inside quoted cells push later rows down.
  const lines: number[] = [];
  let next = 1;
  for (const row of rows) {
    lines.push(next);
    next += 1 + row.reduce((n, cell) => n + lineBreaks(cell), 0);
  }

  const columnIndex = new Map<CsvColumn, number>();
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    const column = KNOWN_COLUMNS.find((c) => c === name);
    if (column === undefined) {
      report("warning", 1, raw.trim() || `(column ${i + 1})`, "is not a known column and was ignored");
    } else if (columnIndex.has(column)) {
      report("warning", 1, column, "appears twice in the header; the first one is used");
    } else columnIndex.set(column, i);
  });
  const missing = CSV_REQUIRED.filter((c) => !columnIndex.has(c));
  for (const column of missing) {
    report("error", 1, column, `column is missing from the header (${CSV_COLUMNS.join(",")})`);
  }
  if (missing.length > 0) {
    rejected = rows.slice(1).filter((row) => row.some((cell) => cell.trim() !== "")).length;
    return nothingToRelocate();
  }

  const unclosed = endsInsideQuotes(body) ? rows.length - 1 : -1;
  const groups = new Map<string, Group>();
  const lanes = new Map<string, { lane: LaneJson; line: number }>();
  const articles = new Map<string, { article: ArticleJson; line: number }>();

  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const line = lines[r] ?? r + 1;
    if (row.every((cell) => cell.trim() === "")) continue;
    if (r === unclosed) {
      report(
        "error",
        line,
        "(row)",
        'has a quoted cell that is never closed, so the rest of the file was read into it; close the quote (write "" for a quote mark inside a cell)',
      );
      rejected++;
      continue;
    }
    if (row.length !== header.length) {
      report(
        "warning",
        line,
        "(row)",
        `has ${row.length} cell${row.length === 1 ? "" : "s"} but the header has ${header.length}`,
      );
    }
    const cells = Object.fromEntries(
      KNOWN_COLUMNS.map((c) => {
        const i = columnIndex.get(c);
        return [c, i === undefined ? "" : restoreCsvCell((row[i] ?? "").trim())];
      }),
    ) as Cells;

    let id = cells.id;
    if (id === "") {
      if (cells.start === "" || cells.title === "") {
        for (const column of ["start", "title"] as const) {
          if (cells[column] === "") report("error", line, column, "is required");
        }
        rejected++;
        continue;
      }
      id = deriveEventId(cells.start, cells.title);
    }

    let group = groups.get(id);
    if (group === undefined) {
      const sources: NonNullable<EventJson["sources"]> = [];
      const event = eventFromCells(cells, id, sources, (label) => {
        const key = idFor(label, "lane");
        if (!lanes.has(key)) lanes.set(key, { lane: { id: key, label }, line });
        return key;
      });
      group = { line, cells, event, sources, sourceLines: [] };
      groups.set(id, group);
    } else {
      for (const column of EVENT_COLUMNS) {
        if (cells[column] !== "" && cells[column] !== group.cells[column]) {
          report(
            "warning",
            line,
            column,
            `differs from the event's first row, rows[${group.line}]; that row's value is used`,
            id,
          );
        }
      }
    }
    if (cells.source !== "" || cells.quote !== "") {
      let article: string | undefined;
      if (cells.source !== "") {
        article = idFor(cells.source, "source");
        if (!articles.has(article))
          articles.set(article, { article: { id: article, title: cells.source }, line });
      }
      group.sources.push({
        ...(article === undefined ? {} : { article }),
        ...(cells.quote === "" ? {} : { quote: cells.quote }),
      });
      group.sourceLines.push(line);
    }
  }

  const groupList = [...groups.values()];
  const laneList = [...lanes.values()];
  const articleList = [...articles.values()];
  json.events = groupList.map((g) => g.event);
  json.lanes = laneList.map((l) => l.lane);
  json.articles = articleList.map((a) => a.article);

  const relocate = (issue: DataIssue): DataIssue => {
    const e = indexIn("events", issue.path);
    const group = e === undefined ? undefined : groupList[e];
    if (group !== undefined) {
      const source = /^sources\[(\d+)\](?:\.(\w+))?/.exec(issue.field);
      if (source !== null) {
        const field = source[2] === "quote" ? "quote" : "source";
        const line = group.sourceLines[Number(source[1])] ?? group.line;
        const message =
          field === "source"
            ? issue.message.replace("(an article id)", "(an article id or title)")
            : issue.message;
        return { ...issue, path: `rows[${line}]`, field, message };
      }
      const base = issue.field.replace(/\[\d+\]$/, "");
      return { ...issue, path: `rows[${group.line}]`, field: COLUMN_OF[base] ?? base };
    }
    const lane = laneList[indexIn("lanes", issue.path) ?? -1];
    if (lane !== undefined) return { ...issue, path: `rows[${lane.line}]`, id: undefined, field: "lane" };
    const article = articleList[indexIn("articles", issue.path) ?? -1];
    if (article !== undefined)
      return { ...issue, path: `rows[${article.line}]`, id: undefined, field: "source" };
    return issue;
  };
  return { json, issues, relocate, rejected };
}

function eventFromCells(
  cells: Cells,
  id: string,
  sources: NonNullable<EventJson["sources"]>,
  laneId: (label: string) => string,
): EventJson {
  const given = (value: string) => (value === "" ? undefined : value);
  const event: EventJson = {
    id,
    title: given(cells.title),
    summary: given(cells.summary),
    start: given(cells.start),
    end: given(cells.end),
    precision: given(cells.precision) ?? (cells.start === "" ? undefined : precisionOfNotation(cells.start)),
    dateBasis: given(cells.date_basis) ?? "stated",
    dateNote: given(cells.date_note) ?? CSV_DATE_NOTE,
    lane: cells.lane === "" ? undefined : laneId(cells.lane),
    actors: list(cells.actors),
    topics: list(cells.topics),
    sources,
    media: mediaFromCells(cells),
  };
  // Missing values are left out rather than set to undefined, so the JSON reads like a hand-written one.
  for (const key of Object.keys(event) as (keyof EventJson)[])
    if (event[key] === undefined) delete event[key];
  return event;
}

/** The media columns as the validator reads `media` (it checks the URL); none when all are empty. */
function mediaFromCells(cells: Cells): EventJson["media"] {
  const { media, media_caption, media_credit, media_alt } = cells;
  if (media === "" && media_caption === "" && media_credit === "" && media_alt === "") return undefined;
  return {
    url: media,
    ...(media_caption === "" ? {} : { caption: media_caption }),
    ...(media_credit === "" ? {} : { credit: media_credit }),
    ...(media_alt === "" ? {} : { alt: media_alt }),
  };
}

/**
 * The dataset as CSV under CSV_COLUMNS: one row per source (`source` is the article's title), the
 * event's fields on its first row only, so parseCsv reads each further row as one more source.
 */
export function datasetToCsv(dataset: Dataset): string {
  const laneLabel = new Map(dataset.lanes.map((lane) => [lane.id, lane.label]));
  const articleTitle = new Map(dataset.articles.map((article) => [article.id, article.title]));
  const columns: readonly CsvColumn[] = dataset.events.some((e) => e.media !== undefined)
    ? KNOWN_COLUMNS
    : CSV_COLUMNS;
  const rows: string[][] = [[...columns]];
  for (const event of dataset.events) {
    const sources = event.sources.length > 0 ? event.sources : [undefined];
    sources.forEach((source, i) => {
      const cells: Record<CsvColumn, string> = {
        id: event.id,
        start: "",
        end: "",
        precision: "",
        title: "",
        summary: "",
        lane: "",
        actors: "",
        topics: "",
        source: source === undefined ? "" : (articleTitle.get(source.article) ?? source.article),
        quote: source?.quote ?? "",
        date_basis: "",
        date_note: "",
        media: "",
        media_caption: "",
        media_credit: "",
        media_alt: "",
      };
      if (i === 0) {
        Object.assign(cells, {
          start: event.start.text,
          end: event.end?.text ?? "",
          precision: event.precision,
          title: event.title,
          summary: event.summary,
          lane: laneLabel.get(event.lane) ?? event.lane,
          actors: event.actors.join("; "),
          topics: event.topics.join("; "),
          date_basis: event.dateBasis,
          date_note: event.dateNote,
          media: event.media?.url ?? "",
          media_caption: event.media?.caption ?? "",
          media_credit: event.media?.credit ?? "",
          media_alt: event.media?.alt ?? "",
        });
      }
      rows.push(columns.map((c) => cells[c]));
    });
  }
  return `${rows.map((row) => row.map(csvCell).join(",")).join("\n")}\n`;
}

/**
 * A cell as RFC 4180 (and d3-dsv's csvFormat) writes it: quoted, with quotes doubled, when it holds a
 * quote, comma or line break; a cell a spreadsheet would evaluate is neutralised (see csvSafe.ts).
 */
const csvCell = safeCsvCell;
