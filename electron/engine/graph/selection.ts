// What a set of filters keeps, before anything is drawn: the organisations, the connectors and
// relations that pass, and the ties between the organisations kept. Slices (slice.ts), aggregates
// (aggregate.ts), facets and metrics all read a Selection; the graph service (service.ts) keeps the
// whole network's until the next write.
import type { Filters } from '../../../shared/schemas';
import { connectorRule, connectorTest, hasOrganisationFilter, organisationTest, relationTest, weightFloor } from './filters';
import type { Connector, GraphIndex, RelationEdge } from './index';
import { TieTable } from './ties';

export interface SelectOptions {
  /** Only these organisations (indices) are candidates: the ego network passes what it reached. */
  restrictTo?: ReadonlySet<number>;
  /** Kept even when no connector rule would keep it (the centre of an ego network). */
  alwaysKeep?: number;
}

/** A connector that passes the filters, with its members that are candidates (and their link positions). */
export interface KeptConnector {
  c: Connector;
  members: number[];
  links: number[];
}

/** Callers only read it: the whole network's is shared by every unfiltered request until the next write. */
export interface Selection {
  g: GraphIndex;
  /** 1 for each organisation in the slice. */
  keep: Uint8Array;
  organisations: number;
  ties: TieTable;
  /**
   * The slots of `ties` that are drawn: all of them unless a minimum weight is set, or, when the
   * table is the whole network's (shared, see `select`), those between the organisations kept.
   */
  live: number[];
  /** Connectors that pass the filters, with their candidate members (ties are built from these). */
  kept: KeptConnector[];
  /** Connectors counted and drawn in the full view. */
  shown: KeptConnector[];
  /** Direct relations counted and drawn. */
  relations: RelationEdge[];
  /**
   * How many connectors are shown (and how many of them partnerships), when known without listing
   * them: an aggregated view of a million ties needs only these counts, not `kept` and `shown`.
   */
  shownTally?: { partnerships: number; all: number };
}

/**
 * Which organisations, connectors, relations and ties the filters keep. `whole` is the whole
 * network's selection, when there is one: while no connector filter is on, every connector and
 * relation counts, so the ties kept are exactly the whole network's ties between the organisations
 * kept, read from its table instead of counted again (drilling into a region of a million ties).
 */
export function select(g: GraphIndex, filters: Filters, opts: SelectOptions = {}, whole: Selection | null = null): Selection {
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

  // Organisation filters alone, without a minimum weight: every connector counts, the ties are the
  // whole network's among the candidates, and the connectors kept are listed only if read (a
  // drawn slice reads them, an aggregated one only counts them).
  if (whole && whole.g === g && !rule.active && !opts.restrictTo && floor === null) {
    return organisationsOnly(g, candidate, whole, orgFiltered);
  }

  // 2. Connectors that pass, with their candidate members. An ego network looks only at the
  //    connectors of the organisations it reached, not at the whole network.
  const passes = connectorTest(g, filters);
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
  const relTest = relationTest(g, filters);
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
  let ties: TieTable;
  let slots: number[] | null = null;
  if (whole && whole.g === g && !rule.active && !opts.restrictTo) {
    ties = whole.ties;
    slots = [];
    for (const s of whole.live) if (candidate[ties.a[s]!] && candidate[ties.b[s]!]) slots.push(s);
  } else {
    ties = new TieTable();
    for (const { c, members } of kept) {
      const isP = c.type === 'partnership';
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          // The slot first: adding a pair may move the count arrays.
          const s = ties.slot(members[i]!, members[j]!);
          (isP ? ties.partnerships : ties.events)[s]!++;
        }
      }
    }
    for (const r of relations) {
      const s = ties.slot(r.source, r.target);
      ties.relations[s]!++;
    }
  }

  // 5. The minimum weight (filters.ts, weightFloor): only ties that meet it, only organisations
  //    with such a tie, only connectors with such an organisation.
  let live: number[];
  let shown: KeptConnector[];
  if (floor === null) {
    live = slots ?? Array.from({ length: ties.size }, (_, s) => s);
    shown = kept.filter((k) => k.members.length > 0 || !orgFiltered);
  } else {
    live = [];
    keep = new Uint8Array(n);
    for (let j = 0, end = slots ? slots.length : ties.size; j < end; j++) {
      const s = slots ? slots[j]! : j;
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

/** The selection of organisation filters alone (see `select`), its connectors listed on first read. */
function organisationsOnly(g: GraphIndex, candidate: Uint8Array, whole: Selection, orgFiltered: boolean): Selection {
  const ties = whole.ties;
  const { a, b } = ties;
  const live: number[] = [];
  for (const s of whole.live) if (candidate[a[s]!] && candidate[b[s]!]) live.push(s);
  // No connector filter is on, so every relation between candidates counts.
  const relations = g.relations.filter((r) => candidate[r.source] && candidate[r.target]);
  let organisations = 0;
  for (let i = 0; i < candidate.length; i++) organisations += candidate[i]!;
  // Connectors with a candidate among their members: only those are shown (all of them when no
  // organisation filter is on), and only those need listing with their members.
  const touched: number[] = [];
  let partnerships = 0;
  g.connectors.forEach((c, k) => {
    let shown = !orgFiltered;
    for (let j = 0; !shown && j < c.orgs.length; j++) shown = candidate[c.orgs[j]!] === 1;
    if (!shown) return;
    touched.push(k);
    if (c.type === 'partnership') partnerships++;
  });
  let kept: KeptConnector[] | null = null;
  const listKept = (): KeptConnector[] => {
    if (kept) return kept;
    kept = [];
    for (const k of touched) {
      const c = g.connectors[k]!;
      const members: number[] = [];
      const links: number[] = [];
      for (let j = 0; j < c.orgs.length; j++) {
        if (candidate[c.orgs[j]!]) {
          members.push(c.orgs[j]!);
          links.push(j);
        }
      }
      kept.push({ c, members, links });
    }
    return kept;
  };
  return {
    g,
    keep: candidate,
    organisations,
    ties,
    live,
    // A connector without a candidate member ties nothing: leaving it out of `kept` changes no slice.
    get kept() {
      return listKept();
    },
    get shown() {
      return listKept();
    },
    relations,
    shownTally: { partnerships, all: touched.length },
  };
}
