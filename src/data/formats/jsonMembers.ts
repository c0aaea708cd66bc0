/**
 * Splits a JSON object's text into its members while the text is still arriving, and one array
 * member into its elements, so a loader can parse and check a large file's records during the
 * download instead of after it. It never scans the text character by character: it guesses where
 * pieces end and lets JSON.parse confirm each guess, in bulk.
 *
 * - The head (everything before the array) ends at a `"key": [` that makes `head + "]}"` parse.
 *   That cannot happen inside a string (the string would swallow the `]}`) or deeper in the
 *   document (a bracket would stay open), so it is the array member of the object itself.
 * - Elements are taken up to the last place that looks like a boundary between records: a comma,
 *   then the opening of the first record up to its first key (e.g. `{"id"`). The elements since
 *   the last cut are parsed as one list, which succeeds only if the place is a real boundary (a
 *   comma in a string leaves the string open; one inside a record, the record).
 * - The rest is parsed when the text is complete, with a sentinel standing for the elements taken.
 *
 * Anything that does not parse, or a file whose records give no boundary to find, makes it give up
 * (`end()` is false): the caller then parses the whole text the ordinary way, which also gives the
 * reader the exact syntax error. (So does a text that starts with a byte-order mark; TextDecoder
 * removes the mark from a fetched file.) When it completes, JSON.parse reads the whole text as the
 * object whose members and elements it handed over (property-tested).
 */
export interface MemberSink {
  /** The members before the array (all at once, as the array starts), then those after it (at the end). */
  member(key: string, value: unknown): void;
  /** The array begins (its elements follow). */
  arrayStart(key: string): void;
  /** One element of the array. */
  element(value: unknown): void;
}

export interface MemberSplitter {
  /** Takes more of the text; false once it has given up. */
  push(text: string): boolean;
  /** The text is complete: true when it has handed over the whole document. */
  end(): boolean;
}

/** An object's opening up to its first key, e.g. `{"id"` or `{\n    "id"`. */
const FIRST_KEY = /^[ \t\n\r]*(\{[ \t\n\r]*"(?:[^"\\]|\\.)*")/;
/** After a key: `:` and `[` (group 1), spaces allowed; matches as much of that as there is. */
const ARRAY_OPENING = /[ \t\n\r]*(?::[ \t\n\r]*(\[)?)?/y;
/** A comma (spaces allowed) at the end of a text. */
const COMMA_BEFORE = /[ \t\n\r]*,[ \t\n\r]*$/;
/** How far a piece may grow before the split is given up (characters). */
const MAX_PIECE = 1 << 20;
/** How much of the text before a piece is kept to find a key or an opening the piece completes. */
const CARRY = 256;
/** Stands for the elements already taken when the rest of the text is parsed. */
const SENTINEL = '{"\\u0000taken":0}';

function parse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** Splits the members of the JSON object in a text pushed piece by piece; `arrayKey`'s array into elements. */
export function splitJsonMembers(arrayKey: string, sink: MemberSink): MemberSplitter {
  const quotedKey = JSON.stringify(arrayKey);
  let buffer = "";
  let broken = false;
  /** Where the head search goes on (before the array), -1 once the array has started. */
  let searchFrom = 0;
  /** Whether elements were taken: `buffer` then starts at the comma after the last one. */
  let taken = false;
  let opening: string | undefined;
  let misses = 0;
  /** The end of the text pushed so far (see push). */
  let carry = "";
  /** The head search stopped at a key whose `:` or `[` had not arrived yet. */
  let headPending = false;

  function findHead(): void {
    for (let at = buffer.indexOf(quotedKey, searchFrom); at !== -1; at = buffer.indexOf(quotedKey, at + 1)) {
      ARRAY_OPENING.lastIndex = at + quotedKey.length;
      const opened = ARRAY_OPENING.exec(buffer)![1] !== undefined;
      const after = ARRAY_OPENING.lastIndex;
      if (!opened && after === buffer.length) return void ((searchFrom = at), (headPending = true));
      const head = opened ? parse(`${buffer.slice(0, after)}]}`) : undefined;
      if (head === undefined) continue;
      for (const [key, value] of Object.entries(head.value as object))
        if (key !== arrayKey) sink.member(key, value);
      sink.arrayStart(arrayKey);
      searchFrom = -1;
      buffer = buffer.slice(after);
      return;
    }
    searchFrom = Math.max(0, buffer.length - quotedKey.length);
    headPending = false;
  }

  /**
   * Takes the elements that are complete; `fresh` is the end of the buffer, of which the last
   * `arrived` characters just arrived.
   */
  function takeElements(fresh: string, arrived: number): void {
    const known = opening !== undefined;
    opening ??= FIRST_KEY.exec(buffer.slice(0, 200))?.[1];
    if (opening === undefined) return;
    // Only an opening that just arrived can end an element not yet taken (the last one before it was
    // tried when it arrived): looking for one only in what just arrived, without touching the buffer
    // (a search flattens it: a copy of it all), keeps a file that arrives in tiny pieces linear (a
    // 600 KB file in 7-byte pieces took over 15 s).
    if (known && fresh.indexOf(opening, Math.max(0, fresh.length - arrived - opening.length + 1)) < 0) return;
    const at = buffer.lastIndexOf(opening);
    // The comma before the opening, and the end of the element before that.
    const comma =
      at > 0 && misses < 8
        ? COMMA_BEFORE.exec(buffer.slice(Math.max(0, at - 64), at))?.[0].length
        : undefined;
    if (comma === undefined) return;
    const end = at - comma;
    // Nothing before the comma is no element (`[,` is not JSON).
    if (end <= +taken) return;
    const values = parse(`[${buffer.slice(+taken, end)}]`);
    // A look-alike inside a string: the next piece brings another. (Records that do not open alike
    // miss every time, and are left to the end.)
    if (values === undefined) return void misses++;
    for (const value of values.value as unknown[]) sink.element(value);
    taken = true;
    buffer = buffer.slice(buffer.indexOf(",", end));
  }

  return {
    push(text) {
      if (broken) return false;
      buffer += text;
      // What just arrived, with enough before it to hold a key or an opening it completes.
      const fresh = carry + text;
      carry = fresh.slice(-CARRY);
      if (searchFrom !== -1 && (headPending || fresh.includes(quotedKey))) findHead();
      if (searchFrom === -1) takeElements(fresh, text.length);
      // A piece this big is not a record (nor a head): the ordinary parse will do.
      if (buffer.length > MAX_PIECE) broken = true;
      return !broken;
    },
    end() {
      if (broken || searchFrom !== -1) return false;
      const rest = parse(`{${quotedKey}:[${taken ? SENTINEL : ""}${buffer}`);
      if (rest === undefined) return false;
      const { [arrayKey]: elements, ...after } = rest.value as Record<string, unknown>;
      // A second member with the array's key would have replaced the array (and its sentinel).
      if (!Array.isArray(elements)) return false;
      if (taken && (elements[0] as Record<string, unknown> | null)?.["\u0000taken"] !== 0) return false;
      for (const value of elements.slice(+taken)) sink.element(value);
      for (const [key, value] of Object.entries(after)) sink.member(key, value);
      return true;
    },
  };
}
