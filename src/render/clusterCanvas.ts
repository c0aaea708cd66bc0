import { clusterCentre, holdsMatch, type ClusterMark } from "../model/layoutMarks";
import { badgeAtlas, type Badge, type BadgeAtlas, type BadgeInk } from "./badgeAtlas";
import { formatCount } from "./marks";
import { laneColour } from "./palette";

/**
 * Resolved colours for drawing clusters on a canvas (which cannot read CSS variables), at the
 * device pixel ratio they were resolved for, with the badges drawn in them.
 */
export interface ClusterPaint extends BadgeInk {
  /** By lane colour index (see palette). */
  readonly lanes: readonly string[];
  readonly ratio: number;
  readonly atlas: BadgeAtlas;
}

/**
 * Draws clusters (extent bar, badge, count) on a canvas laid over the plot. At 10,000 events a
 * window shows ~150 clusters; as SVG their ~600 elements took half of every zoom or pan frame in
 * style, layout and paint. Badges are copied from an atlas (see badgeAtlas). Clusters are not
 * focusable and are hit-tested from the layout, so nothing is lost to assistive technology; the SVG
 * export draws them as SVG.
 */
export function paintClusters(
  canvas: HTMLCanvasElement,
  clusters: readonly ClusterMark[],
  widthPx: number,
  heightPx: number,
  paint: ClusterPaint,
  matches?: Uint8Array,
): void {
  const { ratio, atlas } = paint;
  const width = Math.round(widthPx * ratio),
    height = Math.round(heightPx * ratio);
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
    canvas.style.width = `${widthPx}px`;
    canvas.style.height = `${heightPx}px`;
  }
  const context = canvas.getContext("2d");
  if (context === null) return;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, widthPx, heightPx);
  const colourOf = (c: ClusterMark) => paint.lanes[c.lane % paint.lanes.length]!;
  // Searching dims the clusters without a match.
  const alphas = clusters.map((c) => (matches === undefined || holdsMatch(c, matches) ? 1 : 0.25));
  // Extents under the badges: one path for each run of clusters with the same colour and alpha.
  clusters.forEach((c, i) => {
    const previous = clusters[i - 1];
    if (previous === undefined || previous.lane !== c.lane || alphas[i - 1] !== alphas[i]) {
      context.fill();
      context.beginPath();
      context.fillStyle = colourOf(c);
      context.globalAlpha = alphas[i]! * 0.25;
    }
    context.roundRect(c.x0, c.y - 3, Math.max(0, c.x1 - c.x0), 6, 3);
  });
  context.fill();
  // Every badge's cell first, then the copies (see badgeAtlas).
  const badges = clusters.map((c): Badge => [colourOf(c), formatCount(c.count)]);
  const cells = atlas.cells(badges);
  clusters.forEach((c, i) => {
    context.globalAlpha = alphas[i]!;
    atlas.draw(context, cells[i]!, badges[i]!, clusterCentre(c), c.y);
  });
  context.globalAlpha = 1;
}

/**
 * Reads the current theme's lane and paper colours (resolved from CSS variables) for the canvas, at
 * the current pixel ratio; the timeline reads them again when either changes.
 */
export function clusterPaint(probe: HTMLElement): ClusterPaint {
  const resolve = (value: string) => {
    probe.style.color = value;
    return getComputedStyle(probe).color;
  };
  const lanes = Array.from({ length: 8 }, (_, i) => resolve(laneColour(i)));
  const paper = resolve("var(--paper)");
  probe.style.color = "";
  const ink = { paper, font: `700 10px ${getComputedStyle(probe).fontFamily}` };
  const ratio = window.devicePixelRatio || 1;
  return { ...ink, lanes, ratio, atlas: badgeAtlas(ink, ratio) };
}
