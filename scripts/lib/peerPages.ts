// The pages `npm run bench:peers` opens for each peer: a page per library, which fetches the same
// generated file our timeline is given (`?data=`), converts it to the library's own format in the
// page (that is part of what a user of the library pays), hands it over, and notes when the first
// frame with the library's items has been painted. The libraries' files are copied from
// node_modules (exact-pinned devDependencies), so the pages need no network.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** A package's folder in node_modules (some packages' exports do not give their package.json to resolve). */
const packageDir = (name: string) => fileURLToPath(new URL(`../../node_modules/${name}`, import.meta.url));

/**
 * Runs before any page script, in our page and the peers' alike. `__benchWhenDrawn(present)` checks
 * `present()` at the start of every frame; the first frame that finds the items paints them, and a
 * message posted from it runs once that frame is painted: its time, from navigation start
 * (performance.now()), is the result. Ours is the frame after its `timeline:first-render` mark, the
 * same rule (our clusters are drawn on canvas, so there may be no DOM item to look for).
 */
export const PEER_INIT_SCRIPT = `(() => {
  const painted = () => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { if (window.__benchDrawn === undefined) window.__benchDrawn = performance.now(); };
    channel.port2.postMessage(0);
  };
  window.__benchWhenDrawn = (present) => {
    const tick = () => (present() ? painted() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  };
  const mark = performance.mark.bind(performance);
  performance.mark = function (name, options) {
    const entry = mark(name, options);
    if (name === "timeline:first-render") requestAnimationFrame(painted);
    return entry;
  };
  addEventListener("error", (event) => { window.__benchError = String(event.message); });
  addEventListener("unhandledrejection", (event) => { window.__benchError = String(event.reason); });
})()`;

/** In-page helpers shared by the peers' pages: the file, and an event's start and end in ms (UTC). */
const COMMON = `
const dataUrl = new URLSearchParams(location.search).get("data");
const loadDataset = () => fetch(dataUrl).then((response) => response.json());
/** EDTF as the generator writes it (YYYY, YYYY-MM, YYYY-MM-DD, with a time and zone, ~ ? %). */
function edtfMs(text) {
  const s = String(text).replace(/[~?%]/g, "");
  if (s.includes("T")) return Date.parse(s);
  return Date.UTC(Number(s.slice(0, 4)), s.length >= 7 ? Number(s.slice(5, 7)) - 1 : 0, s.length >= 10 ? Number(s.slice(8, 10)) : 1);
}
const DAY = 86400000;
const endMs = (event) => (event.end ? edtfMs(event.end) + DAY : edtfMs(event.start) + DAY);
const fail = (error) => { window.__benchError = String(error && error.stack || error); };
`;

export interface Peer {
  /** The name in the table. */
  readonly name: string;
  /** The page, relative to the served folder. */
  readonly page: string;
}

interface PeerPage extends Peer {
  readonly head: string;
  readonly body: string;
  readonly script: string;
}

