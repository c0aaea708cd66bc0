import { readFileSync } from "node:fs";
import { join, normalize } from "node:path";
import type { Plugin } from "vite";

/** Files of the test site served slowly: `/__slow/fixtures/x.json` is `fixtures/x.json`, a piece at a time. */
export const SLOW_PREFIX = "/__slow/";
const PIECE_BYTES = 64 * 1024;

/**
 * Serves the files of `dir` under SLOW_PREFIX at `bytesPerSecond`, uncompressed with their length
 * declared, so a download takes seconds (the loading view is tested while it lasts: a preview
 * server sends a local file in one go).
 */
export function slowServe(dir: string, bytesPerSecond: number): Plugin {
  return {
    name: "slow-serve",
    configurePreviewServer(server) {
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
        let at = 0;
        const send = () => {
          if (response.destroyed) return;
          if (at >= body.length) return void response.end();
          response.write(body.subarray(at, (at += PIECE_BYTES)));
          setTimeout(send, (PIECE_BYTES / bytesPerSecond) * 1000);
        };
        send();
      });
    },
  };
}
