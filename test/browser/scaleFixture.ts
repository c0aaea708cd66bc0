import { generateDataset } from "../../scripts/lib/generate";
/** Where globalSetup builds the site for the browser tests (fixtures/ beside it). */
export const TEST_DIST = "node_modules/.cache/timeline-test-dist";
/** The generated list written beside the test fixtures (globalSetup) for scale.test.ts. */
export const SCALE_FIXTURE = "gen-5000.json";
export const SCALE_OPTIONS = { n: 5000, seed: 1 };

/**
 * A generated list whose lanes are given again after its events, fewer of them (streamedLoad.test.ts):
 * the loader checks the events as they arrive, against the first lanes, then has to start again.
 */
export const LATE_LANES_FIXTURE = "lanes-after-events.json";
export function lateLanesText(): string {
  const dataset = generateDataset({ n: 3000, seed: 4 });
  const fewer = dataset.lanes.slice(0, 3);
  return `${JSON.stringify(dataset).slice(0, -1)},"lanes":${JSON.stringify(fewer)}}`;
}
