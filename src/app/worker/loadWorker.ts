/// <reference lib="webworker" />
// The loading worker's entry (its own chunk, see loadSource): parses and validates large datasets off
// the main thread, so a 100,000-event file never freezes the page. What it does is workerSide's.
import { workerSide } from "./handoff";

declare const self: DedicatedWorkerGlobalScope;

const receive = workerSide((message, transfer) => {
  self.postMessage(message, transfer);
  // Its work is done: closed, its heap (~200 MB for 540,000 problems) is dropped without another
  // collection competing with the page for the CPU while the page draws. (The message is delivered.)
  if (message.type === "result") self.close();
});
self.onmessage = ({ data }: MessageEvent) => receive(data as Parameters<typeof receive>[0]);
