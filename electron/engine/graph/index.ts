// An in-memory index of the graph: organisations, connectors (partnerships and events) and their
// links, in flat arrays with integer indices. SQLite stays the source of truth; this is a cache
// built once per open and then changed in place by each committed write (`apply`, told by the
// Writer through the graph service), so slices and ego networks never go to disk and never join
// text keys. Its build time is a row of `npm run bench -- --only engine`.
//
// Positions are not rowid order once writes have been applied: a deleted organisation, connector
// or relation gives its place to the last one, and new partnerships come after events. Nothing
// reads meaning into the order; the property test (test/engine/index-update.test.ts) compares an
// updated index with a fresh one by IDs.
import type { Database } from 'better-sqlite3';
import type { RecordWrite } from '../store/writer';
import type { AttributeColumns } from './attribute-columns';
import type { RecordObject } from '../store/tables';
import { endBound, startBound } from '../../../shared/dates';

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

type CountryRow = [string, string, string | null, string | null, string | null];

/** Told of each tie a write adds or takes away, for whoever counts the whole network's ties (the graph service). */
export interface TieChanges {
  add(kind: 'partnerships' | 'events' | 'relations', x: number, y: number, by: 1 | -1): void;
  /** Organisation `from` now sits at `to` (a delete moved the last one into the freed place); its partners as given. */
  move(from: number, to: number, partners: Iterable<number>): void;
}

/** Told how far a build has got, in hundredths (the window shows "Preparing the network… N%"). */
export type BuildProgress = (percent: number) => void;

