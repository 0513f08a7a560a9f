// Graph slices: the nodes and edges to draw for a set of filters, computed over the in-memory
// graph index. Ties are derived on each call from memberships, participations and direct
// relations, so they can never disagree with the records. Hot path for the explorer: integer
// indices, numeric pair keys, one pass over the kept connectors.
import type { Database } from 'better-sqlite3';
import type { GraphView } from '../../../shared/domain';
import type { Filters, GraphEdge, GraphNode, Slice } from '../../../shared/schemas';
import { connectorRule, connectorTest, hasOrganisationFilter, organisationTest, relationTest } from './filters';
import { GraphIndexCache, type Connector, type GraphIndex, type RelationEdge } from './index';

export interface SliceOptions {
  /** Only these organisations (indices) are candidates: the ego network passes what it reached. */
  restrictTo?: ReadonlySet<number>;
  /** Kept even when no connector rule would keep it (the centre of an ego network). */
  alwaysKeep?: number;
}

interface Tie {
  a: number;
  b: number;
  partnerships: number;
  events: number;
  relations: number;
  firstKey: string | null;
  first: string | null;
  lastKey: string | null;
  last: string | null;
}

export class SliceBuilder {
  readonly cache: GraphIndexCache;
  private tieTotal: { version: number; ties: number } | null = null;

  constructor(db: Database) {
    this.cache = new GraphIndexCache(db);
  }

  /** Ties in the whole network, cached until the next write. */
  totalTies(): number {
    const g = this.cache.get();
    if (this.tieTotal?.version !== g.version) {
      this.tieTotal = { version: g.version, ties: this.build(g, {}, 'organisations', {}, false).edges.length };
    }
    return this.tieTotal.ties;
  }

  slice(filters: Filters, view: GraphView, opts: SliceOptions = {}): Slice {
    return this.build(this.cache.get(), filters, view, opts, true);
  }

  private build(g: GraphIndex, filters: Filters, view: GraphView, opts: SliceOptions, withCounts: boolean): Slice {
    const n = g.ids.length;
    const rule = connectorRule(filters);
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
    const kept: { c: Connector; members: number[]; links: number[] }[] = [];
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
    const relations: RelationEdge[] = rule.relations
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
    if (opts.alwaysKeep !== undefined) keep[opts.alwaysKeep] = 1;

    // 4. Ties between kept organisations, weighted by how many connectors they share.
    const ties = new Map<number, Tie>();
    const tie = (x: number, y: number): Tie => {
      const a = x < y ? x : y;
      const b = x < y ? y : x;
      const key = a * n + b;
      let t = ties.get(key);
      if (!t) {
        t = { a, b, partnerships: 0, events: 0, relations: 0, firstKey: null, first: null, lastKey: null, last: null };
        ties.set(key, t);
      }
      return t;
    };
    const stretch = (t: Tie, start: string | null, startKey: string | null, end: string | null, endKey: string | null) => {
      if (startKey && (t.firstKey === null || startKey < t.firstKey)) {
        t.firstKey = startKey;
        t.first = start;
      }
      const lk = endKey ?? startKey;
      if (lk && (t.lastKey === null || lk > t.lastKey)) {
        t.lastKey = lk;
        t.last = end ?? start;
      }
    };
    for (const { c, members } of kept) {
      const isP = c.type === 'partnership';
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const t = tie(members[i]!, members[j]!);
          if (isP) t.partnerships++;
          else t.events++;
          stretch(t, c.startDate, c.startKey, c.endDate, c.endKey);
        }
      }
    }
    for (const r of relations) {
      const t = tie(r.source, r.target);
      t.relations++;
      stretch(t, r.startDate, r.startKey, r.endDate, r.endKey);
    }

    // 5. Output.
    const nodes: GraphNode[] = [];
    let organisations = 0;
    const order = opts.restrictTo ? [...opts.restrictTo].sort((x, y) => x - y) : null;
    for (let j = 0, end = order ? order.length : n; j < end; j++) {
      const i = order ? order[j]! : j;
      if (!keep[i]) continue;
      organisations++;
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
      });
    }
    const shown = kept.filter((k) => k.members.length > 0 || !orgFiltered);
    const edges: GraphEdge[] = [];
    if (view === 'organisations') {
      for (const t of ties.values()) {
        const a = g.ids[t.a]!;
        const b = g.ids[t.b]!;
        edges.push({
          id: `t:${a}|${b}`,
          source: a,
          target: b,
          type: 'tie',
          weight: t.partnerships + t.events + t.relations,
          partnerships: t.partnerships,
          events: t.events,
          relations: t.relations,
          role: null,
          firstDate: t.first,
          lastDate: t.last,
        });
      }
    } else {
      for (const { c, members, links } of shown) {
        const isP = c.type === 'partnership';
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
        for (let k = 0; k < members.length; k++) {
          if (!keep[members[k]!]) continue;
          // A link is unique per connector and organisation, so the pair names its edge.
          edges.push({
            id: `${isP ? 'm' : 'p'}:${c.id}|${g.ids[members[k]!]}`,
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
      for (const r of relations) {
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
    }

    // The unfiltered slice is the whole network: its tie count is the total, with no second pass.
    if (!opts.restrictTo && !hasOrganisationFilter(filters) && !rule.active) this.tieTotal = { version: g.version, ties: ties.size };
    const total = (type: Connector['type']) => g.connectors.reduce((s, c) => s + (c.type === type ? 1 : 0), 0);
    const counts = withCounts
      ? {
          organisations: { shown: organisations, total: n },
          ties: { shown: ties.size, total: this.totalTies() },
          partnerships: { shown: shown.filter((k) => k.c.type === 'partnership').length, total: total('partnership') },
          events: { shown: shown.filter((k) => k.c.type === 'event').length, total: total('event') },
          relations: { shown: relations.length, total: g.relations.length },
        }
      : zeroCounts();
    return { view, nodes, edges, counts };
  }
}

function zeroCounts() {
  const z = { shown: 0, total: 0 };
  return { organisations: z, ties: z, partnerships: z, events: z, relations: z };
}
