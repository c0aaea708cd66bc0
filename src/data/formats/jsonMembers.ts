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
/** How much of the text before a piece is kept to find a key or an opening the piece completes (with its seam). */
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

/**
 * Whether `needle` is in `text`, or across the seam between `before` and it: searches of the flat
 * text that arrived, and of a few characters at the seam, never of the two joined (a copy of both).
 * What lies wholly in `before` was looked at when it arrived.
 */
function arrivedHas(before: string, text: string, needle: string): boolean {
  if (text.includes(needle)) return true;
  const seam = needle.length - 1;
  return seam > 0 && (before.slice(-seam) + text.slice(0, seam)).includes(needle);
}

/** Splits the members of the JSON object in a text pushed piece by piece; `arrayKey`'s array into elements. */
export function splitJsonMembers(arrayKey: string, sink: MemberSink): MemberSplitter {
  const quotedKey = JSON.stringify(arrayKey);
  let buffer = "";
  let broken = false;
  /** Where the head search goes on (before the array), -1 once the array has started. */
  let searchFrom = 0;
  /** Whether elements were taken: `buffer` then starts at the opening of the first not taken. */
  let taken = false;
  /** `buffer` before the text that arrived last was added to it (undefined once the head search cut it). */
  let prior: string | undefined;
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
      prior = undefined;
      return;
    }
    searchFrom = Math.max(0, buffer.length - quotedKey.length);
    headPending = false;
  }

  /**
   * Takes the elements that are complete, once `text` has arrived after `before` (the end of what
   * came before it). Only an opening that just arrived can end an element not yet taken (the last
   * one before it was tried when it arrived). Looking only at what arrived, never at the whole
   * buffer (a search or a slice of it flattens it: a copy of it all), keeps a file that arrives in
   * tiny pieces linear (a 600 KB file in 7-byte pieces took over 15 s).
   */
  function takeElements(before: string, text: string): void {
    const known = opening !== undefined;
    opening ??= FIRST_KEY.exec(buffer.slice(0, 200))?.[1];
    if (opening === undefined) return;
    if (known && !arrivedHas(before, text, opening)) return;
    // The last opening is in what arrived, where a search copies nothing; only one across the seam
    // (or the first, when the opening was just learnt) is looked for in the buffer.
    const textStart = buffer.length - text.length;
    const inText = text.lastIndexOf(opening);
    const at = inText >= 0 ? textStart + inText : buffer.lastIndexOf(opening);
    // The comma before the opening, and the end of the element before that.
    const lead =
      at - 64 >= textStart
        ? text.slice(at - 64 - textStart, at - textStart)
        : buffer.slice(Math.max(0, at - 64), at);
    const comma = at > 0 && misses < 8 ? COMMA_BEFORE.exec(lead)?.[0].length : undefined;
    if (comma === undefined) return;
    const end = at - comma;
    // Nothing before the comma is no element (`[,` is not JSON).
    if (end <= 0) return;
    // Joined from what came before and what arrived, not sliced from the buffer: a slice of a joined
    // string copies it all first (one copy more of every byte of the file).
    const elements =
      prior !== undefined && end >= textStart ? prior + text.slice(0, end - textStart) : buffer.slice(0, end);
    const values = parse(`[${elements}]`);
    // A look-alike inside a string: the next piece brings another. (Records that do not open alike
    // miss every time, and are left to the end.)
    if (values === undefined) return void misses++;
    for (const value of values.value as unknown[]) sink.element(value);
    taken = true;
    buffer = at >= textStart ? text.slice(at - textStart) : buffer.slice(at);
  }

  return {
    push(text) {
      if (broken) return false;
      prior = buffer;
      buffer += text;
      const before = carry;
      // Taken from the text itself when it can be: a slice of `before + text` would copy them both
      // (~55 ms for a 7 MB file in 64 KB pieces).
      carry = text.length >= CARRY ? text.slice(-CARRY) : (before + text).slice(-CARRY);
      if (searchFrom !== -1 && (headPending || arrivedHas(before, text, quotedKey))) findHead();
      if (searchFrom === -1) takeElements(before, text);
      // A piece this big is not a record (nor a head): the ordinary parse will do.
      if (buffer.length > MAX_PIECE) broken = true;
      return !broken;
    },
    end() {
      if (broken || searchFrom !== -1) return false;
      const rest = parse(`{${quotedKey}:[${taken ? `${SENTINEL},` : ""}${buffer}`);
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
