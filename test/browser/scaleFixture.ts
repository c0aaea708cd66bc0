import { generateDataset } from "../../scripts/lib/generate";
/** Where globalSetup builds the site for the browser tests (fixtures/ beside it). */
export const TEST_DIST = "node_modules/.cache/timeline-test-dist";
/** The generated list written beside the test fixtures (globalSetup) for scale.test.ts. */
export const SCALE_FIXTURE = "gen-5000.json";
export const SCALE_OPTIONS = { n: 5000, seed: 1 };

/**
 * A generated list whose lanes are given again after its events, fewer of them (streamedLoad.test.ts):
 * the loader checks the events as they arrive, against the first lanes, then has to start again.
 * The large one is over the size the page checks itself (PAGE_CHECK_LIMIT_BYTES): a worker checks it.
 */
export const LATE_LANES_FIXTURE = "lanes-after-events.json";
export const LARGE_LATE_LANES_FIXTURE = "lanes-after-events-large.json";
export const LATE_LANES_SIZES = { [LATE_LANES_FIXTURE]: 3000, [LARGE_LATE_LANES_FIXTURE]: 12_000 };
export function lateLanesText(name: keyof typeof LATE_LANES_SIZES): string {
  const dataset = generateDataset({ n: LATE_LANES_SIZES[name], seed: 4 });
  const fewer = dataset.lanes.slice(0, 3);
  return `${JSON.stringify(dataset).slice(0, -1)},"lanes":${JSON.stringify(fewer)}}`;
}
