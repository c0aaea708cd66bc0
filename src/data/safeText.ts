/**
 * Text from a dataset, made safe for where it goes: a terminal (shown, never obeyed) and an XML file
 * (always well-formed). Each rule is one character class, so it runs in linear time on any input.
 */

/**
 * Characters a terminal could act on rather than show: C0 controls (escape sequences, carriage
 * returns that overwrite a line, bells, line breaks that would split one issue line into two), DEL,
 * C1 controls (including the 8-bit CSI), line and paragraph separators, the bidirectional controls
 * that reorder what is shown (Trojan Source: U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069), and
 * lone surrogates.
 */
const TERMINAL_UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** Text for a terminal: every unsafe character written as its `\uXXXX` escape (ESC is `\u001b`). */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE, escapeChar);
}

/**
 * Characters XML 1.0 does not allow (C0 controls but tab, line feed and carriage return; U+FFFE,
 * U+FFFF; lone surrogates), and the other controls (DEL, C1), which a file's reader would not show.
 */
const XML_UNSAFE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** A character reference to one of them (as a serializer may write it). */
const XML_UNSAFE_REF = /&#(?:x0*([0-9a-f]{1,6})|0*([0-9]{1,7}));/gi;

function allowedCodePoint(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code < 0x7f) ||
    (code > 0x9f && code < 0xd800) ||
    (code > 0xdfff && code < 0xfffe) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** XML text (or a serialised document) with every character XML cannot hold, or that is a control, removed. */
export function xmlSafe(text: string): string {
  return text.replace(XML_UNSAFE, "").replace(XML_UNSAFE_REF, (ref, hex?: string, dec?: string) => {
    const code = hex === undefined ? Number(dec) : parseInt(hex, 16);
    return allowedCodePoint(code) ? ref : "";
  });
}
