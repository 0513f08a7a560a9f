// Graph slices: the nodes and edges to draw for a set of filters. Nothing here is stored: ties are
// derived on each call from memberships, participations and direct relations, so they can never
// disagree with the records. Hot path for the explorer: raw rows, integer pair keys, no per-row
// object churn beyond what the output needs.
import type { Database, Statement } from 'better-sqlite3';
import type { GraphView } from '../../../shared/domain';
import type { Filters, GraphEdge, GraphNode, Slice } from '../../../shared/schemas';
import {
  connectorRule,
  eventWhere,
  hasOrganisationFilter,
  organisationWhere,
  partnershipWhere,
  relationWhere,
  type Sql,
} from './filters';

export interface SliceOptions {
  /** Only these organisations are candidates (the ego network passes the ones it reached). */
  restrictTo?: readonly string[];
  /** Kept even when no connector rule would keep it (the centre of an ego network). */
  alwaysKeep?: string;
}

interface Connector {
  id: string;
  type: 'partnership' | 'event';
  name: string;
  kind: string;
  startDate: string | null;
  endDate: string | null;
  startKey: string | null;
  endKey: string | null;
  synthetic: boolean;
  members: number[]; // indices of kept organisations
  links: { id: string; org: number; role: string }[];
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

const ORG_COLUMNS = `o.id, o.name, o.acronym, o.sector, o.country, o.synthetic, c.name,
  c.region, coalesce(c.intermediate_region, c.sub_region)`;
type OrgRow = [string, string, string | null, string, string | null, number, string | null, string | null, string | null];

export class SliceBuilder {
  private tieTotal: { version: number; ties: number } | null = null;
  private readonly versionStmt: Statement;

  constructor(private readonly db: Database) {
    this.versionStmt = db.prepare(`SELECT coalesce(max(seq), 0) FROM change`).pluck();
  }

  /** Ties in the whole network, cached until the next write. */
  totalTies(): number {
    const version = this.versionStmt.get() as number;
    if (this.tieTotal?.version !== version) {
      this.tieTotal = { version, ties: this.build({}, 'organisations', {}, false).edges.length };
    }
    return this.tieTotal.ties;
  }

  slice(filters: Filters, view: GraphView, opts: SliceOptions = {}): Slice {
    return this.build(filters, view, opts, true);
  }

