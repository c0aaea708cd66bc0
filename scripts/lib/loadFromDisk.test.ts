// Article files on disk: the CLI and the build read only text files really inside the dataset's
// folder, symbolic links followed (src/data/articlePath.ts holds the rule for what a path may say).
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatIssue } from "../../src/data/issues";
import { checkInsideProject } from "./inlineBundledData";
import { loadFromDisk, readArticleFile } from "./loadFromDisk";

let dir = "";
const SECRET = "SECRET=the build machine's own; Rutte met Trump at the White House on Monday";
const QUOTE = "Rutte met Trump at the White House on Monday";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "load-from-disk-"));
  await mkdir(join(dir, "outside"));
  await mkdir(join(dir, "set", "articles"), { recursive: true });
  await writeFile(join(dir, "outside", "secret.txt"), SECRET);
  await writeFile(join(dir, "set", "articles", "real.txt"), QUOTE);
  // A link to a file outside, a link to a folder outside, and a link that stays inside.
  await symlink(join(dir, "outside", "secret.txt"), join(dir, "set", "link.txt"));
  await symlink(join(dir, "outside"), join(dir, "set", "linked-folder"));
  await symlink(join(dir, "set", "articles", "real.txt"), join(dir, "set", "inside-link.txt"));
  const files = ["articles/real.txt", "link.txt", "linked-folder/secret.txt", "inside-link.txt"];
  await writeFile(
    join(dir, "set", "events.json"),
    JSON.stringify({
      title: "Links",
      lanes: [{ id: "main", label: "Main" }],
      articles: files.map((file, i) => ({ id: `a${i}`, file, title: `A${i}` })),
      events: files.map((_, i) => ({
        id: `e${i}`,
        title: "T",
        summary: "S.",
        start: "2025-07-14",
        precision: "day",
        dateBasis: "stated",
        dateNote: "N.",
        lane: "main",
        actors: ["A"],
        sources: [{ article: `a${i}`, quote: QUOTE }],
      })),
    }),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("loadFromDisk", () => {
  it("follows no symbolic link out of the dataset's folder; the article's file is an error naming it", async () => {
    const loaded = await loadFromDisk(join(dir, "set", "events.json"), "events.json");
    expect(loaded.issues.map(formatIssue)).toEqual([
      'events.json: articles[1] (a1): file: could not read "link.txt": is a link that leads outside the dataset\'s folder',
      'events.json: articles[2] (a2): file: could not read "linked-folder/secret.txt": is a link that leads outside the dataset\'s folder',
      'warning: events.json: events[1] (e1): sources[0].quote: cannot be verified: the text of article "a1" is unavailable',
      'warning: events.json: events[2] (e2): sources[0].quote: cannot be verified: the text of article "a2" is unavailable',
    ]);
    // Nothing of the secret reached the result; every event is kept, the linked ones unverified.
    expect(JSON.stringify([...loaded.texts.values()])).not.toContain("SECRET");
    expect(loaded.dataset.events.map((e) => e.sources[0]!.verified)).toEqual([true, false, false, true]);
  });

  it("readArticleFile refuses what the path rule refuses, before touching the disk", async () => {
    await expect(readArticleFile(join(dir, "set", "events.json"), "../outside/secret.txt")).rejects.toThrow(
      "leads outside the dataset's folder",
    );
    await expect(readArticleFile(join(dir, "set", "events.json"), "/etc/passwd")).rejects.toThrow(
      "absolute path",
    );
  });
});

describe("the build's inlined dataset", () => {
  it("must really lie inside the project", async () => {
    await expect(
      checkInsideProject(join(dir, "set"), join(dir, "set", "events.json")),
    ).resolves.toBeUndefined();
    await expect(checkInsideProject(join(dir, "set"), join(dir, "outside", "secret.txt"))).rejects.toThrow(
      "is outside the project",
    );
    await expect(
      checkInsideProject(join(dir, "outside"), join(dir, "set", "linked-folder", "secret.txt")),
    ).resolves.toBeUndefined();
    await expect(checkInsideProject(join(dir, "set"), join(dir, "set", "link.txt"))).rejects.toThrow(
      "is outside the project",
    );
  });
});
