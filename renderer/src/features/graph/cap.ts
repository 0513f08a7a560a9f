// Cytoscape stays interactive up to a few thousand elements on a laptop. Above 5,000 organisations
// the app draws the aggregated view instead; this cut is the safety net for anything else that
// would exceed it (the full view's partnerships and events), and the app says so instead of freezing.
import type { Slice } from '../../../../shared/schemas';

const MAX_DRAWN_NODES = 5000;

export interface Capped {
  slice: Slice;
  /** Set when nodes were left out: how many are drawn of how many. */
  cut: { drawn: number; of: number } | null;
}

export function capSlice(slice: Slice, max = MAX_DRAWN_NODES): Capped {
  if (slice.nodes.length <= max) return { slice, cut: null };
  const degree = new Map<string, number>();
  for (const e of slice.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + e.weight);
    degree.set(e.target, (degree.get(e.target) ?? 0) + e.weight);
  }
  const nodes = [...slice.nodes].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0)).slice(0, max);
  const kept = new Set(nodes.map((n) => n.id));
  const edges = slice.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  return { slice: { ...slice, nodes, edges }, cut: { drawn: nodes.length, of: slice.nodes.length } };
}