  private build(filters: Filters, view: GraphView, opts: SliceOptions, withCounts: boolean): Slice {
    const db = this.db;
    const rule = connectorRule(filters);
    const orgSql = organisationWhere(filters);
    const orgFiltered = opts.restrictTo !== undefined || hasOrganisationFilter(filters);

    // 1. Candidate organisations.
    const scope = this.scopeFor(opts.restrictTo, orgSql);
    const orgRows = db
      .prepare(
        `SELECT ${ORG_COLUMNS} FROM organisation o LEFT JOIN country c ON c.code = o.country
         WHERE ${opts.restrictTo ? 'o.id IN (SELECT value FROM json_each(?))' : orgSql.where}`,
      )
      .raw()
      .all(...(opts.restrictTo ? [JSON.stringify(opts.restrictTo)] : orgSql.params)) as OrgRow[];
    const index = new Map<string, number>();
    orgRows.forEach((r, i) => index.set(r[0], i));
    const n = orgRows.length;

    // 2. Connectors that pass the filters, with their links to candidate organisations.
    const connectors: Connector[] = [];
    if (rule.partnerships) {
      this.collect(connectors, 'partnership', partnershipWhere(filters), scope, index, 'p', 'membership', 'partnership_id');
    }
    if (rule.events) {
      this.collect(connectors, 'event', eventWhere(filters), scope, index, 'e', 'participation', 'event_id');
    }
    type RelRow = [string, string, string, string, string | null, string | null, string | null, string | null];
    let relations: RelRow[] = [];
    if (rule.relations) {
      const r = relationWhere(filters);
      relations = db
        .prepare(
          `SELECT r.id, r.source_id, r.target_id, r.type, r.start_date, r.end_date, r.start_key, r.end_key
           FROM relation r WHERE ${r.where}
           ${scope ? `AND r.source_id IN (${scope.where}) AND r.target_id IN (${scope.where})` : ''}`,
        )
        .raw()
        .all(...r.params, ...(scope ? [...scope.params, ...scope.params] : [])) as RelRow[];
    }

    // 3. Which organisations stay: all candidates, or, while a connector filter is on, those that
    //    take part in a kept connector.
    const kept = new Uint8Array(n);
    if (!rule.active) kept.fill(1);
    else {
      for (const c of connectors) for (const m of c.members) kept[m] = 1;
      for (const r of relations) {
        kept[index.get(r[1])!] = 1;
        kept[index.get(r[2])!] = 1;
      }
    }
    if (opts.alwaysKeep !== undefined && index.has(opts.alwaysKeep)) kept[index.get(opts.alwaysKeep)!] = 1;

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
    for (const c of connectors) {
      const m = c.members;
      for (let i = 0; i < m.length; i++) {
        for (let j = i + 1; j < m.length; j++) {
          const t = tie(m[i]!, m[j]!);
          if (c.type === 'partnership') t.partnerships++;
          else t.events++;
          stretch(t, c.startDate, c.startKey, c.endDate, c.endKey);
        }
      }
    }
    const keptRelations = relations.filter((r) => kept[index.get(r[1])!] && kept[index.get(r[2])!]);
    for (const r of keptRelations) {
      const t = tie(index.get(r[1])!, index.get(r[2])!);
      t.relations++;
      stretch(t, r[4], r[6], r[5], r[7]);
    }

    // 5. Output.
    const nodes: GraphNode[] = [];
    for (let i = 0; i < n; i++) {
      if (!kept[i]) continue;
      const r = orgRows[i]!;
      nodes.push({
        id: r[0],
        type: 'organisation',
        label: r[2] || r[1],
        name: r[1],
        acronym: r[2],
        sector: r[3] as GraphNode['sector'],
        kind: null,
        country: r[4],
        countryName: r[6],
        region: r[7],
        subRegion: r[8],
        startDate: null,
        endDate: null,
        synthetic: r[5] === 1,
      });
    }
    const shownConnectors = connectors.filter((c) => c.members.length > 0 || !orgFiltered);
    const edges: GraphEdge[] = [];
    if (view === 'organisations') {
      for (const t of ties.values()) {
        const a = orgRows[t.a]![0];
        const b = orgRows[t.b]![0];
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
      for (const c of shownConnectors) {
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
        for (const l of c.links) {
          if (!kept[l.org]) continue;
          const isP = c.type === 'partnership';
          edges.push({
            id: `${isP ? 'm' : 'p'}:${l.id}`,
            source: orgRows[l.org]![0],
            target: c.id,
            type: isP ? 'membership' : 'participation',
            weight: 1,
            partnerships: isP ? 1 : 0,
            events: isP ? 0 : 1,
            relations: 0,
            role: l.role,
            firstDate: c.startDate,
            lastDate: c.endDate ?? c.startDate,
          });
        }
      }
      for (const r of keptRelations) {
        edges.push({
          id: `r:${r[0]}`,
          source: r[1],
          target: r[2],
          type: 'relation',
          weight: 1,
          partnerships: 0,
          events: 0,
          relations: 1,
          role: r[3],
          firstDate: r[4],
          lastDate: r[5] ?? r[4],
        });
      }
    }

    const total = (table: string) => (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);
    const counts = withCounts
      ? {
          organisations: { shown: nodes.filter((x) => x.type === 'organisation').length, total: total('organisation') },
          ties: { shown: ties.size, total: this.totalTies() },
          partnerships: { shown: shownConnectors.filter((c) => c.type === 'partnership').length, total: total('partnership') },
          events: { shown: shownConnectors.filter((c) => c.type === 'event').length, total: total('event') },
          relations: { shown: keptRelations.length, total: total('relation') },
        }
      : zeroCounts();
    return { view, nodes, edges, counts };
  }

  /** SQL for "organisation IDs that are candidates", or null when every organisation is. */
  private scopeFor(restrictTo: readonly string[] | undefined, orgSql: Sql): Sql | null {
    if (restrictTo) return { where: 'SELECT value FROM json_each(?)', params: [JSON.stringify(restrictTo)] };
    if (orgSql.where === '1') return null;
    return {
      where: `SELECT o.id FROM organisation o LEFT JOIN country c ON c.code = o.country WHERE ${orgSql.where}`,
      params: orgSql.params,
    };
  }

  private collect(
    out: Connector[],
    type: 'partnership' | 'event',
    filter: Sql,
    scope: Sql | null,
    index: Map<string, number>,
    alias: string,
    linkTable: string,
    linkColumn: string,
  ): void {
    const table = type;
    type ConnRow = [string, string, string, string | null, string | null, string | null, string | null, number];
    const rows = this.db
      .prepare(
        `SELECT ${alias}.id, ${alias}.name, ${alias}.kind, ${alias}.start_date, ${alias}.end_date,
                ${alias}.start_key, ${alias}.end_key, ${alias}.synthetic
         FROM ${table} ${alias} WHERE ${filter.where}`,
      )
      .raw()
      .all(...filter.params) as ConnRow[];
    const byId = new Map<string, Connector>();
    for (const r of rows) {
      const c: Connector = {
        id: r[0],
        type,
        name: r[1],
        kind: r[2],
        startDate: r[3],
        endDate: r[4],
        startKey: r[5],
        endKey: r[6],
        synthetic: r[7] === 1,
        members: [],
        links: [],
      };
      byId.set(c.id, c);
      out.push(c);
    }
    if (byId.size === 0) return;
    type LinkRow = [string, string, string, string];
    const links = this.db
      .prepare(
        `SELECT l.id, l.${linkColumn}, l.organisation_id, l.role FROM ${linkTable} l
         JOIN ${table} ${alias} ON ${alias}.id = l.${linkColumn}
         WHERE ${filter.where} ${scope ? `AND l.organisation_id IN (${scope.where})` : ''}`,
      )
      .raw()
      .all(...filter.params, ...(scope?.params ?? [])) as LinkRow[];
    for (const l of links) {
      const org = index.get(l[2]);
      const c = byId.get(l[1]);
      if (org === undefined || !c) continue;
      c.members.push(org);
      c.links.push({ id: l[0], org, role: l[3] });
    }
  }
}

function zeroCounts() {
  const z = { shown: 0, total: 0 };
  return { organisations: z, ties: z, partnerships: z, events: z, relations: z };
}
