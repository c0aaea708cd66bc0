/**
 * The one way a dataset's bytes become text, in the CLI, the build and the page alike (issue 19:
 * one verdict for the same bytes). The encoding is told by a byte-order mark: UTF-8 (the default,
 * with or without one), UTF-16 little- or big-endian. Byte-order marks at the start, however many
 * (a file saved twice by an editor that adds one), are dropped; bytes that are not valid in the
 * encoding become U+FFFD, as a browser shows them. UTF-16 without a mark is recognised later, by the
 * NUL characters it leaves (see parseAnyFormat), and refused with a message naming it.
 */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be";

/** The encoding a file's first bytes announce (UTF-8 when they announce none). */
export function sniffEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return "utf-8";
}

const LEADING_BOMS = /^\uFEFF+/;

/** A whole file's text. */
export function decodeBytes(bytes: Uint8Array): string {
  return new TextDecoder(sniffEncoding(bytes)).decode(bytes).replace(LEADING_BOMS, "");
}

/**
 * decodeBytes for a file that arrives in chunks (the same text, whatever the cuts): it waits for the
 * first two bytes to choose the encoding, and drops the byte-order marks at the start.
 */
export class StreamDecoder {
  private decoder: TextDecoder | undefined;
  private head = new Uint8Array(0);
  private started = false;

  decode(chunk?: Uint8Array, options: { stream?: boolean } = {}): string {
    let bytes = chunk ?? new Uint8Array(0);
    if (this.decoder === undefined) {
      const joined = new Uint8Array(this.head.length + bytes.length);
      joined.set(this.head);
      joined.set(bytes, this.head.length);
      if (joined.length < 2 && options.stream === true) {
        this.head = joined;
        return "";
      }
      this.decoder = new TextDecoder(sniffEncoding(joined));
      bytes = joined;
    }
    let text = this.decoder.decode(bytes, options);
    if (!this.started) {
      text = text.replace(LEADING_BOMS, "");
      this.started = text !== "";
    }
    return text;
  }
}
