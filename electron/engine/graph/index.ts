// An in-memory index of the graph: organisations, connectors (partnerships and events) and their
// links, in flat arrays with integer indices. SQLite stays the source of truth; this is a cache
// rebuilt whenever the change log has moved on, so slices and ego networks never go to disk and
// never join text keys. At 50,000 organisations it loads in a few hundred milliseconds, once.
import type { Database } from 'better-sqlite3';

export interface Connector {
  id: string;
  type: 'partnership' | 'event';
  name: string;
  kind: string;
  startDate: string | null;
  endDate: string | null;
  startKey: string | null;
  endKey: string | null;
  focus: string[];
  synthetic: boolean;
  /** Members: organisation indices, with the role at the same position. */
  orgs: number[];
  roles: string[];
}

export interface RelationEdge {
  id: string;
  source: number;
  target: number;
  type: string;
  startDate: string | null;
  endDate: string | null;
  startKey: string | null;
  endKey: string | null;
}

export class GraphIndex {
  readonly ids: string[] = [];
  readonly index = new Map<string, number>();
  readonly name: string[] = [];
  readonly acronym: (string | null)[] = [];
  readonly sector: string[] = [];
  readonly country: (string | null)[] = [];
  readonly countryName: (string | null)[] = [];
  readonly region: (string | null)[] = [];
  readonly subRegion: (string | null)[] = [];
  readonly intermediateRegion: (string | null)[] = [];
  readonly synthetic: boolean[] = [];
  /** Tags as stored (JSON text); parsed only when a tag filter asks (see tagsOf). */
  readonly tagsJson: string[] = [];
  private readonly parsedTags = new Map<number, string[]>();
  /** Lower-cased "name\u0000acronym", for free-text filters. */
  readonly search: string[] = [];
  readonly connectors: Connector[] = [];
  readonly relations: RelationEdge[] = [];
  /** Per organisation: the connectors and relations it takes part in (for ego searches). */
  readonly orgConnectors: number[][] = [];
  readonly orgRelations: number[][] = [];

  constructor(readonly version: number) {}

  tagsOf(i: number): string[] {
    if (this.tagsJson[i] === '[]') return [];
    let t = this.parsedTags.get(i);
    if (!t) this.parsedTags.set(i, (t = JSON.parse(this.tagsJson[i]!) as string[]));
    return t;
  }

  static load(db: Database, version: number): GraphIndex {
    const g = new GraphIndex(version);
    type CountryRow = [string, string, string | null, string | null, string | null];
    const countries = new Map(
      (db.prepare(`SELECT code, name, region, sub_region, intermediate_region FROM country`).raw().all() as CountryRow[]).map(
        (c) => [c[0], c],
      ),
    );
    type OrgRow = [string, string, string | null, string, string | null, number, string];
    const orgs = db
      .prepare(`SELECT id, name, acronym, sector, country, synthetic, tags FROM organisation`)
      .raw()
      .all() as OrgRow[];
    for (const r of orgs) {
      const c = r[4] === null ? undefined : countries.get(r[4]);
      const i = g.ids.length;
      g.ids.push(r[0]);
      g.index.set(r[0], i);
      g.name.push(r[1]);
      g.acronym.push(r[2]);
      g.sector.push(r[3]);
      g.country.push(r[4]);
      g.synthetic.push(r[5] === 1);
      g.tagsJson.push(r[6]);
      g.countryName.push(c?.[1] ?? null);
      g.region.push(c?.[2] ?? null);
      g.subRegion.push(c?.[3] ?? null);
      g.intermediateRegion.push(c?.[4] ?? null);
      g.search.push(`${r[1]}\u0000${r[2] ?? ''}`.toLowerCase());
      g.orgConnectors.push([]);
      g.orgRelations.push([]);
    }
    g.loadConnectors(db, 'partnership', 'focus_areas', 'membership', 'partnership_id');
    g.loadConnectors(db, 'event', "'[]'", 'participation', 'event_id');
    type RelRow = [string, string, string, string, string | null, string | null, string | null, string | null];
    for (const r of db
      .prepare(`SELECT id, source_id, target_id, type, start_date, end_date, start_key, end_key FROM relation`)
      .raw()
      .all() as RelRow[]) {
      const source = g.index.get(r[1])!;
      const target = g.index.get(r[2])!;
      const k = g.relations.length;
      g.relations.push({ id: r[0], source, target, type: r[3], startDate: r[4], endDate: r[5], startKey: r[6], endKey: r[7] });
      g.orgRelations[source]!.push(k);
      g.orgRelations[target]!.push(k);
    }
    return g;
  }

  private loadConnectors(db: Database, table: 'partnership' | 'event', focus: string, linkTable: string, linkColumn: string) {
    type ConnRow = [string, string, string, string | null, string | null, string | null, string | null, string, number];
    const byId = new Map<string, number>();
    for (const r of db
      .prepare(`SELECT id, name, kind, start_date, end_date, start_key, end_key, ${focus}, synthetic FROM ${table}`)
      .raw()
      .all() as ConnRow[]) {
      byId.set(r[0], this.connectors.length);
      this.connectors.push({
        id: r[0],
        type: table,
        name: r[1],
        kind: r[2],
        startDate: r[3],
        endDate: r[4],
        startKey: r[5],
        endKey: r[6],
        focus: JSON.parse(r[7]) as string[],
        synthetic: r[8] === 1,
        orgs: [],
        roles: [],
      });
    }
    for (const [connId, orgId, role] of db
      .prepare(`SELECT ${linkColumn}, organisation_id, role FROM ${linkTable}`)
      .raw()
      .all() as [string, string, string][]) {
      const k = byId.get(connId)!;
      const o = this.index.get(orgId)!;
      const c = this.connectors[k]!;
      c.orgs.push(o);
      c.roles.push(role);
      this.orgConnectors[o]!.push(k);
    }
  }
}

/** Keeps one index per database, reloaded only when the change log has moved on. */
export class GraphIndexCache {
  private current: GraphIndex | null = null;
  private readonly versionStmt;

  constructor(private readonly db: Database) {
    this.versionStmt = db.prepare(`SELECT coalesce(max(seq), 0) FROM change`).pluck();
  }

  get(): GraphIndex {
    const version = this.versionStmt.get() as number;
    if (this.current?.version !== version) this.current = GraphIndex.load(this.db, version);
    return this.current;
  }
}
