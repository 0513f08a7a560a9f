// The shortest path between two organisations in the organisation view under the filters (the
// same ties a slice would draw, the minimum weight included), over the in-memory index: the path
// of fewest ties (breadth-first), or, with a relation attribute as weight, the path of least total
// length where a tie's length is 1 / its weight (Dijkstra), the weight read as the tie's strength
// as graph.metrics reads it for betweenness and closeness. Each step says what the two
// organisations share: every partnership, event and direct relation the filters keep,
// partnerships first.
import { numberOf } from '../../../shared/attributes';
import { AtlasError } from '../../../shared/errors';
import type { Filters, PathResult } from '../../../shared/schemas';
import type { GraphIndex } from './index';
import { Heap } from './metrics/heap';
import { TieWalker } from './walk';

type Via = PathResult['steps'][number]['via'][number];

const RELATION_WORDS: Record<string, string> = {
  funds: 'funds',
  member_of: 'is a member of',
  collaborates_with: 'collaborates with',
  part_of: 'is part of',
  supports: 'supports',
  other: 'is related to',
};

export function shortestPath(g: GraphIndex, fromId: string, toId: string, filters: Filters, weight?: string): PathResult {
  const from = g.index.get(fromId);
  if (from === undefined) throw new AtlasError('not_found', `No organisation has ID '${fromId}'`, 'from');
  const to = g.index.get(toId);
  if (to === undefined) throw new AtlasError('not_found', `No organisation has ID '${toId}'`, 'to');
  const by = { weight: weight ?? null, length: 0 };
  if (from === to) return { nodes: [fromId], steps: [], by };

  const walker = new TieWalker(g, filters);
  const none: PathResult = { nodes: [], steps: [], by };
  // Both ends must be in the slice: an organisation the organisation filters leave out is not drawn.
  if (!walker.candidate(from) || !walker.candidate(to)) return none;
  const found = weight === undefined ? fewestTies(g, walker, from, to) : leastLength(g, walker, from, to, weight);
  if (!found) return none;
  const { parent, length } = found;

  const order = [to];
  while (order[order.length - 1] !== from) order.push(parent[order[order.length - 1]!]!);
  order.reverse();
  const steps = order.slice(1).map((b, i) => {
    const a = order[i]!;
    return { from: { id: g.ids[a]!, name: g.name[a]! }, to: { id: g.ids[b]!, name: g.name[b]! }, via: via(g, walker, a, b) };
  });
  return { nodes: order.map((i) => g.ids[i]!), steps, by: { ...by, length } };
}

/** Breadth-first: each organisation's parent on a path of fewest ties from `from`, if `to` is reached. */
function fewestTies(g: GraphIndex, walker: TieWalker, from: number, to: number): { parent: Int32Array; length: number } | null {
  const parent = new Int32Array(g.ids.length).fill(-1);
  parent[from] = from;
  let frontier = [from];
  let length = 0;
  while (frontier.length > 0 && parent[to] === -1) {
    const next: number[] = [];
    length++;
    for (const o of frontier) {
      for (const m of walker.neighbours(o)) {
        if (parent[m] !== -1) continue;
        parent[m] = o;
        next.push(m);
      }
      if (parent[to] !== -1) break;
    }
    frontier = next;
  }
  return parent[to] === -1 ? null : { parent, length };
}

/**
 * Dijkstra over tie lengths 1 / weight, a tie weighing what graph.metrics gives it (metrics/call.ts):
 * the attribute summed over its relations the filters keep, plus 1 for each shared partnership,
 * event, or relation without a value. A tie of weight 0 is no way through.
 */
function leastLength(
  g: GraphIndex,
  walker: TieWalker,
  from: number,
  to: number,
  name: string,
): { parent: Int32Array; length: number } | null {
  const column = g.attributes!.column('relation', name);
  const dist = new Float64Array(g.ids.length).fill(Infinity);
  const done = new Uint8Array(g.ids.length);
  const parent = new Int32Array(g.ids.length).fill(-1);
  const heap = new Heap(64);
  dist[from] = 0;
  parent[from] = from;
  heap.push(0, from);
  while (heap.size > 0) {
    heap.pop();
    const o = heap.topVal;
    if (done[o] || heap.topKey > dist[o]!) continue;
    done[o] = 1;
    if (o === to) break;
    const ties = walker.ties(o);
    const weights = new Map<number, number>();
    for (const [m, t] of ties) {
      if (walker.floor !== null && t.partnerships + t.events + t.relations < walker.floor) continue;
      // Relations count 1 each here; those with a value are set right below.
      weights.set(m, t.partnerships + t.events + t.relations);
    }
    for (const k of walker.relationsOf(o)) {
      const r = g.relations[k]!;
      const m = r.source === o ? r.target : r.source;
      const w = weights.get(m);
      if (w === undefined) continue;
      const v = numberOf(column.get(r.id));
      if (v === null) continue;
      if (v < 0) throw new AtlasError('validation', `Relation ${r.id} has ${name} = ${v}; weights cannot be negative`, 'weight');
      weights.set(m, w - 1 + v);
    }
    for (const [m, w] of weights) {
      if (done[m] || !(w > 0)) continue;
      const d = dist[o]! + 1 / w;
      if (d < dist[m]!) {
        dist[m] = d;
        parent[m] = o;
        heap.push(d, m);
      }
    }
  }
  return done[to] ? { parent, length: dist[to]! } : null;
}

function via(g: GraphIndex, walker: TieWalker, a: number, b: number): Via[] {
  const shared = walker.shared(a, b);
  const byName = (x: Via, y: Via) => x.name.localeCompare(y.name, 'en') || x.id.localeCompare(y.id);
  const conns = shared.connectors.map((k): Via => {
    const c = g.connectors[k]!;
    return { type: c.type, id: c.id, name: c.name, kind: c.kind };
  });
  const rels = shared.relations.map((k): Via => {
    const r = g.relations[k]!;
    const who = (i: number) => g.acronym[i] || g.name[i]!;
    return { type: 'relation', id: r.id, name: `${who(r.source)} ${RELATION_WORDS[r.type] ?? r.type} ${who(r.target)}`, kind: r.type };
  });
  return [
    ...conns.filter((v) => v.type === 'partnership').sort(byName),
    ...conns.filter((v) => v.type === 'event').sort(byName),
    ...rels.sort(byName),
  ];
}
