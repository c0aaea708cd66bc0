// Builds the site and serves it with `vite preview` on 127.0.0.1, for tests, screenshots and benchmarks.
import { build, preview, type PreviewServer } from "vite";

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/** Builds into `outDir` (default dist/) and serves it on a free loopback port under `basePath`. */
export async function buildAndServe(options: { outDir?: string; basePath?: string } = {}): Promise<Served> {
  const outDir = options.outDir ?? "dist";
  await build({ logLevel: "warn", build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({
    logLevel: "warn",
    build: { outDir },
    preview: { host: "127.0.0.1", port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === "string") throw new Error("preview server has no port");
  return {
    url: `http://127.0.0.1:${address.port}${options.basePath ?? "/"}`,
    close: () => server.close(),
  };
}
