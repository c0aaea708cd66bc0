// Finds and launches a local Chromium for browser tests, screenshots and benchmarks.
// Playwright's own browser download cannot run here, so we drive the system's Chromium.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser } from "playwright-core";

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

/** The browser executable: $CHROME_PATH, else the first common install location that exists. */
export function findChromium(): string {
  const configured = process.env["CHROME_PATH"];
  if (configured !== undefined && configured !== "") {
    if (!existsSync(configured))
      throw new Error(`CHROME_PATH is set to ${configured}, but no file is there.`);
    return configured;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found === undefined) {
    throw new Error(
      `No Chromium found (looked in ${CANDIDATES.join(", ")}). Install one (Debian: apt-get install -y chromium) or set CHROME_PATH to its executable.`,
    );
  }
  return found;
}

/**
 * Launches headless Chromium with flags that work in a sandboxed machine with no outside network.
 * Playwright gives every launch a fresh temporary profile (user data dir).
 */
export function launchChromium(): Promise<Browser> {
  // Read once a process: the bundle is 3.6 MB, and the tests and benches launch many browsers.
  disabledSwitch ??= `--disable-features=${[...playwrightDisabledFeatures(), ...DISABLED_FEATURES].join(",")}`;
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...CHROMIUM_FLAGS, disabledSwitch],
  });
}
let disabledSwitch: string | undefined;

/**
 * Chromium features these runs turn off. Chromium 156 preloads its omnibox popup, a WebUI page, in
 * a renderer of its own ("WebUI Top Renderer") even when headless: 0.7–1.2 s of CPU in the seconds
 * after launch (measured with `ps` and in a trace), as much as the page under test took to load
 * 10,000 events, on the other of this machine's two cores. Timings taken then measured the browser.
 */
export const DISABLED_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"] as const;

/**
 * The features Playwright turns off at launch (its chromiumSwitches.ts, e.g. PaintHolding), read
 * from its bundle: Chromium keeps only the last --disable-features switch, so ours, given after
 * Playwright's, must name them too or they would come back on.
 */
export function playwrightDisabledFeatures(
  bundle = readFileSync(createRequire(import.meta.url).resolve("playwright-core/lib/coreBundle"), "utf8"),
): string[] {
  const list = /\bdisabledFeatures = \[([^\]]*)\]/.exec(bundle)?.[1];
  const names = [...(list ?? "").matchAll(/"([A-Za-z0-9]+)"/g)].map((match) => match[1]!);
  if (names.length === 0)
    throw new Error(
      "playwright-core no longer lists its disabled Chromium features where scripts/lib/chromium.ts reads them (disabledFeatures in lib/coreBundle.js): update playwrightDisabledFeatures.",
    );
  return names;
}

/**
 * The flags every launch here uses (Playwright's, and a plain one with no DevTools session, which
 * adds `--disable-features` with DISABLED_FEATURES itself).
 */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;
