// Graph slices: the nodes and edges to draw for a set of filters, computed over the in-memory
// graph index. Ties are derived on each call from memberships, participations and direct
// relations, so they can never disagree with the records. Hot path for the explorer: integer
// indices, numeric pair keys, ties packed in parallel arrays (no object per tie until one is drawn).
import type { Database } from 'better-sqlite3';
import type { GraphView } from '../../../shared/domain';
import type { AggregateLevel, Filters, GraphEdge, GraphNode, Slice, SliceCounts } from '../../../shared/schemas';
import { edgeId } from '../../../shared/slice-wire';
import { aggregateSelection } from './aggregate';
import { connectorRule, connectorTest, hasOrganisationFilter, organisationTest, relationTest, weightFloor } from './filters';
import { GraphIndexCache, type Connector, type GraphIndex, type RelationEdge } from './index';

export interface SliceOptions {
  /** Only these organisations (indices) are candidates: the ego network passes what it reached. */
  restrictTo?: ReadonlySet<number>;
  /** Kept even when no connector rule would keep it (the centre of an ego network). */
  alwaysKeep?: number;
  /** Above this many organisations, answer with groups instead of nodes and edges. */
  aggregate?: { above: number; by: AggregateLevel };
}

/** A connector that passes the filters, with its members that are candidates (and their link positions). */
export interface KeptConnector {
  c: Connector;
  members: number[];
  links: number[];
}

/**
 * Ties between organisations, one slot per pair, with the counts in parallel arrays: a quarter of a
 * million ties cost a few arrays of numbers instead of a quarter of a million objects. Pairs are
 * found through an open-addressing table of typed arrays, not a Map: a pair's numeric key passes
 * 2^30 above 32,768 organisations, and V8 then boxes every key, which made building the ties of
 * 50,000 organisations take about 0.3 s (and as much again in garbage collection).
 */
export class TieTable {
  /** Slot + 1 of the pair hashed there, 0 when free; always at most half full. */
  private buckets = new Int32Array(1024);
  readonly a: number[] = [];
  readonly b: number[] = [];
  readonly partnerships: number[] = [];
  readonly events: number[] = [];
  readonly relations: number[] = [];

  get size(): number {
    return this.a.length;
  }

  /** The bucket holding the pair, or the empty bucket where it would go. */
  private bucketOf(lo: number, hi: number): number {
    const mask = this.buckets.length - 1;
    let h = pairHash(lo, hi) & mask;
    for (let s = this.buckets[h]! - 1; s >= 0; s = this.buckets[h]! - 1) {
      if (this.a[s] === lo && this.b[s] === hi) return h;
      h = (h + 1) & mask;
    }
    return h;
  }

  /** The slot of the pair, created if new. */
  slot(x: number, y: number): number {
    const lo = x < y ? x : y;
    const hi = x < y ? y : x;
    const h = this.bucketOf(lo, hi);
    if (this.buckets[h]) return this.buckets[h]! - 1;
    const s = this.a.length;
    this.buckets[h] = s + 1;
    this.a.push(lo);
    this.b.push(hi);
    this.partnerships.push(0);
    this.events.push(0);
    this.relations.push(0);
    if (2 * this.a.length > this.buckets.length) this.grow();
    return s;
  }

  /** The slot of the pair, or -1 when they are not tied. */
  find(x: number, y: number): number {
    return this.buckets[this.bucketOf(x < y ? x : y, x < y ? y : x)]! - 1;
  }

  weight(s: number): number {
    return this.partnerships[s]! + this.events[s]! + this.relations[s]!;
  }

  private grow() {
    const buckets = new Int32Array(this.buckets.length * 2);
    const mask = buckets.length - 1;
    for (let s = 0; s < this.a.length; s++) {
      let h = pairHash(this.a[s]!, this.b[s]!) & mask;
      while (buckets[h] !== 0) h = (h + 1) & mask;
      buckets[h] = s + 1;
    }
    this.buckets = buckets;
  }
}

function pairHash(lo: number, hi: number): number {
  const h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 15);
}

