import { BADGE_SPACING_PX } from "./markGeometry";
import { CLUSTER_SAMPLE, clusterCentre, type ClusterMark } from "./marks";

/** Merging stops short of this width, so a busy lane is not swallowed by one wide cluster. */
const MAX_MERGED_PX = 64;

/**
 * Merges a lane's clusters whose badges would overlap into one, so every count can be read (and a
 * dense window draws a few hundred badges, not thousands). Counts add up; the members (or, past
 * CLUSTER_SAMPLE, a sample of them) stay in time order.
 */
export function mergeCrowded(clusters: readonly ClusterMark[], rank: Uint32Array): ClusterMark[] {
  const sorted = [...clusters].sort((a, b) => a.lane - b.lane || clusterCentre(a) - clusterCentre(b));
  const merged: ClusterMark[] = [];
  for (const c of sorted) {
    const last = merged.at(-1);
    if (
      last === undefined ||
      last.lane !== c.lane ||
      clusterCentre(c) - clusterCentre(last) >= BADGE_SPACING_PX ||
      Math.max(last.x1, c.x1) - Math.min(last.x0, c.x0) > MAX_MERGED_PX
    ) {
      merged.push(c);
      continue;
    }
    const members = [...last.events, ...c.events].sort((a, b) => rank[a]! - rank[b]!);
    merged[merged.length - 1] = {
      lane: c.lane,
      count: last.count + c.count,
      events: members.slice(0, CLUSTER_SAMPLE),
      last: rank[c.last]! > rank[last.last]! ? c.last : last.last,
      x0: Math.min(last.x0, c.x0),
      x1: Math.max(last.x1, c.x1),
      y: c.y,
      startMs: Math.min(last.startMs, c.startMs),
      endMs: Math.max(last.endMs, c.endMs),
    };
  }
  return merged;
}