/** Thrown when a write does not fit the index (it then is rebuilt from SQLite). */
export class IndexMismatch extends Error {}

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
  private connectorAt: Map<string, number> | null = null;
  private relationAt: Map<string, number> | null = null;
  private countries = new Map<string, CountryRow>();
  /** Bumped by every applied write, so caches derived from the index (search, facets) know to go. */
  revision = 0;

  /** Told of each write `apply` takes, before the index changes (the search box's list follows them: search.ts). */
  follower: ((w: RecordWrite) => void) | null = null;

  /** Attribute values, read column by column as filters ask (attribute-columns.ts); the graph service sets it. */
  attributes: AttributeColumns | null = null;

  constructor(public version: number) {}

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

  /**
   * Changes the index as one committed write changed the records, in time proportional to what
   * it touched; `ties` hears of every tie added or taken. Throws IndexMismatch when the write does
   * not fit what the index holds (then the caller rebuilds).
   */
  apply(w: RecordWrite, ties: TieChanges | null): void {
    this.revision++;
    this.follower?.(w);
    switch (w.type) {
      case 'organisation':
        if (w.before && w.after) this.setOrganisation(this.orgOf(w.before.id), w.after);
        else if (w.after) this.addOrganisation(w.after);
        else this.removeOrganisation(this.orgOf(w.before!.id), ties);
        return;
      case 'partnership':
      case 'event':
        if (w.before && w.after) this.setConnector(this.connectors[this.connectorOf(w.before.id)]!, w.after);
        else if (w.after) this.addConnector(w.type, w.after);
        else this.removeConnector(this.connectorOf(w.before!.id));
        return;
      case 'membership':
      case 'participation': {
        const key = w.type === 'membership' ? 'partnershipId' : 'eventId';
        if (w.before) this.unlink(this.connectorOf(w.before[key] as string), this.orgOf(w.before.organisationId as string), ties);
        if (w.after)
          this.link(this.connectorOf(w.after[key] as string), this.orgOf(w.after.organisationId as string), w.after.role as string, ties);
        return;
      }
      case 'relation': {
        const k = w.before ? this.relationOf(w.before.id) : null;
        if (k !== null) this.removeRelation(k, ties, w.after !== null);
        if (w.after) this.addRelation(w.after, ties, k);
        return;
      }
      default:
        return;
    }
  }

  private orgOf(id: string): number {
    const i = this.index.get(id);
    if (i === undefined) throw new IndexMismatch(`organisation ${id} is not in the index`);
    return i;
  }

  private connectorOf(id: string): number {
    this.connectorAt ??= new Map(this.connectors.map((c, k) => [c.id, k]));
    const k = this.connectorAt.get(id);
    if (k === undefined) throw new IndexMismatch(`connector ${id} is not in the index`);
    return k;
  }

  private relationOf(id: string): number {
    this.relationAt ??= new Map(this.relations.map((r, k) => [r.id, k]));
    const k = this.relationAt.get(id);
    if (k === undefined) throw new IndexMismatch(`relation ${id} is not in the index`);
    return k;
  }

  private addOrganisation(rec: RecordObject): void {
    const i = this.ids.length;
    this.ids.push(rec.id);
    this.name.push('');
    this.acronym.push(null);
    this.sector.push('');
    this.country.push(null);
    this.countryName.push(null);
    this.region.push(null);
    this.subRegion.push(null);
    this.intermediateRegion.push(null);
    this.synthetic.push(false);
    this.tagsJson.push('[]');
    this.lookup?.set(rec.id, i);
    this.lowered?.push('');
    this.byOrg?.connectors.push([]);
    this.byOrg?.relations.push([]);
    this.setOrganisation(i, rec);
  }

  private setOrganisation(i: number, rec: RecordObject): void {
    this.name[i] = rec.name as string;
    this.acronym[i] = (rec.acronym as string | null) ?? null;
    this.sector[i] = rec.sector as string;
    this.placeOf(i, (rec.country as string | null) ?? null);
    this.synthetic[i] = rec.synthetic === true;
    this.tagsJson[i] = JSON.stringify(rec.tags ?? []);
    if (this.lowered) this.lowered[i] = `${this.name[i]}\u0000${this.acronym[i] ?? ''}`.toLowerCase();
  }

  /** An organisation goes once its links have (the Writer deletes dependents first); the last one takes its place. */
  private removeOrganisation(i: number, ties: TieChanges | null): void {
    const inc = this.incidence();
    if (inc.connectors[i]!.length || inc.relations[i]!.length) throw new IndexMismatch('an organisation deleted with its links');
    const gone = this.ids[i]!;
    const last = this.ids.length - 1;
    const columns = this.orgColumns();
    if (i !== last) {
      const partners = new Set<number>();
      for (const k of inc.connectors[last]!) for (const o of this.connectors[k]!.orgs) if (o !== last) partners.add(o);
      for (const k of inc.relations[last]!) {
        const r = this.relations[k]!;
        partners.add(r.source === last ? r.target : r.source);
      }
      ties?.move(last, i, partners);
      for (const k of inc.connectors[last]!) {
        const orgs = this.connectors[k]!.orgs;
        orgs[orgs.indexOf(last)] = i;
      }
      for (const k of inc.relations[last]!) {
        const r = this.relations[k]!;
        if (r.source === last) r.source = i;
        else r.target = i;
      }
      inc.connectors[i] = inc.connectors[last]!;
      inc.relations[i] = inc.relations[last]!;
      for (const column of columns) column[i] = column[last];
      if (this.lowered) this.lowered[i] = this.lowered[last]!;
      this.lookup?.set(this.ids[i]!, i);
    }
    this.lookup?.delete(gone);
    for (const column of columns) column.pop();
    this.lowered?.pop();
    inc.connectors.pop();
    inc.relations.pop();
  }

  private orgColumns(): unknown[][] {
    return [
      this.ids,
      this.name,
      this.acronym,
      this.sector,
      this.country,
      this.countryName,
      this.region,
      this.subRegion,
      this.intermediateRegion,
      this.synthetic,
      this.tagsJson,
    ];
  }

  private addConnector(type: 'partnership' | 'event', rec: RecordObject): void {
    const k = this.connectors.length;
    const c: Connector = {
      id: rec.id,
      type,
      name: '',
      kind: '',
      startDate: null,
      endDate: null,
      startKey: null,
      endKey: null,
      focus: [],
      synthetic: false,
      orgs: [],
      roles: [],
    };
    this.connectors.push(c);
    this.connectorAt?.set(rec.id, k);
    this.setConnector(c, rec);
  }

  private setConnector(c: Connector, rec: RecordObject): void {
    c.name = rec.name as string;
    c.kind = rec.kind as string;
    c.startDate = (rec.startDate as string | null) ?? null;
    c.endDate = (rec.endDate as string | null) ?? null;
    c.startKey = c.startDate === null ? null : startBound(c.startDate);
    // As the end_key columns say: an event without an end ends the day it starts (at the latest).
    const end = c.type === 'event' ? (c.endDate ?? c.startDate) : c.endDate;
    c.endKey = end === null ? null : endBound(end);
    c.focus = c.type === 'partnership' ? [...((rec.focusAreas as string[] | undefined) ?? [])] : [];
    c.synthetic = rec.synthetic === true;
  }

  /** A connector goes once its links have; the last one takes its place. */
  private removeConnector(k: number): void {
    const gone = this.connectors[k]!;
    if (gone.orgs.length) throw new IndexMismatch('a connector deleted with its links');
    const last = this.connectors.length - 1;
    if (k !== last) {
      const moved = this.connectors[last]!;
      this.connectors[k] = moved;
      this.connectorAt?.set(moved.id, k);
      if (this.byOrg) for (const o of moved.orgs) renumber(this.byOrg.connectors[o]!, last, k);
    }
    this.connectors.pop();
    this.connectorAt?.delete(gone.id);
  }

  private link(k: number, o: number, role: string, ties: TieChanges | null): void {
    const c = this.connectors[k]!;
    if (c.orgs.includes(o)) throw new IndexMismatch('a link the index already has');
    const kind = c.type === 'partnership' ? 'partnerships' : 'events';
    if (ties) for (const m of c.orgs) ties.add(kind, o, m, 1);
    c.orgs.push(o);
    c.roles.push(role);
    if (this.byOrg) insertSorted(this.byOrg.connectors[o]!, k);
  }

  private unlink(k: number, o: number, ties: TieChanges | null): void {
    const c = this.connectors[k]!;
    const at = c.orgs.indexOf(o);
    if (at < 0) throw new IndexMismatch('a link the index does not have');
    c.orgs.splice(at, 1);
    c.roles.splice(at, 1);
    const kind = c.type === 'partnership' ? 'partnerships' : 'events';
    if (ties) for (const m of c.orgs) ties.add(kind, o, m, -1);
    if (this.byOrg) removeSorted(this.byOrg.connectors[o]!, k);
  }

  /** A relation's place `k` is given (an edit keeps it), or it comes last. */
  private addRelation(rec: RecordObject, ties: TieChanges | null, k: number | null): void {
    const startDate = (rec.startDate as string | null) ?? null;
    const endDate = (rec.endDate as string | null) ?? null;
    const r: RelationEdge = {
      id: rec.id,
      source: this.orgOf(rec.sourceId as string),
      target: this.orgOf(rec.targetId as string),
      type: rec.type as string,
      startDate,
      endDate,
      startKey: startDate === null ? null : startBound(startDate),
      endKey: endDate === null ? null : endBound(endDate),
    };
    const at = k ?? this.relations.length;
    this.relations[at] = r;
    this.relationAt?.set(r.id, at);
    ties?.add('relations', r.source, r.target, 1);
    if (this.byOrg) {
      insertSorted(this.byOrg.relations[r.source]!, at);
      insertSorted(this.byOrg.relations[r.target]!, at);
    }
  }

  /** Takes a relation out; unless `keepPlace` (an edit, re-added at once), the last one takes its place. */
  private removeRelation(k: number, ties: TieChanges | null, keepPlace: boolean): void {
    const r = this.relations[k]!;
    ties?.add('relations', r.source, r.target, -1);
    if (this.byOrg) {
      removeSorted(this.byOrg.relations[r.source]!, k);
      removeSorted(this.byOrg.relations[r.target]!, k);
    }
    this.relationAt?.delete(r.id);
    if (keepPlace) return;
    const last = this.relations.length - 1;
    if (k !== last) {
      const moved = this.relations[last]!;
      this.relations[k] = moved;
      this.relationAt?.set(moved.id, k);
      if (this.byOrg) {
        renumber(this.byOrg.relations[moved.source]!, last, k);
        renumber(this.byOrg.relations[moved.target]!, last, k);
      }
    }
    this.relations.pop();
  }

  /** The country table (names and regions by code), which organisations take their places from. */
  readCountries(db: Database): ReadonlyMap<string, CountryRow> {
    this.countries = new Map(
      (db.prepare(`SELECT code, name, region, sub_region, intermediate_region FROM country`).raw().all() as CountryRow[]).map((c) => [
        c[0],
        c,
      ]),
    );
    return this.countries;
  }

  /** An organisation's country and the places that follow from it. */
  placeOf(i: number, code: string | null): void {
    const c = code === null ? undefined : this.countries.get(code);
    this.country[i] = code;
    this.countryName[i] = c?.[1] ?? null;
    this.region[i] = c?.[2] ?? null;
    this.subRegion[i] = c?.[3] ?? null;
    this.intermediateRegion[i] = c?.[4] ?? null;
  }

  // Links and relations are read as rowids joined in SQLite rather than as IDs looked up here: a
  // quarter of a million UUID strings made and hashed was most of the load. CROSS JOIN keeps the
  // link table as the outer loop, so members come in the order they were stored, as before.
  static load(db: Database, version: number, progress: BuildProgress = () => {}): GraphIndex {
    progress(0);
    const g = new GraphIndex(version);
    const countries = g.readCountries(db);
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
    progress(20);
    g.loadConnectors(db, orgAt, one, 'partnership', 'focus_areas', 'membership', 'partnership_id');
    progress(35);
    g.loadConnectors(db, orgAt, one, 'event', "'[]'", 'participation', 'event_id');
    progress(50);
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
    progress(90);
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

/** Incidence lists stay sorted, as a fresh build makes them (walks visit connectors in that order). */
function insertSorted(list: number[], k: number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < k) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, k);
}

