/**
 * `text` cut to at most `maxChars` characters at a word boundary where one is near, with "…"; whole
 * when it fits. Never splits a surrogate pair.
 */
export function truncateText(text: string, maxChars: number): string {
  const chars = [...text];
  if (chars.length <= maxChars) return text;
  const cut = chars.slice(0, Math.max(1, maxChars - 1)).join("");
  const space = cut.lastIndexOf(" ");
  const prefix = space > cut.length * 0.6 ? cut.slice(0, space) : cut;
  return `${prefix.trimEnd().replace(/[,;:.\u2013\u2014-]+$/, "")}\u2026`;
}
