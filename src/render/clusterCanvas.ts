import { clusterCentre, holdsMatch, type ClusterMark } from "../model/layoutMarks";
import { formatCount } from "./marks";
import { laneColour } from "./palette";

/** Resolved colours for drawing clusters on a canvas, which cannot read CSS variables. */
export interface ClusterPaint {
  /** By lane colour index (see palette). */
  readonly lanes: readonly string[];
  readonly paper: string;
  readonly font: string;
}

/** A badge is 18 px across with a 2 px outline; its lane's strip is this tall. */
const STRIP_PX = 24;

/**
 * Draws clusters (extent bar, badge, count) on canvases laid over the plot, one strip per lane along
 * its overflow row, where every cluster of the lane sits. At 10,000 events a window shows ~150
 * clusters; as SVG their ~600 elements took half of every zoom or pan frame in style, layout and
 * paint. Each badge is copied from a bitmap drawn once (see badgeSprite). Clusters are not focusable and are hit-tested
 * from the layout, so nothing is lost to assistive technology; the SVG export draws them as SVG.
 */
export function paintClusters(
  layer: HTMLElement,
  clusters: readonly ClusterMark[],
  widthPx: number,
  paint: ClusterPaint,
  matches?: Uint8Array,
): void {
  const byLane = new Map<number, ClusterMark[]>();
  for (const c of clusters) {
    const list = byLane.get(c.lane);
    if (list === undefined) byLane.set(c.lane, [c]);
    else list.push(c);
  }
  const ratio = window.devicePixelRatio || 1;
  // One canvas per lane that has clusters, reused from frame to frame; spare ones are hidden.
  const canvases = [...layer.children] as HTMLCanvasElement[];
  let used = 0;
  for (const [lane, list] of byLane) {
    let canvas = canvases[used++];
    if (canvas === undefined) {
      canvas = document.createElement("canvas");
      layer.append(canvas);
    }
    canvas.hidden = false;
    const y = list[0]!.y;
    const top = `${y - STRIP_PX / 2}px`;
    if (canvas.style.top !== top) canvas.style.top = top;
    const width = Math.round(widthPx * ratio),
      height = Math.round(STRIP_PX * ratio);
    const context = canvas.getContext("2d");
    if (context === null) continue;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      canvas.style.width = `${widthPx}px`;
      canvas.style.height = `${STRIP_PX}px`;
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, widthPx, STRIP_PX);
    paintLane(context, list, paint.lanes[lane % paint.lanes.length]!, paint, ratio, matches);
  }
  for (let i = used; i < canvases.length; i++) canvases[i]!.hidden = true;
}

/** A badge bitmap's height (and least width): the 18 px disc, its 2 px outline and antialiasing. */
const SPRITE_PX = 22;
/** Bitmaps kept per paint; a window shows a few hundred distinct counts at most. */
const MAX_SPRITES = 1000;
const sprites = new WeakMap<ClusterPaint, Map<string, HTMLCanvasElement>>();

/**
 * A badge (outlined disc and count) drawn once and then copied: a canvas defers its drawing to
 * the frame's commit, where a few hundred arcs and texts cost ~2.5 ms a frame; copies cost a tenth.
 */
function badgeSprite(paint: ClusterPaint, colour: string, count: string, ratio: number): HTMLCanvasElement {
  let cache = sprites.get(paint);
  if (cache === undefined) sprites.set(paint, (cache = new Map()));
  const key = `${ratio} ${colour} ${count}`;
  let sprite = cache.get(key);
  if (sprite !== undefined) return sprite;
  if (cache.size >= MAX_SPRITES) cache.clear();
  sprite = document.createElement("canvas");
  const context = sprite.getContext("2d");
  if (context !== null) {
    // Wide counts ("1.2k") overhang the disc, as they would drawn directly: the bitmap widens.
    context.font = paint.font;
    const widthPx = Math.max(SPRITE_PX, Math.ceil(context.measureText(count).width) + 2);
    sprite.width = Math.ceil(widthPx * ratio);
    sprite.height = Math.ceil(SPRITE_PX * ratio);
    // Resizing reset the context: everything is set from here on.
    const x = sprite.width / ratio / 2,
      y = sprite.height / ratio / 2;
    context.scale(ratio, ratio);
    context.beginPath();
    context.arc(x, y, 9, 0, 2 * Math.PI);
    // The outline is drawn under the fill: a 1 px ring of paper separates touching badges.
    context.lineWidth = 2;
    context.strokeStyle = paint.paper;
    context.stroke();
    context.fillStyle = colour;
    context.fill();
    context.font = paint.font;
    context.textAlign = "center";
    context.textBaseline = "middle";
    context.fillStyle = paint.paper;
    context.fillText(count, x, y);
  }
  cache.set(key, sprite);
  return sprite;
}

/** One lane's clusters, centred on the strip's middle: extents, then badges with their counts. */
function paintLane(
  context: CanvasRenderingContext2D,
  clusters: readonly ClusterMark[],
  colour: string,
  paint: ClusterPaint,
  ratio: number,
  matches: Uint8Array | undefined,
): void {
  const mid = STRIP_PX / 2;
  const dimmed = (c: ClusterMark) => matches !== undefined && !holdsMatch(c, matches);
  // Searching dims the clusters without a match: drawn in two passes, full and faint.
  for (const faint of matches === undefined ? [false] : [false, true]) {
    const group = matches === undefined ? clusters : clusters.filter((c) => dimmed(c) === faint);
    if (group.length === 0) continue;
    const alpha = faint ? 0.25 : 1;
    context.fillStyle = colour;
    context.globalAlpha = alpha * 0.25;
    context.beginPath();
    for (const c of group) context.roundRect(c.x0, mid - 3, Math.max(0, c.x1 - c.x0), 6, 3);
    context.fill();
    context.globalAlpha = alpha;
    for (const c of group) {
      const sprite = badgeSprite(paint, colour, formatCount(c.count), ratio);
      // Copied to whole device pixels: a copy at a fractional offset would be resampled (blurred).
      const { width, height } = sprite;
      const x = Math.round(clusterCentre(c) * ratio - width / 2) / ratio;
      const y = Math.round(mid * ratio - height / 2) / ratio;
      context.drawImage(sprite, x, y, width / ratio, height / ratio);
    }
  }
  context.globalAlpha = 1;
}

/** Reads the current theme's lane and paper colours (resolved from CSS variables) for the canvas. */
export function clusterPaint(probe: HTMLElement): ClusterPaint {
  const resolve = (value: string) => {
    probe.style.color = value;
    return getComputedStyle(probe).color;
  };
  const lanes = Array.from({ length: 8 }, (_, i) => resolve(laneColour(i)));
  const paper = resolve("var(--paper)");
  probe.style.color = "";
  return { lanes, paper, font: `700 10px ${getComputedStyle(probe).fontFamily}` };
}
