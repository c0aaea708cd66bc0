// Finds and launches a local Chromium for browser tests, screenshots and benchmarks.
// Playwright's own browser download cannot run here, so we drive the system's Chromium.
import { existsSync } from "node:fs";
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
  return chromium.launch({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_FLAGS] });
}

/** The flags every launch here uses (Playwright's, and a plain one with no DevTools session). */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;
