import { BADGE_RADIUS_PX } from "../model/markGeometry";

/** What a badge is drawn with: the theme's resolved colours and the count's font. */
export interface BadgeInk {
  readonly paper: string;
  readonly font: string;
}

/** A cell holds one badge: the 18 px disc with its 2 px outline, and a count as wide as "1.2k". */
const CELL_W = 32;
const CELL_H = 22;
const COLUMNS = 16;
const CAPACITY = COLUMNS * 16;

/** A badge: its colour and the count it shows. */
export type Badge = readonly [colour: string, count: string];

export interface BadgeAtlas {
  /**
   * The cells of a frame's badges, drawing the new ones into the atlas (emptied first if they
   * would not fit); −1 for a badge that finds no room even then, which `draw` draws directly.
   */
  cells(badges: readonly Badge[]): number[];
  /** Draws a badge centred on (cx, cy), copied from its cell. */
  draw(target: CanvasRenderingContext2D, cell: number, badge: Badge, cx: number, cy: number): void;
}

function setInk(context: CanvasRenderingContext2D, ink: BadgeInk): void {
  context.font = ink.font;
  context.textAlign = "center";
  context.textBaseline = "middle";
  context.lineWidth = 2;
  context.strokeStyle = ink.paper;
}

function paintBadge(
  context: CanvasRenderingContext2D,
  ink: BadgeInk,
  [colour, count]: Badge,
  x: number,
  y: number,
) {
  context.beginPath();
  context.arc(x, y, BADGE_RADIUS_PX, 0, 2 * Math.PI);
  // The outline is drawn under the fill: a 1 px ring of paper separates touching badges.
  context.stroke();
  context.fillStyle = colour;
  context.fill();
  context.fillStyle = ink.paper;
  context.fillText(count, x, y);
}

/**
 * Cluster badges (outlined disc and count) copied from one atlas canvas, where each colour and
 * count is drawn once. A canvas replays its drawing at the frame's commit: a few hundred arcs and
 * texts cost ~2.5 ms of every frame there, copies a tenth of that. One atlas rather than a canvas
 * per badge: creating a canvas and setting its font cost ~0.2 ms each, 30 ms on a first render. A
 * frame asks for all its cells before it copies any: drawing into a canvas that has been copied
 * from makes it snapshot the whole atlas first, each time.
 */
export function badgeAtlas(ink: BadgeInk, ratio: number): BadgeAtlas {
  const cellW = Math.ceil(CELL_W * ratio),
    cellH = Math.ceil(CELL_H * ratio);
  const atlas = document.createElement("canvas");
  atlas.width = cellW * COLUMNS;
  atlas.height = cellH * (CAPACITY / COLUMNS);
  const context = atlas.getContext("2d");
  if (context !== null) setInk(context, ink);
  const used = new Map<string, number>();

  function cell(badge: Badge, key: string): number {
    let at = used.get(key);
    if (at !== undefined) return at;
    if (context === null || used.size === CAPACITY) return -1;
    at = used.size;
    used.set(key, at);
    context.setTransform(ratio, 0, 0, ratio, (at % COLUMNS) * cellW, Math.floor(at / COLUMNS) * cellH);
    paintBadge(context, ink, badge, CELL_W / 2, CELL_H / 2);
    return at;
  }

  return {
    cells(badges) {
      const keys = badges.map((b) => b.join(" "));
      const fresh = new Set(keys.filter((key) => !used.has(key)));
      if (used.size + fresh.size > CAPACITY && context !== null) {
        used.clear();
        context.setTransform(1, 0, 0, 1, 0, 0);
        context.clearRect(0, 0, atlas.width, atlas.height);
      }
      return badges.map((badge, i) => cell(badge, keys[i]!));
    },
    draw(target, at, badge, cx, cy) {
      if (at < 0) {
        target.save();
        setInk(target, ink);
        paintBadge(target, ink, badge, cx, cy);
        target.restore();
        return;
      }
      // Copied to whole device pixels: a copy at a fractional offset would be resampled (blurred).
      const x = Math.round(cx * ratio - cellW / 2) / ratio,
        y = Math.round(cy * ratio - cellH / 2) / ratio;
      const sx = (at % COLUMNS) * cellW,
        sy = Math.floor(at / COLUMNS) * cellH;
      target.drawImage(atlas, sx, sy, cellW, cellH, x, y, cellW / ratio, cellH / ratio);
    },
  };
}
