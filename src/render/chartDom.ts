import { select, type Selection } from "d3-selection";
import { el } from "./dom";

export const AXIS_HEIGHT_PX = 62;
const SVG_NS = "http://www.w3.org/2000/svg";

type G = Selection<SVGGElement, unknown, null, undefined>;

/** The static skeleton of the chart; renders only update what is inside it. */
export interface ChartDom {
  readonly controls: HTMLElement;
  readonly readout: HTMLElement;
  readonly earlier: HTMLButtonElement;
  readonly later: HTMLButtonElement;
  readonly zoomIn: HTMLButtonElement;
  readonly zoomOut: HTMLButtonElement;
  readonly fit: HTMLButtonElement;
  /** The plot's scroll box: the chart scrolls vertically inside it when its lanes need more room. */
  readonly viewport: HTMLElement;
  /** The time axis and publication marks: a strip of its own that stays at the top while lanes scroll. */
  readonly axisSvg: SVGSVGElement;
  /** The lanes and their marks, below the axis strip (y = 0 is the top of the first lane). */
  readonly svg: SVGSVGElement;
  readonly axis: G;
  readonly context: Selection<SVGTextElement, unknown, null, undefined>;
  readonly lanes: G;
  /** Lane headings for export and print (on screen, `stickyHeadings` show them). */
  readonly laneHeadings: G;
  /** Lane headings on screen, in HTML so each stays in view while its lane scrolls (CSS sticky). */
  readonly stickyHeadings: HTMLElement;
  readonly grid: G;
  /** Publication marks of the source articles, above the ticks, and their lines through the lanes. */
  readonly publications: G;
  readonly publicationLines: G;
  readonly clusters: G;
  /** Clusters are painted here, over the plot (see paintClusters); `clusters` is for export only. */
  readonly clusterLayer: HTMLElement;
  readonly marks: G;
  readonly clipRect: Selection<SVGRectElement, unknown, null, undefined>;
  readonly tooltip: HTMLElement;
  readonly live: HTMLElement;
  /** Moves everything placed in time (ticks, grid, publications, marks, clusters) right by `dx` px. */
  slide(dx: number): void;
}

function button(text: string, label: string, className: string): HTMLButtonElement {
  const b = el("button", className, text);
  b.type = "button";
  b.setAttribute("aria-label", label);
  b.title = label;
  return b;
}

/** The bar above the plot: the window in words, the buttons to what lies beyond it, and zoom. */
function controlBar() {
  const earlier = button("", "Show earlier events", "edge edge-earlier");
  const later = button("", "Show later events", "edge edge-later");
  // Named by their visible words ("3 earlier"), which the aria-label would otherwise hide.
  earlier.removeAttribute("aria-label");
  later.removeAttribute("aria-label");
  const zoomIn = button("+", "Zoom in (+)", "zoom-button");
  const zoomOut = button("\u2212", "Zoom out (\u2212)", "zoom-button");
  const fit = button("Fit all", "Fit all events (0)", "zoom-button fit");
  const readout = el("p", "readout");
  const zoomGroup = el("div", "zoom-buttons");
  zoomGroup.setAttribute("role", "group");
  zoomGroup.setAttribute("aria-label", "Zoom");
  zoomGroup.append(zoomOut, zoomIn, fit);
  const controls = el("div", "controls");
  controls.append(earlier, readout, later, zoomGroup);
  return { controls, readout, earlier, later, zoomIn, zoomOut, fit };
}

/** The strip above the lanes: the time axis, its context line and the articles' publication marks. */
function axisStrip() {
  const axisNode = document.createElementNS(SVG_NS, "svg");
  const axisSvg = select(axisNode).attr("class", "chart-axis").attr("height", AXIS_HEIGHT_PX);
  const context = axisSvg.append("text").attr("class", "axis-context").attr("x", 8).attr("y", 14);
  const axis = axisSvg.append("g").attr("class", "axis");
  const publications = axisSvg
    .append("g")
    .attr("class", "publications")
    .attr("role", "group")
    .attr("aria-label", "When the source articles were published");
  return { axisNode, context, axis, publications };
}

/** Builds the chart skeleton inside `container`. */
export function createChartDom(container: HTMLElement, name: string, description: string): ChartDom {
  const bar = controlBar();
  const viewport = el("div", "viewport");
  viewport.style.setProperty("--axis-height", `${AXIS_HEIGHT_PX}px`);
  const { axisNode, context, axis, publications } = axisStrip();
  const svgNode = document.createElementNS(SVG_NS, "svg");
  const svg = select(svgNode)
    .attr("class", "chart")
    .attr("role", "group")
    .attr("aria-roledescription", "timeline")
    .attr("aria-label", name);
  if (description !== "") svg.attr("aria-description", description);
  const clipId = `plot-clip-${Math.random().toString(36).slice(2)}`;
  const clipRect = svg.append("defs").append("clipPath").attr("id", clipId).append("rect");
  const body = svg.append("g").attr("class", "body");
  const lanes = body.append("g").attr("class", "lanes");
  const grid = body.append("g").attr("class", "grid").attr("aria-hidden", "true");
  const publicationLines = body.append("g").attr("class", "publication-lines").attr("aria-hidden", "true");
  // Lane headings over the grid and publication lines, so no line runs through their words.
  const laneHeadings = body.append("g").attr("class", "lane-headings").attr("aria-hidden", "true");
  const plot = body.append("g").attr("class", "plot").attr("clip-path", `url(#${clipId})`);
  const clusters = plot.append("g").attr("class", "clusters");
  const marks = plot
    .append("g")
    .attr("class", "marks")
    .attr("role", "group")
    .attr("aria-label", "Events in view");
  lanes.attr("aria-hidden", "true");
  const stickyHeadings = el("div", "sticky-headings");
  stickyHeadings.setAttribute("aria-hidden", "true");
  stickyHeadings.style.top = `${AXIS_HEIGHT_PX}px`;

  const tooltip = el("div", "tooltip");
  tooltip.id = "timeline-tooltip";
  tooltip.setAttribute("role", "tooltip");
  tooltip.hidden = true;
  const live = el("div", "visually-hidden");
  live.setAttribute("aria-live", "polite");
  const clusterLayer = el("div", "cluster-layer");
  clusterLayer.setAttribute("aria-hidden", "true");
  clusterLayer.style.top = `${AXIS_HEIGHT_PX}px`;
  viewport.append(axisNode, svgNode, stickyHeadings, clusterLayer, tooltip);
  container.replaceChildren(bar.controls, viewport, live);
  // Each with the height it sits at.
  const sliding = [
    [axis, AXIS_HEIGHT_PX - 1],
    [publications, 30],
    [grid, 0],
    [publicationLines, 0],
    [clusters, 0],
    [marks, 0],
  ] as const;
  const slide = (dx: number) => {
    for (const [g, y] of sliding) g.attr("transform", `translate(${dx},${y})`);
    clusterLayer.style.transform = `translate(${dx}px)`;
  };
  slide(0);
  return {
    slide,
    ...bar,
    viewport,
    axisSvg: axisNode,
    svg: svgNode,
    axis,
    context,
    lanes,
    laneHeadings,
    stickyHeadings,
    grid,
    publications,
    publicationLines,
    clusters,
    clusterLayer,
    marks,
    clipRect,
    tooltip,
    live,
  };
}
