/** The generated list written beside the test fixtures (globalSetup) for scale.test.ts. */
export const SCALE_FIXTURE = "gen-5000.json";
export const SCALE_OPTIONS = { n: 5000, seed: 1 };
