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

/** The paint each canvas's context was last set up with. */
const applied = new WeakMap<CanvasRenderingContext2D, ClusterPaint>();

/** A badge is 18 px across with a 2 px outline; its lane's strip is this tall. */
const STRIP_PX = 24;

/**
 * Draws clusters (extent bar, badge, count) on canvases laid over the plot, one strip per lane along
 * its overflow row, where every cluster of the lane sits. At 10,000 events a window shows ~150
 * clusters; as SVG their ~600 elements took half of every zoom or pan frame in style, layout and
 * paint. Strips rather than one canvas over the plot: a software-composited canvas is copied whole
 * each frame, and the strips are a tenth of the area. Clusters are not focusable and are hit-tested
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
      // Resizing resets the context's state, so the paint is applied again below.
      canvas.width = width;
      canvas.height = height;
      canvas.style.width = `${widthPx}px`;
      canvas.style.height = `${STRIP_PX}px`;
      applied.delete(context);
    }
    // Font, alignment and outline are set once per canvas and theme: parsing a font string on
    // every frame was a noticeable part of the painting.
    if (applied.get(context) !== paint) {
      applied.set(context, paint);
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.font = paint.font;
      context.textAlign = "center";
      context.textBaseline = "middle";
      context.lineWidth = 2;
      context.strokeStyle = paint.paper;
    }
    context.clearRect(0, 0, widthPx, STRIP_PX);
    paintLane(context, list, paint.lanes[lane % paint.lanes.length]!, paint, matches);
  }
  for (let i = used; i < canvases.length; i++) canvases[i]!.hidden = true;
}

/** One lane's clusters, centred on the strip's middle: extents, then badges, then counts. */
function paintLane(
  context: CanvasRenderingContext2D,
  clusters: readonly ClusterMark[],
  colour: string,
  paint: ClusterPaint,
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
    // Outlines first, so a badge's fill covers its neighbours' outlines where they touch.
    context.beginPath();
    for (const c of group) {
      context.moveTo(clusterCentre(c) + 9, mid);
      context.arc(clusterCentre(c), mid, 9, 0, 2 * Math.PI);
    }
    context.stroke();
    context.fill();
    context.fillStyle = paint.paper;
    for (const c of group) context.fillText(formatCount(c.count), clusterCentre(c), mid);
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
