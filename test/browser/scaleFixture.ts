/** Where globalSetup builds the site for the browser tests (fixtures/ beside it). */
export const TEST_DIST = "node_modules/.cache/timeline-test-dist";
/** The generated list written beside the test fixtures (globalSetup) for scale.test.ts. */
export const SCALE_FIXTURE = "gen-5000.json";
export const SCALE_OPTIONS = { n: 5000, seed: 1 };
