import { describe, expect, it } from "vitest";
import { beginLoad, CANCELLED, cancelLoad, STALLED, watchStream } from "./loadGuard";

/** A body that sends `chunks` and then nothing, ever (a stalled download). */
function stalling(chunks: number): ReadableStream<Uint8Array<ArrayBuffer>> {
  let sent = 0;
  return new ReadableStream({
    pull(out) {
      if (sent++ < chunks) out.enqueue(new Uint8Array([sent]));
      else return new Promise(() => {});
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array<ArrayBuffer>>): Promise<number> {
  const reader = stream.getReader();
  let bytes = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.length;
  return bytes;
}

describe("watchStream", () => {
  it("passes a body through whole", async () => {
    const body = new Blob([new Uint8Array(100_000)]).stream() as ReadableStream<Uint8Array<ArrayBuffer>>;
    await expect(readAll(watchStream(body, new AbortController().signal, 1000))).resolves.toBe(100_000);
  });

  it("ends a download that stalls with a message, after the bytes that did arrive", async () => {
    const started = Date.now();
    await expect(readAll(watchStream(stalling(3), new AbortController().signal, 50))).rejects.toThrow(
      STALLED,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("ends a download the reader cancels", async () => {
    const controller = new AbortController();
    const reading = readAll(watchStream(stalling(1), controller.signal, 60_000));
    setTimeout(() => controller.abort(new Error(CANCELLED)), 20);
    await expect(reading).rejects.toThrow(CANCELLED);
  });
});

describe("load tickets", () => {
  it("the load begun last is the only current one; a cancelled load is not current", () => {
    const first = beginLoad();
    expect(first.current).toBe(true);
    const second = beginLoad();
    expect(first.current).toBe(false);
    expect(second.current).toBe(true);
    cancelLoad();
    expect(second.current).toBe(false);
    expect(beginLoad().current).toBe(true);
  });
});