/** What a set of filters keeps, before anything is drawn: shared by slices, aggregates and metrics. */
export interface Selection {
  g: GraphIndex;
  /** 1 for each organisation in the slice. */
  keep: Uint8Array;
  organisations: number;
  ties: TieTable;
  /** The slots of `ties` that are drawn (all of them unless a minimum weight is set). */
  live: number[];
  /** Connectors that pass the filters, with their candidate members (ties are built from these). */
  kept: KeptConnector[];
  /** Connectors counted and drawn in the full view. */
  shown: KeptConnector[];
  /** Direct relations counted and drawn. */
  relations: RelationEdge[];
}

export class SliceBuilder {
  readonly cache: GraphIndexCache;
  /**
   * What no filter keeps (the whole network), until the next write. The window's first slice, the
   * total tie count in every answer and the facets all start from it, and at 50,000 organisations
   * building it takes a few hundred milliseconds.
   */
  private whole: Selection | null = null;

  constructor(db: Database) {
    this.cache = new GraphIndexCache(db);
  }

  /** Ties in the whole network. */
  totalTies(): number {
    return this.select(this.cache.get(), {}).ties.size;
  }

  slice(filters: Filters, view: GraphView, opts: SliceOptions = {}): Slice {
    const g = this.cache.get();
    const sel = this.select(g, filters, opts);
    const counts = this.counts(sel);
    if (opts.aggregate && sel.organisations > opts.aggregate.above) {
      return { view, nodes: [], edges: [], counts, aggregate: aggregateSelection(sel, opts.aggregate.by) };
    }
    const order = opts.restrictTo ? [...opts.restrictTo].sort((x, y) => x - y) : null;
    return { view, nodes: this.nodes(sel, view, order), edges: view === 'organisations' ? tieEdges(sel) : fullEdges(sel), counts };
  }

  /** Which organisations, connectors, relations and ties the filters keep. Callers only read it. */
  select(g: GraphIndex, filters: Filters, opts: SliceOptions = {}): Selection {
    const whole =
      opts.restrictTo === undefined &&
      opts.alwaysKeep === undefined &&
      !hasOrganisationFilter(filters) &&
      !connectorRule(filters).active &&
      weightFloor(filters) === null;
    if (whole && this.whole?.g === g) return this.whole;
    const sel = this.compute(g, filters, opts);
    if (whole) this.whole = sel;
    return sel;
  }