const PAGES: readonly PeerPage[] = [
  {
    name: "vis-timeline",
    page: "peers/vis-timeline.html",
    head: `<link rel="stylesheet" href="lib/vis-timeline/vis-timeline-graph2d.min.css">
<script src="lib/moment/moment.min.js"></script>
<script src="lib/vis-data/vis-data.min.js"></script>
<script src="lib/vis-timeline/vis-timeline-graph2d.min.js"></script>`,
    body: `<div id="chart"></div>`,
    // vis-timeline (peer build) with vis-data's DataSet: one item per event, a group per lane.
    script: `
__benchWhenDrawn(() => document.querySelector(".vis-item") !== null);
loadDataset().then((data) => {
  const groups = new vis.DataSet(data.lanes.map((lane) => ({ id: lane.id, content: lane.label })));
  const items = new vis.DataSet(data.events.map((event, i) => ({
    id: i, content: event.title, group: event.lane, start: new Date(edtfMs(event.start)),
    ...(event.end ? { end: new Date(endMs(event)), type: "range" } : {}),
  })));
  new vis.Timeline(document.getElementById("chart"), items, groups, { height: "760px" });
}).catch(fail);`,
  },
  {
    name: "TimelineJS",
    page: "peers/timelinejs.html",
    head: `<link rel="stylesheet" href="lib/timelinejs/css/timeline.css">
<script src="lib/timelinejs/js/timeline.js"></script>`,
    body: `<div id="timeline-embed" style="width: 1280px; height: 800px"></div>`,
    // TimelineJS 3: a slide and a marker per event, the lane as its group.
    script: `
__benchWhenDrawn(() => document.querySelector(".tl-timemarker") !== null);
const parts = (ms) => { const d = new Date(ms); return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }; };
loadDataset().then((data) => {
  const label = new Map(data.lanes.map((lane) => [lane.id, lane.label]));
  const events = data.events.map((event) => ({
    start_date: parts(edtfMs(event.start)),
    ...(event.end ? { end_date: parts(edtfMs(event.end)) } : {}),
    text: { headline: event.title, text: event.summary || "" },
    group: label.get(event.lane) || event.lane,
  }));
  new TL.Timeline("timeline-embed", { title: { text: { headline: data.title } }, events });
}).catch(fail);`,
  },
  {
    name: "timelines-chart",
    page: "peers/timelines-chart.html",
    head: `<script src="lib/timelines-chart/timelines-chart.min.js"></script>`,
    body: `<div id="chart"></div>`,
    // timelines-chart: a group per lane, a line per date precision, a segment per event coloured by
    // its date basis (points get a day, as it draws only ranges).
    script: `
__benchWhenDrawn(() => document.querySelector(".series-segment") !== null);
loadDataset().then((data) => {
  const groups = new Map();
  for (const event of data.events) {
    const lines = groups.get(event.lane) || new Map();
    groups.set(event.lane, lines);
    const line = lines.get(event.precision) || [];
    lines.set(event.precision, line);
    line.push({ timeRange: [new Date(edtfMs(event.start)), new Date(endMs(event))], val: event.dateBasis });
  }
  const chartData = [...groups].map(([group, lines]) => ({
    group, data: [...lines].map(([label, data]) => ({ label, data })),
  }));
  new TimelinesChart(document.getElementById("chart")).width(1280).maxHeight(760).zQualitative(true).data(chartData);
}).catch(fail);`,
  },
];

export const PEERS: readonly Peer[] = PAGES.map(({ name, page }) => ({ name, page }));

/** Writes the peers' pages and copies their libraries into `root` (the folder that is served). */
export function writePeerPages(root: string): void {
  const lib = join(root, "peers/lib");
  mkdirSync(lib, { recursive: true });
  const copy = (from: string, to: string) => cpSync(from, join(lib, to), { recursive: true });
  copy(join(packageDir("moment"), "min/moment.min.js"), "moment/moment.min.js");
  copy(join(packageDir("vis-data"), "peer/umd/vis-data.min.js"), "vis-data/vis-data.min.js");
  const vis = packageDir("vis-timeline");
  copy(join(vis, "peer/umd/vis-timeline-graph2d.min.js"), "vis-timeline/vis-timeline-graph2d.min.js");
  copy(join(vis, "styles/vis-timeline-graph2d.min.css"), "vis-timeline/vis-timeline-graph2d.min.css");
  copy(join(packageDir("@knight-lab/timelinejs"), "dist"), "timelinejs");
  copy(
    join(packageDir("timelines-chart"), "dist/timelines-chart.min.js"),
    "timelines-chart/timelines-chart.min.js",
  );
  for (const peer of PAGES) {
    const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${peer.name}: bench page</title>
<style>body { margin: 0; font: 14px system-ui, sans-serif; }</style>
${peer.head}
</head>
<body>
${peer.body}
<script>${COMMON}${peer.script}</script>
</body>
</html>
`;
    writeFileSync(join(root, peer.page), html);
  }
}
