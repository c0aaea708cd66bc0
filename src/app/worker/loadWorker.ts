/// <reference lib="webworker" />
// The loading worker's entry (its own chunk, see loadSource): parses and validates large datasets off
// the main thread, so a 100,000-event file never freezes the page.
import { packEvents } from "../../data/packEvents";
import type { TimelineEvent } from "../../data/types";
import type { OnProgress } from "../../data/validateDataset";
import { checkBody } from "./checkBody";
import type { BodyMessage, LoadMessage, LoadRequest } from "./loadProtocol";

declare const self: DedicatedWorkerGlobalScope;
const post = (message: LoadMessage) => self.postMessage(message);

/** Where the chunks of the file the page streams over (see BodyMessage) go. */
let receive: ((message: BodyMessage) => void) | undefined;

function onRequest({ data }: MessageEvent<LoadRequest | BodyMessage>): void {
  // The first message is the request; every one after it, the file's body.
  if (receive) return receive(data as BodyMessage);
  const request = data as LoadRequest;
  let sent = 0;
  /** Sends the valid events not sent yet; their numbers are transferred, not copied. */
  const sendEvents = (valid: readonly TimelineEvent[]) => {
    if (valid.length === sent) return;
    const events = packEvents(valid.slice(sent));
    sent = valid.length;
    self.postMessage({ type: "events", events } satisfies LoadMessage, [events.numbers.buffer]);
  };
  const progress: OnProgress = (checked, total, valid) => {
    post({ type: "progress", checked, total });
    sendEvents(valid);
  };
  const restart = () => {
    if (sent > 0) post({ type: "restart" });
    sent = 0;
  };
  const check = checkBody(request, progress, restart);
  receive = (message) =>
    void check(message)?.then((loaded) => {
      sendEvents(loaded.dataset.events);
      post({ type: "result", loaded: { ...loaded, dataset: { ...loaded.dataset, events: [] } } });
    });
}

self.onmessage = onRequest;
