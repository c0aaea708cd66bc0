import { describeRange } from "../model/describeRange";
import type { EventIndex } from "../model/eventIndex";
import type { Domain } from "../model/timeDomain";
import { formatContext } from "../model/timeTicks";
import type { ChartDom } from "./chartDom";
import { setText } from "./dom";
import { groupDigits } from "../model/groupDigits";

/** Sets an edge button's text with its arrow hidden from screen readers (the name is the words). */
function edgeLabel(button: HTMLElement, words: string, before: string, after: string): void {
  const arrow = (text: string) => {
    const span = document.createElement("span");
    span.setAttribute("aria-hidden", "true");
    span.textContent = text;
    return span;
  };
  if (button.textContent === `${before}${words}${after}`) return;
  button.replaceChildren(...(words === "" ? [] : [arrow(before), words, arrow(after)]));
}

/**
 * The window in words (the axis's context line and the readout) and the buttons to what lies
 * before and after it. Returns the readout's text, for the live region.
 */
export function renderReadout(dom: ChartDom, index: EventIndex, domain: Domain): string {
  setText(dom.context.node()!, formatContext(domain[0], domain[1]));
  const range = describeRange(index, domain);
  setText(dom.readout, range.text);
  edgeLabel(dom.earlier, range.earlier > 0 ? `${groupDigits(range.earlier)} earlier` : "", "\u25c0 ", "");
  edgeLabel(dom.later, range.later > 0 ? `${groupDigits(range.later)} later` : "", "", " \u25b6");
  dom.earlier.hidden = range.earlier === 0;
  dom.later.hidden = range.later === 0;
  return range.text;
}
