import { zoomIdentity, type ZoomTransform } from "d3-zoom";
import type { Domain } from "../model/timeDomain";
import type { TimeScale } from "../model/timeScale";

/** The d3-zoom transform under which the base scale shows `[d0, d1]` (x only). */
export function transformShowing(base: TimeScale, [d0, d1]: Domain): ZoomTransform {
  const [r0, r1] = base.range() as [number, number];
  const k = (r1 - r0) / (base(d1) - base(d0));
  return zoomIdentity.translate(-base(d0) * k, 0).scale(k);
}