function removeSorted(list: number[], k: number): void {
  const at = list.indexOf(k);
  if (at < 0) throw new IndexMismatch('an incidence the index does not have');
  list.splice(at, 1);
}

function renumber(list: number[], from: number, to: number): void {
  removeSorted(list, from);
  insertSorted(list, to);
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

/**
 * Keeps one index per database: built on first use, then changed in place by each committed write
 * (`committed`), and rebuilt only when the change log moved without it (another process wrote, an
 * import too large to follow, or a write the index could not take).
 */
export class GraphIndexCache {
  private current: GraphIndex | null = null;
  private readonly versionStmt;

  constructor(
    db: Database,
    /** Builds the index as of the log's place `version` (from SQLite, or a persisted copy caught up). */
    private readonly build: (version: number) => GraphIndex = (version) => GraphIndex.load(db, version),
  ) {
    this.versionStmt = db.prepare(`SELECT coalesce(max(seq), 0) FROM change`).pluck();
  }

  get(): GraphIndex {
    const version = this.versionStmt.get() as number;
    if (this.current?.version !== version) {
      this.current = null; // let the old one go before the new one is built
      this.current = this.build(version);
    }
    return this.current;
  }

  /** The index if built, whatever its version. */
  built(): GraphIndex | null {
    return this.current;
  }

  /** The index if it is built and current as of the log's place `version`, else null. */
  at(version: number): GraphIndex | null {
    return this.current?.version === version ? this.current : null;
  }

  /** Forgets the index; the next `get` builds it again. */
  drop(): void {
    this.current = null;
  }
}
