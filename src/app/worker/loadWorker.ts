/// <reference lib="webworker" />
// The loading worker's entry (its own chunk, see loadSource): parses and validates large datasets off
// the main thread, so a 100,000-event file never freezes the page. What it does is workerSide's.
import { workerSide } from "./handoff";

declare const self: DedicatedWorkerGlobalScope;

const receive = workerSide((message, transfer) => self.postMessage(message, transfer));
self.onmessage = ({ data }: MessageEvent) => receive(data as Parameters<typeof receive>[0]);
