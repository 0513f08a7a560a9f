// The shortest path between two organisations: fewest ties, in the organisation view under the
// filters (the same ties a slice would draw, the minimum weight included), by breadth-first search
// over the in-memory index. Each step says what the two organisations share: every partnership,
// event and direct relation the filters keep, partnerships first.
import { AtlasError } from '../../../shared/errors';
import type { Filters, PathResult } from '../../../shared/schemas';
import type { GraphIndex } from './index';
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

export function shortestPath(g: GraphIndex, fromId: string, toId: string, filters: Filters): PathResult {
  const from = g.index.get(fromId);
  if (from === undefined) throw new AtlasError('not_found', `No organisation has ID '${fromId}'`, 'from');
  const to = g.index.get(toId);
  if (to === undefined) throw new AtlasError('not_found', `No organisation has ID '${toId}'`, 'to');
  if (from === to) return { nodes: [fromId], steps: [] };

  const walker = new TieWalker(g, filters);
  const none: PathResult = { nodes: [], steps: [] };
  // Both ends must be in the slice: an organisation the organisation filters leave out is not drawn.
  if (!walker.candidate(from) || !walker.candidate(to)) return none;
  const parent = new Int32Array(g.ids.length).fill(-1);
  parent[from] = from;
  let frontier = [from];
  while (frontier.length > 0 && parent[to] === -1) {
    const next: number[] = [];
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
  if (parent[to] === -1) return none;

  const order = [to];
  while (order[order.length - 1] !== from) order.push(parent[order[order.length - 1]!]!);
  order.reverse();
  const steps = order.slice(1).map((b, i) => {
    const a = order[i]!;
    return { from: { id: g.ids[a]!, name: g.name[a]! }, to: { id: g.ids[b]!, name: g.name[b]! }, via: via(g, walker, a, b) };
  });
  return { nodes: order.map((i) => g.ids[i]!), steps };
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
