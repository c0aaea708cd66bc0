import { el } from "./dom";
import { createOverviewStrip } from "./overviewStrip";

/**
 * The phone view's frame in `root`: the overview strip, over the list the cards are drawn in. The
 * strip's wrapper sticks to the top of the screen; the slider inside it is what is measured and drawn.
 */
export function phoneSkeleton(root: HTMLElement) {
  const stripWrap = el("div", "strip-wrap");
  const stripNode = el("div");
  stripWrap.append(stripNode);
  const list = el("div", "card-timeline");
  root.replaceChildren(stripWrap, list);
  return { stripWrap, stripNode, list, strip: createOverviewStrip(stripNode) };
}
export type PhoneSkeleton = ReturnType<typeof phoneSkeleton>;
