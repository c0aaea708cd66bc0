// A file is checked while it downloads (streamDataset); when it turns out it cannot be followed,
// it is loaded again, whole, and the page must show that result only.
import { afterAll, describe, expect, test } from "vitest";
import { validateDataset } from "../../src/data/validateDataset";
import { closeBrowser, openTimeline } from "./harness";
import { LATE_LANES_FIXTURE, lateLanesText } from "./scaleFixture";

afterAll(closeBrowser);

describe("a file checked while it downloads", () => {
  test("is shown as checking it whole shows it, even when it had to be started again", async () => {
    const expected = validateDataset(JSON.parse(lateLanesText()), { file: LATE_LANES_FIXTURE });
    // The later lanes count (as in JSON.parse): events in the other lanes are left out.
    expect(expected.dataset.events.length).toBeGreaterThan(500);
    expect(expected.dataset.events.length).toBeLessThan(2500);
    const { page, errors } = await openTimeline(`?data=fixtures/${LATE_LANES_FIXTURE}`);
    // Before it had to start again, the worker had sent the page every event, checked against the
    // first lanes; those must be gone.
    const shown = await page.evaluate(() => document.getElementById("meta")?.textContent ?? "");
    expect(shown).toMatch(new RegExp(`^${expected.dataset.events.length} events `));
    const errorCount = expected.issues.filter((issue) => issue.severity === "error").length;
    await expect(page.getByRole("alert").textContent()).resolves.toContain(`has ${errorCount} errors`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
