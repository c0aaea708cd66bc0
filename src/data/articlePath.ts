/**
 * The one rule for an article's `file`, shared by the CLI, the build and the page: a dataset may
 * name only text files inside its own folder. The path is read as `/`-separated segments relative to
 * the dataset's folder; `.` and empty segments are dropped and `..` steps back, but never above the
 * folder. Anything that a file system or a URL could read differently (absolute paths, drive
 * letters, schemes (any colon), backslashes, percent-encoding, `?`, `#`, control characters) is refused, so the
 * same text names the same file on disk and on the web, or is an error in all three.
 */

/** Extensions an article file may have (lowercase). */
export const ARTICLE_EXTENSIONS: readonly string[] = [".txt", ".md"];

export type ArticlePath = { ok: true; path: string } | { ok: false; message: string };

const HINT = "article files must be relative paths inside the dataset's folder";

// Each pattern is a single character class or a fixed prefix: linear time on any input.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * Checks `file` (as written in the dataset, already trimmed) and returns its normalised relative path
 * (`articles/a.txt`), or why it is refused (a message that does not repeat the value: the issue's
 * field names it, and the caller quotes it).
 */
export function checkArticlePath(file: string): ArticlePath {
  if (file === "") return { ok: false, message: "is empty" };
  if (CONTROL.test(file)) return { ok: false, message: `contains a control character; ${HINT}` };
  if (file.includes("\\"))
    return { ok: false, message: `contains a backslash; separate folders with "/" (${HINT})` };
  if (file.startsWith("/")) return { ok: false, message: `is an absolute path; ${HINT}` };
  // A scheme (file:, https:), a drive (C:), or a colon a URL parser could take for either.
  if (file.includes(":")) return { ok: false, message: `is a URL or drive path (it has ":"); ${HINT}` };
  if (/[%?#]/.test(file))
    return { ok: false, message: `contains "%", "?" or "#"; write the file name as it is on disk` };
  if (file.endsWith("/")) return { ok: false, message: `names a folder, not a file; ${HINT}` };
  const segments: string[] = [];
  for (const segment of file.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.length === 0) return { ok: false, message: `leads outside the dataset's folder; ${HINT}` };
      segments.pop();
    } else segments.push(segment);
  }
  const name = segments.at(-1);
  if (name === undefined) return { ok: false, message: `names no file; ${HINT}` };
  const lower = name.toLowerCase();
  if (!ARTICLE_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length))
    return {
      ok: false,
      message: `is not a text file; article files must end in ${ARTICLE_EXTENSIONS.join(" or ")}`,
    };
  return { ok: true, path: segments.join("/") };
}
