// An in-memory index of the graph: organisations, connectors (partnerships and events) and their
// links, in flat arrays with integer indices. SQLite stays the source of truth; this is a cache
// rebuilt whenever the change log has moved on, so slices and ego networks never go to disk and
// never join text keys. Its build time is a row of `npm run bench -- --only engine`.
import type { Database } from 'better-sqlite3';
import { AttributeColumns } from './attribute-columns';

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
  readonly name: string[] = [];
  readonly acronym: (string | null)[] = [];
  readonly sector: string[] = [];
  readonly country: (string | null)[] = [];
  readonly countryName: (string | null)[] = [];
  readonly region: (string | null)[] = [];
  readonly subRegion: (string | null)[] = [];
  readonly intermediateRegion: (string | null)[] = [];
  readonly synthetic: boolean[] = [];
  /** Tags as stored (JSON text); parsed only when asked (see tagsOf). */
  readonly tagsJson: string[] = [];
  /** Parsed once per distinct text: organisations share a handful of tag lists. */
  private readonly parsedTags = new Map<string, readonly string[]>();
  readonly connectors: Connector[] = [];
  readonly relations: RelationEdge[] = [];
  // Derived on first use: the window's first slice needs none of them, and at 50,000 organisations
  // they cost a fifth of the load (a hundred thousand small arrays, fifty thousand strings).
  private lookup: Map<string, number> | null = null;
  private lowered: string[] | null = null;
  private byOrg: { connectors: number[][]; relations: number[][] } | null = null;

  /** Attribute values, read column by column as filters ask (attribute-columns.ts). */
  attributes: AttributeColumns | null = null;

  constructor(readonly version: number) {}

  /** Organisation ID → index. */
  get index(): ReadonlyMap<string, number> {
    if (!this.lookup) this.lookup = new Map(this.ids.map((id, i) => [id, i]));
    return this.lookup;
  }

  /** Lower-cased "name\u0000acronym", for free-text filters. */
  get search(): readonly string[] {
    this.lowered ??= this.name.map((n, i) => `${n}\u0000${this.acronym[i] ?? ''}`.toLowerCase());
    return this.lowered;
  }

  /** Per organisation: the connectors it takes part in (for ego searches). */
  get orgConnectors(): readonly number[][] {
    return this.incidence().connectors;
  }

  /** Per organisation: the direct relations it takes part in. */
  get orgRelations(): readonly number[][] {
    return this.incidence().relations;
  }

  tagsOf(i: number): readonly string[] {
    const json = this.tagsJson[i]!;
    let t = this.parsedTags.get(json);
    if (!t) this.parsedTags.set(json, (t = JSON.parse(json) as string[]));
    return t;
  }

  private incidence(): { connectors: number[][]; relations: number[][] } {
    if (!this.byOrg) {
      const connectors = this.ids.map((): number[] => []);
      const relations = this.ids.map((): number[] => []);
      this.connectors.forEach((c, k) => {
        for (const o of c.orgs) connectors[o]!.push(k);
      });
      this.relations.forEach((r, k) => {
        relations[r.source]!.push(k);
        relations[r.target]!.push(k);
      });
      this.byOrg = { connectors, relations };
    }
    return this.byOrg;
  }

  // Links and relations are read as rowids joined in SQLite rather than as IDs looked up here: a
  // quarter of a million UUID strings made and hashed was most of the load. CROSS JOIN keeps the
  // link table as the outer loop, so members come in the order they were stored, as before.
  static load(db: Database, version: number): GraphIndex {
    const g = new GraphIndex(version);
    g.attributes = new AttributeColumns(db);
    type CountryRow = [string, string, string | null, string | null, string | null];
    const countries = new Map(
      (db.prepare(`SELECT code, name, region, sub_region, intermediate_region FROM country`).raw().all() as CountryRow[]).map((c) => [
        c[0],
        c,
      ]),
    );
    type OrgRow = [number, string, string, string | null, string, string | null, number, string];
    const orgs = db
      .prepare(`SELECT rowid, id, name, acronym, sector, country, synthetic, tags FROM organisation ORDER BY rowid`)
      .raw()
      .all() as OrgRow[];
    const orgAt = positions(orgs);
    const one = interner();
    for (const r of orgs) {
      const c = r[5] === null ? undefined : countries.get(r[5]);
      g.ids.push(r[1]);
      g.name.push(r[2]);
      g.acronym.push(r[3]);
      g.sector.push(one(r[4]));
      g.country.push(one(r[5]));
      g.synthetic.push(r[6] === 1);
      g.tagsJson.push(one(r[7]));
      g.countryName.push(c?.[1] ?? null);
      g.region.push(c?.[2] ?? null);
      g.subRegion.push(c?.[3] ?? null);
      g.intermediateRegion.push(c?.[4] ?? null);
    }
    g.loadConnectors(db, orgAt, one, 'partnership', 'focus_areas', 'membership', 'partnership_id');
    g.loadConnectors(db, orgAt, one, 'event', "'[]'", 'participation', 'event_id');
    type RelRow = [string, number, number, string, string | null, string | null, string | null, string | null];
    for (const r of db
      .prepare(
        `SELECT r.id, s.rowid, t.rowid, r.type, r.start_date, r.end_date, r.start_key, r.end_key
           FROM relation r CROSS JOIN organisation s ON s.id = r.source_id CROSS JOIN organisation t ON t.id = r.target_id`,
      )
      .raw()
      .all() as RelRow[]) {
      g.relations.push({
        id: r[0],
        source: orgAt[r[1]]!,
        target: orgAt[r[2]]!,
        type: one(r[3]),
        startDate: one(r[4]),
        endDate: one(r[5]),
        startKey: one(r[6]),
        endKey: one(r[7]),
      });
    }
    return g;
  }

  private loadConnectors(
    db: Database,
    orgAt: Int32Array,
    one: Interner,
    table: 'partnership' | 'event',
    focus: string,
    linkTable: string,
    linkColumn: string,
  ) {
    type ConnRow = [number, string, string, string, string | null, string | null, string | null, string | null, string, number];
    const rows = db
      .prepare(`SELECT rowid, id, name, kind, start_date, end_date, start_key, end_key, ${focus}, synthetic FROM ${table} ORDER BY rowid`)
      .raw()
      .all() as ConnRow[];
    const first = this.connectors.length;
    const at = positions(rows);
    const focusOf = new Map<string, string[]>();
    for (const r of rows) {
      let focus = focusOf.get(r[8]);
      if (!focus) focusOf.set(r[8], (focus = JSON.parse(r[8]) as string[]));
      this.connectors.push({
        id: r[1],
        type: table,
        name: r[2],
        kind: one(r[3]),
        startDate: one(r[4]),
        endDate: one(r[5]),
        startKey: one(r[6]),
        endKey: one(r[7]),
        focus,
        synthetic: r[9] === 1,
        orgs: [],
        roles: [],
      });
    }
    for (const [connRow, orgRow, role] of db
      .prepare(
        `SELECT c.rowid, o.rowid, l.role FROM ${linkTable} l
           CROSS JOIN ${table} c ON c.id = l.${linkColumn} CROSS JOIN organisation o ON o.id = l.organisation_id`,
      )
      .raw()
      .all() as [number, number, string][]) {
      const c = this.connectors[first + at[connRow]!]!;
      c.orgs.push(orgAt[orgRow]!);
      c.roles.push(one(role));
    }
  }
}

type Interner = <T extends string | null>(s: T) => T;

/**
 * One kept copy per distinct value. Rows repeat a few values (sectors, countries, roles, dates)
 * tens of thousands of times, and every string kept from a row is copied by each garbage collection
 * the load triggers; a copy that is dropped at once costs nothing.
 */
function interner(): Interner {
  const seen = new Map<string, string>();
  return <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const kept = seen.get(s);
    if (kept !== undefined) return kept as T;
    seen.set(s, s);
    return s;
  };
}

/** Rowid → position in `rows` (which come in rowid order). */
function positions(rows: readonly [number, ...unknown[]][]): Int32Array {
  const at = new Int32Array(rows.length ? rows[rows.length - 1]![0] + 1 : 0);
  rows.forEach((r, i) => (at[r[0]] = i));
  return at;
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