  private compute(g: GraphIndex, filters: Filters, opts: SliceOptions): Selection {
    const n = g.ids.length;
    const rule = connectorRule(filters);
    const floor = weightFloor(filters);
    const orgFiltered = opts.restrictTo !== undefined || hasOrganisationFilter(filters);

    // 1. Candidate organisations.
    const candidate = new Uint8Array(n);
    if (opts.restrictTo) for (const i of opts.restrictTo) candidate[i] = 1;
    else {
      const test = organisationTest(g, filters);
      for (let i = 0; i < n; i++) candidate[i] = !test || test(i) ? 1 : 0;
    }

    // 2. Connectors that pass, with their candidate members. An ego network looks only at the
    //    connectors of the organisations it reached, not at the whole network.
    const passes = connectorTest(filters);
    const kept: KeptConnector[] = [];
    let pool: Iterable<Connector> = g.connectors;
    let relationPool: readonly RelationEdge[] = g.relations;
    if (opts.restrictTo) {
      const conns = new Set<number>();
      const rels = new Set<number>();
      for (const o of opts.restrictTo) {
        for (const k of g.orgConnectors[o]!) conns.add(k);
        for (const k of g.orgRelations[o]!) rels.add(k);
      }
      pool = [...conns].sort((x, y) => x - y).map((k) => g.connectors[k]!);
      relationPool = [...rels].sort((x, y) => x - y).map((k) => g.relations[k]!);
    }
    for (const c of pool) {
      if (!passes(c)) continue;
      const members: number[] = [];
      const links: number[] = [];
      for (let k = 0; k < c.orgs.length; k++) {
        if (candidate[c.orgs[k]!]) {
          members.push(c.orgs[k]!);
          links.push(k);
        }
      }
      kept.push({ c, members, links });
    }
    const relTest = relationTest(filters);
    let relations: RelationEdge[] = rule.relations
      ? relationPool.filter((r) => candidate[r.source] && candidate[r.target] && relTest(r))
      : [];

    // 3. Which organisations stay: all candidates, or, while a connector filter is on, those that
    //    take part in a kept connector.
    let keep = candidate;
    if (rule.active) {
      keep = new Uint8Array(n);
      for (const k of kept) for (const m of k.members) keep[m] = 1;
      for (const r of relations) keep[r.source] = keep[r.target] = 1;
    }

    // 4. Ties between kept organisations, weighted by how many connectors they share. (Members
    //    are candidates, and every candidate in a kept connector is kept, so no check is needed.)
    const ties = new TieTable();
    for (const { c, members } of kept) {
      const counts = c.type === 'partnership' ? ties.partnerships : ties.events;
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) counts[ties.slot(members[i]!, members[j]!)]!++;
      }
    }
    for (const r of relations) ties.relations[ties.slot(r.source, r.target)]!++;

    // 5. The minimum weight (filters.ts, weightFloor): only ties that meet it, only organisations
    //    with such a tie, only connectors with such an organisation.
    let live: number[];
    let shown: KeptConnector[];
    if (floor === null) {
      live = Array.from({ length: ties.size }, (_, s) => s);
      shown = kept.filter((k) => k.members.length > 0 || !orgFiltered);
    } else {
      live = [];
      keep = new Uint8Array(n);
      for (let s = 0; s < ties.size; s++) {
        if (ties.weight(s) < floor) continue;
        live.push(s);
        keep[ties.a[s]!] = keep[ties.b[s]!] = 1;
      }
      if (opts.alwaysKeep !== undefined) keep[opts.alwaysKeep] = 1;
      shown = kept.filter((k) => k.members.some((m) => keep[m]));
      relations = relations.filter((r) => ties.weight(ties.find(r.source, r.target)) >= floor);
    }
    if (opts.alwaysKeep !== undefined) keep[opts.alwaysKeep] = 1;
    let organisations = 0;
    for (let i = 0; i < n; i++) organisations += keep[i]!;

    return { g, keep, organisations, ties, live, kept, shown, relations };
  }

  private counts(sel: Selection): SliceCounts {
    const { g } = sel;
    let partnerships = 0;
    for (const c of g.connectors) partnerships += c.type === 'partnership' ? 1 : 0;
    const shownP = sel.shown.reduce((s, k) => s + (k.c.type === 'partnership' ? 1 : 0), 0);
    return {
      organisations: { shown: sel.organisations, total: g.ids.length },
      ties: { shown: sel.live.length, total: this.totalTies() },
      partnerships: { shown: shownP, total: partnerships },
      events: { shown: sel.shown.length - shownP, total: g.connectors.length - partnerships },
      relations: { shown: sel.relations.length, total: g.relations.length },
    };
  }

  private nodes(sel: Selection, view: GraphView, order: number[] | null): GraphNode[] {
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
}

/** The organisation view's edges: one per drawn tie, with its first and last dates. */
function tieEdges(sel: Selection): GraphEdge[] {
  const { g, ties } = sel;
  // Dates are gathered in a second pass, only when ties are drawn (an aggregate does not need them).
  const firstKey: (string | null)[] = new Array(ties.size).fill(null);
  const first: (string | null)[] = new Array(ties.size).fill(null);
  const lastKey: (string | null)[] = new Array(ties.size).fill(null);
  const last: (string | null)[] = new Array(ties.size).fill(null);
  const stretch = (s: number, start: string | null, startKey: string | null, end: string | null, endKey: string | null) => {
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
      for (let j = i + 1; j < members.length; j++) stretch(ties.find(members[i]!, members[j]!), c.startDate, c.startKey, c.endDate, c.endKey);
    }
  }
  for (const r of sel.relations) stretch(ties.find(r.source, r.target), r.startDate, r.startKey, r.endDate, r.endKey);

  return sel.live.map((s) => {
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
      firstDate: first[s]!,
      lastDate: last[s]!,
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
