// Graph slices: the nodes and edges to draw for a selection (selection.ts), or its groups when it
// keeps more organisations than can be drawn (aggregate.ts). Ties are derived on each call from
// memberships, participations and direct relations, so they can never disagree with the records.
// Hot path for the explorer: no object per tie until one is drawn.
import type { GraphView } from '../../../shared/domain';
import type { AggregateLevel, GraphEdge, GraphNode, Slice, SliceCounts } from '../../../shared/schemas';
import { edgeId } from '../../../shared/slice-wire';
import { aggregateSelection } from './aggregate';
import type { SelectOptions, Selection } from './selection';

export interface SliceOptions extends SelectOptions {
  /** Above this many organisations, answer with groups instead of nodes and edges. */
  aggregate?: { above: number; by: AggregateLevel };
}

/** The selection as the window draws it; `totalTies` is the whole network's, for the counts. */
export function drawSlice(sel: Selection, view: GraphView, opts: SliceOptions, totalTies: number): Slice {
  const counts = sliceCounts(sel, totalTies);
  if (opts.aggregate && sel.organisations > opts.aggregate.above) {
    return { view, nodes: [], edges: [], counts, aggregate: aggregateSelection(sel, opts.aggregate.by) };
  }
  const order = opts.restrictTo ? [...opts.restrictTo].sort((x, y) => x - y) : null;
  return { view, nodes: sliceNodes(sel, view, order), edges: view === 'organisations' ? tieEdges(sel) : fullEdges(sel), counts };
}

export function sliceCounts(sel: Selection, totalTies: number): SliceCounts {
  const { g } = sel;
  let partnerships = 0;
  for (const c of g.connectors) partnerships += c.type === 'partnership' ? 1 : 0;
  const tally = sel.shownTally ?? {
    partnerships: sel.shown.reduce((s, k) => s + (k.c.type === 'partnership' ? 1 : 0), 0),
    all: sel.shown.length,
  };
  const shownP = tally.partnerships;
  return {
    organisations: { shown: sel.organisations, total: g.ids.length },
    ties: { shown: sel.live.length, total: totalTies },
    partnerships: { shown: shownP, total: partnerships },
    events: { shown: tally.all - shownP, total: g.connectors.length - partnerships },
    relations: { shown: sel.relations.length, total: g.relations.length },
  };
}

function sliceNodes(sel: Selection, view: GraphView, order: number[] | null): GraphNode[] {
  const { g, keep } = sel;
  // How many of the slice's partnerships each organisation belongs to (for sizing nodes).
  const inPartnerships = new Uint32Array(g.ids.length);
  for (const { c, members } of sel.shown) if (c.type === 'partnership') for (const m of members) inPartnerships[m]!++;
  const nodes: GraphNode[] = [];
  for (let j = 0, end = order ? order.length : g.ids.length; j < end; j++) {
    const i = order ? order[j]! : j;
    if (!keep[i]) continue;
    nodes.push({
      id: g.ids[i]!,
      type: 'organisation',
      label: g.acronym[i] || g.name[i]!,
      name: g.name[i]!,
      acronym: g.acronym[i]!,
      sector: g.sector[i] as GraphNode['sector'],
      kind: null,
      country: g.country[i]!,
      countryName: g.countryName[i]!,
      region: g.region[i]!,
      subRegion: g.intermediateRegion[i] ?? g.subRegion[i]!,
      startDate: null,
      endDate: null,
      synthetic: g.synthetic[i]!,
      partnerships: inPartnerships[i]!,
    });
  }
  if (view === 'full') {
    for (const { c } of sel.shown) {
      nodes.push({
        id: c.id,
        type: c.type,
        label: c.name,
        name: c.name,
        acronym: null,
        sector: null,
        kind: c.kind,
        country: null,
        countryName: null,
        region: null,
        subRegion: null,
        startDate: c.startDate,
        endDate: c.endDate,
        synthetic: c.synthetic,
      });
    }
  }
  return nodes;
}

/** The organisation view's edges: one per drawn tie, with its first and last dates. */
function tieEdges(sel: Selection): GraphEdge[] {
  const { g, ties } = sel;
  // Dates are gathered in a second pass, only when ties are drawn (an aggregate does not need them),
  // by place in `live`: the table may be the whole network's, a million slots for a few drawn.
  const place = new Int32Array(ties.size).fill(-1);
  sel.live.forEach((s, j) => (place[s] = j));
  const firstKey: (string | null)[] = new Array(sel.live.length).fill(null);
  const first: (string | null)[] = new Array(sel.live.length).fill(null);
  const lastKey: (string | null)[] = new Array(sel.live.length).fill(null);
  const last: (string | null)[] = new Array(sel.live.length).fill(null);
  const stretch = (slot: number, start: string | null, startKey: string | null, end: string | null, endKey: string | null) => {
    const s = slot < 0 ? -1 : place[slot]!;
    if (s < 0) return;
    if (startKey && (firstKey[s] === null || startKey < firstKey[s]!)) {
      firstKey[s] = startKey;
      first[s] = start;
    }
    const lk = endKey ?? startKey;
    if (lk && (lastKey[s] === null || lk > lastKey[s]!)) {
      lastKey[s] = lk;
      last[s] = end ?? start;
    }
  };
  for (const { c, members } of sel.kept) {
    if (!c.startKey && !c.endKey) continue;
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++)
        stretch(ties.find(members[i]!, members[j]!), c.startDate, c.startKey, c.endDate, c.endKey);
    }
  }
  for (const r of sel.relations) stretch(ties.find(r.source, r.target), r.startDate, r.startKey, r.endDate, r.endKey);

  return sel.live.map((s, j) => {
    const a = g.ids[ties.a[s]!]!;
    const b = g.ids[ties.b[s]!]!;
    return {
      id: edgeId('tie', a, b),
      source: a,
      target: b,
      type: 'tie',
      weight: ties.weight(s),
      partnerships: ties.partnerships[s]!,
      events: ties.events[s]!,
      relations: ties.relations[s]!,
      role: null,
      firstDate: first[j]!,
      lastDate: last[j]!,
    };
  });
}

/** The full view's edges: memberships and participations of kept organisations, and relations. */
function fullEdges(sel: Selection): GraphEdge[] {
  const { g, keep } = sel;
  const edges: GraphEdge[] = [];
  for (const { c, members, links } of sel.shown) {
    const isP = c.type === 'partnership';
    for (let k = 0; k < members.length; k++) {
      if (!keep[members[k]!]) continue;
      // A link is unique per connector and organisation, so the pair names its edge.
      edges.push({
        id: edgeId(isP ? 'membership' : 'participation', g.ids[members[k]!]!, c.id),
        source: g.ids[members[k]!]!,
        target: c.id,
        type: isP ? 'membership' : 'participation',
        weight: 1,
        partnerships: isP ? 1 : 0,
        events: isP ? 0 : 1,
        relations: 0,
        role: c.roles[links[k]!]!,
        firstDate: c.startDate,
        lastDate: c.endDate ?? c.startDate,
      });
    }
  }
  for (const r of sel.relations) {
    edges.push({
      id: `r:${r.id}`,
      source: g.ids[r.source]!,
      target: g.ids[r.target]!,
      type: 'relation',
      weight: 1,
      partnerships: 0,
      events: 0,
      relations: 1,
      role: r.type,
      firstDate: r.startDate,
      lastDate: r.endDate ?? r.startDate,
    });
  }
  return edges;
}
