// Scraped articles and hand-typed quotes differ in typography, not in words: curly vs straight
// quotes, en/em dashes vs hyphens, non-breaking and doubled spaces. Nothing else is forgiven.
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;
const ELLIPSIS = /\u2026/g;
const SPACE = /\s+/g;

/** Folds whitespace and typographic quotes, apostrophes, dashes and ellipses to plain ASCII forms. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, "-")
    .replace(ELLIPSIS, "...")
    .replace(SPACE, " ")
    .trim();
}
