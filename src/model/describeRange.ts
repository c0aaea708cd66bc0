import { utcFormat } from "d3-time-format";
import type { EventIndex } from "./eventIndex";
import { visibleRange } from "./eventIndex";
import type { Domain } from "./timeDomain";
import { groupDigits } from "./groupDigits";

const formatDay = utcFormat("%-d %b %Y");
const formatTime = utcFormat("%-d %b %Y %H:%M");

export interface RangeDescription {
  /** e.g. "1 Jul 2025 – 31 Oct 2025: 27 of 40 events" — shown, and announced to screen readers. */
  readonly text: string;
  readonly inView: number;
  readonly earlier: number;
  readonly later: number;
}

/** Counts the events in, before and after a window and describes it in words. */
export function describeRange(index: EventIndex, [d0, d1]: Domain): RangeDescription {
  const total = index.order.length;
  const [i0, i1] = visibleRange(index, d0, d1);
  let earlier = i0; // every event before i0 ends before d0
  for (let i = i0; i < i1; i++) if (index.endMs[i]! < d0) earlier++;
  const later = total - i1;
  const inView = total - earlier - later;
  const format = d1 - d0 < 3 * 86_400_000 ? formatTime : formatDay;
  const dates = `${format(new Date(d0))} \u2013 ${format(new Date(d1))}`;
  return {
    text: `${dates}: ${groupDigits(inView)} of ${groupDigits(total)} event${total === 1 ? "" : "s"} (UTC)`,
    inView,
    earlier,
    later,
  };
}
