import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { badgeAtlas, type Badge } from "./badgeAtlas";

/** A 2D context that remembers, per device-pixel offset of its transform, the last count drawn there. */
class RecordingContext {
  offset: [number, number] = [0, 0];
  /** "x,y" of the transform's offset → text drawn there (the atlas: one count per cell). */
  readonly drawnAt = new Map<string, string>();
  readonly direct: string[] = [];
  readonly copies: number[][] = [];
  font = "";
  textAlign = "";
  textBaseline = "";
  lineWidth = 0;
  strokeStyle = "";
  fillStyle = "";
  setTransform(_a: number, _b: number, _c: number, _d: number, e: number, f: number) {
    this.offset = [e, f];
  }
  clearRect() {
    this.drawnAt.clear();
  }
  fillText(text: string) {
    this.drawnAt.set(this.offset.join(","), text);
    this.direct.push(text);
  }
  drawImage(_image: unknown, ...rect: number[]) {
    this.copies.push(rect);
  }
  beginPath() {}
  arc() {}
  stroke() {}
  fill() {}
  save() {}
  restore() {}
}

let atlasContext: RecordingContext;
const realDocument = globalThis.document;
beforeEach(() => {
  atlasContext = new RecordingContext();
  globalThis.document = {
    createElement: () => ({ width: 0, height: 0, getContext: () => atlasContext }),
  } as unknown as Document;
});
afterEach(() => {
  globalThis.document = realDocument;
});

const ink = { paper: "white", font: "700 10px sans-serif" };
const RATIO = 2;
/** A cell's device-pixel offset in the atlas (cells are 32 × 22 px, 16 to a row). */
const cellOffset = (cell: number) => `${(cell % 16) * 32 * RATIO},${Math.floor(cell / 16) * 22 * RATIO}`;
const badges = (n: number, colour = "blue"): Badge[] =>
  Array.from({ length: n }, (_, i) => [colour, String(i)]);

describe("badgeAtlas", () => {
  it("draws each colour and count once, in a cell of its own, and copies it at whole device pixels", () => {
    const atlas = badgeAtlas(ink, RATIO);
    const frame: Badge[] = [...badges(5), ["red", "3"], ["blue", "3"]];
    const cells = atlas.cells(frame);
    expect(cells[6]).toBe(cells[3]);
    expect(new Set(cells.slice(0, 6)).size).toBe(6);
    cells.forEach((cell, i) => expect(atlasContext.drawnAt.get(cellOffset(cell))).toBe(frame[i]![1]));
    const target = new RecordingContext();
    atlas.draw(target as unknown as CanvasRenderingContext2D, cells[0]!, frame[0]!, 100.3, 12.7);
    const [, , , , x, y] = target.copies[0]!;
    expect(Number.isInteger(x! * RATIO) && Number.isInteger(y! * RATIO)).toBe(true);
  });

  it("a frame with more badges than fit: the rest are drawn directly, none over another's cell", () => {
    const atlas = badgeAtlas(ink, RATIO);
    atlas.cells(badges(200, "green"));
    const frame = badges(300);
    const cells = atlas.cells(frame);
    const inAtlas = cells.filter((c) => c >= 0);
    expect(inAtlas.length).toBe(256);
    expect(new Set(inAtlas).size).toBe(256);
    cells.forEach((cell, i) => {
      if (cell >= 0) expect(atlasContext.drawnAt.get(cellOffset(cell))).toBe(frame[i]![1]);
    });
    const target = new RecordingContext();
    frame.forEach((badge, i) =>
      atlas.draw(target as unknown as CanvasRenderingContext2D, cells[i]!, badge, 0, 0),
    );
    expect(target.copies.length).toBe(256);
    expect(target.direct).toEqual(frame.filter((_, i) => cells[i]! < 0).map((b) => b[1]));
  });

  it("empties itself before a frame whose new badges would not fit, so the frame's cells all hold its badges", () => {
    const atlas = badgeAtlas(ink, RATIO);
    atlas.cells(badges(250, "green"));
    const frame = [...badges(10, "green"), ...badges(20, "red")];
    const cells = atlas.cells(frame);
    expect(cells.every((c) => c >= 0)).toBe(true);
    cells.forEach((cell, i) => expect(atlasContext.drawnAt.get(cellOffset(cell))).toBe(frame[i]![1]));
  });
});
