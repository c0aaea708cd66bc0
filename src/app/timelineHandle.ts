import type { Dataset } from "../data/types";
import { describeRange } from "../model/describeRange";
import { NOT_INDEXED, type EventIndex } from "../model/eventIndex";
import { clusterCentre, holdsMatch, listsAllMembers } from "../model/layoutMarks";
import type { Domain } from "../model/timeDomain";
import { AXIS_HEIGHT_PX, type ChartDom } from "../render/chartDom";
import type { renderClusters } from "../render/svgClusters";
import type { TimelineCommands } from "./commands";
import type { FrameStep } from "./frameStep";
import type { ViewStore } from "./viewStore";

interface HandleContext {
  readonly dom: ChartDom;
  readonly dataset: Dataset;
  readonly store: ViewStore;
  readonly step: FrameStep;
  readonly commands: TimelineCommands;
  index(): EventIndex;
  /** The details card as a layer Escape closes (see escapeLayers): which kind is shown, if any. */
  readonly details: {
    readonly layer: "card" | "glance" | undefined;
    openedAt(): number;
    close(): void;
  };
  /** Rebuilds the index with only the events with a 1 in `include` (all when undefined). */
  setIndex(include: Uint8Array | undefined): void;
}

/** What the page (address, list, export, source reader), tests and the benchmark may ask of a timeline. */
export function timelineHandle(ctx: HandleContext) {
  const { dom, dataset, store, step, commands, index, setIndex, details } = ctx;
  const { events } = dataset;
  let filter: Uint8Array | undefined;
  return {
    /** The visible window, in UTC ms. */
    get domain(): Domain {
      return store.state.domain;
    },
    show: commands.show,
    /** Shows only the events with a 1 in `include` (by dataset index); undefined shows all. */
    setFilter(include: Uint8Array | undefined): void {
      // Applying a link or clearing an empty search re-sends "no filter": rebuilding the index for
      // nothing costs ~100 ms at 100,000 events.
      if (include === undefined && filter === undefined) return;
      filter = include;
      setIndex(include);
    },
    /** Emphasises the events with a 1 in `matches` and dims the rest; undefined clears it. */
    setMatches(matches: Uint8Array | undefined): void {
      store.dispatch({ type: "matches", matches });
    },
    /**
     * Runs `use` on the whole chart as one SVG (axis strip above the lanes) with its clusters drawn as
     * SVG too (on screen they are painted on a canvas), e.g. to export it; all is put back before
     * anything is painted. `drawClusters` comes with the export's code (render/exportImage), which
     * the page loads when it is first needed.
     */
    withSvgClusters<T>(drawClusters: typeof renderClusters, use: (chart: SVGSVGElement) => T): T {
      drawClusters(dom.clusters, step.layout?.clusters ?? [], events, store.state.matches);
      const whole = wholeChart(dom);
      try {
        return use(whole.svg);
      } finally {
        whole.restore();
        drawClusters(dom.clusters, [], events);
      }
    },
    /**
     * The clusters drawn: count, member ids (when all are carried, see ClusterMark), centre in the
     * chart's coordinates, and whether they hold a search match. For tests and the benchmark.
     */
    get clusters() {
      const { matches } = store.state;
      return (step.layout?.clusters ?? []).map((c) => ({
        count: c.count,
        ids: listsAllMembers(c) ? c.events.map((e) => events[e]!.id) : undefined,
        first: events[c.events[0]!]!.id,
        last: events[c.last]!.id,
        x: clusterCentre(c) + step.shiftPx,
        y: c.y,
        match: matches === undefined ? undefined : holdsMatch(c, matches),
      }));
    },
    /** The layout drawn now (marks, clusters, rows), for export and print. */
    get layout() {
      return step.layout;
    },
    /** The chart's SVG (the lanes and their marks) and its control bar. */
    chart: dom.svg,
    controls: dom.controls,
    /** Dataset indices of the events drawn in the window (alone or in clusters), in time order. */
    get shown(): number[] {
      const layout = step.layout;
      if (layout === undefined) return [];
      const shown = [...layout.marks.map((m) => m.event), ...layout.clusters.flatMap((c) => c.events)];
      const { rank } = index();
      return shown.sort((a, b) => rank[a]! - rank[b]!);
    },
    /** The window in words, as the readout shows it. */
    get rangeText(): string {
      return describeRange(index(), store.state.domain).text;
    },
    /** Id of the event whose details are pinned, if any. */
    get selected(): string | undefined {
      const { pinned } = store.state;
      return pinned?.type === "event" ? events[pinned.event]!.id : undefined;
    },
    /** The details card as a layer: "card" when pinned, "glance" on hover or focus, else undefined. */
    details,
    /** Unpins the details. */
    deselect(): void {
      store.dispatch({ type: "pin", target: undefined });
    },
    /** Brings an event into view, focuses it and pins its details. */
    select(eventId: string): void {
      const e = events.findIndex((ev) => ev.id === eventId);
      if (e < 0 || index().rank[e] === NOT_INDEXED) return;
      store.dispatch({ type: "pin", target: { type: "event", event: e } });
      commands.focusEvent(e);
    },
  };
}

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * The axis strip and the lanes moved into one SVG, in the document so their computed styles (which
 * an export inlines) still apply. Outside the scroll box the lanes' own SVG headings show (on screen
 * the sticky HTML ones stand in for them: see the stylesheet).
 */
function wholeChart(dom: ChartDom): { svg: SVGSVGElement; restore(): void } {
  const { axisSvg, svg } = dom;
  const width = svg.width.baseVal.value;
  const height = AXIS_HEIGHT_PX + svg.height.baseVal.value;
  const whole = document.createElementNS(SVG_NS, "svg");
  whole.setAttribute("class", "chart-whole");
  whole.setAttribute("width", String(width));
  whole.setAttribute("height", String(height));
  whole.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const next = svg.nextSibling;
  svg.setAttribute("y", String(AXIS_HEIGHT_PX));
  whole.append(axisSvg, svg);
  dom.viewport.append(whole);
  return {
    svg: whole,
    restore() {
      svg.removeAttribute("y");
      dom.viewport.insertBefore(axisSvg, next);
      dom.viewport.insertBefore(svg, next);
      whole.remove();
    },
  };
}
