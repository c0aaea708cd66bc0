import { readFileSync } from "node:fs";
import { join, normalize } from "node:path";
import type { Plugin } from "vite";

/** Files of the test site served slowly: `/__slow/fixtures/x.json` is `fixtures/x.json`, a piece at a time. */
export const SLOW_PREFIX = "/__slow/";
/** A request here lets every held download go on (see slowServe). */
export const RELEASE_PATH = "/__slow-release";
const PIECE_BYTES = 64 * 1024;
/** How much of a file is sent before the download is held. */
const HOLD_AT = 0.4;

/**
 * Serves the files of `dir` under SLOW_PREFIX at `bytesPerSecond`, uncompressed with their length
 * declared, and holds each download once HOLD_AT of it is sent, until RELEASE_PATH is requested
 * (which also lets downloads that have not got that far go on without stopping):
 * a test checks the loading view while the file is certainly still loading, however slow the
 * machine, then lets it finish.
 */
export function slowServe(dir: string, bytesPerSecond: number): Plugin {
  /** The downloads under way: each can be let go on (or told not to stop). */
  const active = new Set<() => void>();
  return {
    name: "slow-serve",
    configurePreviewServer(server) {
      server.middlewares.use(RELEASE_PATH, (_request, response) => {
        for (const release of active) release();
        response.end();
      });
      server.middlewares.use(SLOW_PREFIX, (request, response) => {
        const path = normalize(decodeURIComponent((request.url ?? "/").split("?")[0]!)).replace(
          /^(\.\.[/\\])+/,
          "",
        );
        let body: Buffer;
        try {
          body = readFileSync(join(dir, path));
        } catch {
          response.statusCode = 404;
          return response.end();
        }
        response.writeHead(200, { "content-type": "application/json", "content-length": body.length });
        const holdAt = Math.floor(body.length * HOLD_AT);
        let at = 0;
        // Released before it got to HOLD_AT (a test quick to finish), it does not stop there.
        let holding = true;
        let paused = false;
        const release = () => {
          holding = false;
          if (paused) {
            paused = false;
            send();
          }
        };
        active.add(release);
        const send = () => {
          if (response.destroyed || at >= body.length) {
            active.delete(release);
            return void (response.destroyed || response.end());
          }
          if (holding && at >= holdAt) return void (paused = true);
          response.write(body.subarray(at, (at += PIECE_BYTES)));
          setTimeout(send, (PIECE_BYTES / bytesPerSecond) * 1000);
        };
        send();
      });
    },
  };
}
