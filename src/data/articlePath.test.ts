import { posix } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkArticlePath } from "./articlePath";

describe("checkArticlePath", () => {
  it.each([
    ["articles/a.txt", "articles/a.txt"],
    ["./articles//a.txt", "articles/a.txt"],
    ["articles/../b.md", "b.md"],
    ["A.TXT", "A.TXT"],
    ["notes/José café.txt", "notes/José café.txt"],
  ])("%j is allowed as %j", (file, path) => {
    expect(checkArticlePath(file)).toEqual({ ok: true, path });
  });

  it.each([
    ["../secret.txt", "leads outside the dataset's folder"],
    ["articles/../../secret.txt", "leads outside the dataset's folder"],
    ["/etc/passwd", "is an absolute path"],
    ["/proc/self/environ", "is an absolute path"],
    ["//evil.example.com/a.txt", "is an absolute path"],
    ["C:/Windows/win.ini", "is a URL or drive path"],
    ["file:///etc/passwd", "is a URL or drive path"],
    ["https://example.com/a.txt", "is a URL or drive path"],
    ["..\\secret.txt", "contains a backslash"],
    ["%2e%2e/secret.txt", 'contains "%", "?" or "#"'],
    ["a.txt?x=1", 'contains "%", "?" or "#"'],
    ["a\u0000.txt", "contains a control character"],
    ["../../../../.env", "leads outside the dataset's folder"],
    ["events.json", "is not a text file"],
    ["articles/a.txt.sh", "is not a text file"],
    [".txt", "is not a text file"],
    ["articles/..", "names no file"],
    ["articles/a.txt/", "names a folder"],
    ["", "is empty"],
  ])("%j is refused: %s", (file, reason) => {
    const checked = checkArticlePath(file);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? "" : checked.message).toContain(reason);
  });

  it("whatever it allows resolves inside the folder, in Node's path rules and the URL rules alike", () => {
    const segment = fc.constantFrom("..", ".", "", "a", "b.txt", "c.md", "%2e", "\\", "C:", "x?y", "/");
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (parts) => {
        const file = parts.join("/");
        const checked = checkArticlePath(file);
        if (!checked.ok) return;
        for (const written of [file, checked.path]) {
          const url = new URL(written, "https://example.org/data/set/events.json");
          expect(url.origin).toBe("https://example.org");
          expect(url.pathname.startsWith("/data/set/")).toBe(true);
        }
        expect(posix.resolve("/data/set", file).startsWith("/data/set/")).toBe(true);
        expect(posix.resolve("/data/set", file)).toBe(`/data/set/${checked.path}`);
        expect(checked.path.split("/")).not.toContain("..");
      }),
      { numRuns: 2000 },
    );
  });
});
