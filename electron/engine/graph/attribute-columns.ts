// Attribute values as columns of the graph index: what attribute filters test and facets count.
// A column is read from SQLite the first time a filter asks for it (json_each over the kind's
// table) and kept until the change log moves on (every write moves it), so it is read again only
// after a write. The graph service hands one to every index it builds.
import type { Database } from 'better-sqlite3';
import { categoriesOf, dateKeyOf, numberOf, type AttributeKind } from '../../../shared/attributes';
import { endBound, startBound } from '../../../shared/dates';
import type { AttributeFilter, Filters } from '../../../shared/schemas';

const TABLE: Record<AttributeKind, string> = {
  organisation: 'organisation',
  partnership: 'partnership',
  event: 'event',
  relation: 'relation',
};

function jsValue(value: unknown, type: string): unknown {
  if (type === 'true') return true;
  if (type === 'false') return false;
  if (type === 'array') return JSON.parse(value as string) as unknown;
  return value;
}

export class AttributeColumns {
  private readonly columns = new Map<string, Map<string, unknown>>();
  private readonly versionStmt;
  private version = -1;

  constructor(private readonly db: Database) {
    this.versionStmt = db.prepare(`SELECT coalesce(max(seq), 0) FROM change`).pluck();
  }

  private readonly cited = new Map<AttributeKind, ReadonlySet<string>>();

  private catchUp(): void {
    const version = this.versionStmt.get() as number;
    if (version !== this.version) {
      this.columns.clear();
      this.cited.clear();
      this.version = version;
    }
  }

  /**
   * The IDs of the kind's records that cite a source, for the filter of those that cite none.
   * Citations are no part of the graph index (a citation changes no tie), so they are read here,
   * like a column, and kept until the next write.
   */
  citing(kind: AttributeKind): ReadonlySet<string> {
    this.catchUp();
    let ids = this.cited.get(kind);
    if (!ids) {
      ids = new Set(this.db.prepare(`SELECT DISTINCT record_id FROM citation WHERE record_type = ?`).pluck().all(kind) as string[]);
      this.cited.set(kind, ids);
    }
    return ids;
  }

  /** Record ID → value, for the records of the kind that have one. */
  column(kind: AttributeKind, name: string): ReadonlyMap<string, unknown> {
    this.catchUp();
    const key = `${kind}\u0000${name}`;
    let col = this.columns.get(key);
    if (!col) {
      col = new Map();
      const rows = this.db
        .prepare(
          `SELECT t.id, j.value, j.type FROM ${TABLE[kind]} t, json_each(t.attributes) j
            WHERE t.attributes <> '{}' AND j.key = ? AND j.type NOT IN ('null', 'object')`,
        )
        .raw()
        .all(name) as [string, unknown, string][];
      for (const [id, value, type] of rows) col.set(id, jsValue(value, type));
      // A dozen columns at most are kept: filters rarely hold more, and a column is cheap to read again.
      if (this.columns.size >= 12) this.columns.delete(this.columns.keys().next().value!);
      this.columns.set(key, col);
    }
    return col;
  }
}

/** Whether one value passes one filter: any ticked value (a list by any item), or within the range. */
function valuePasses(f: AttributeFilter, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (f.values !== undefined) {
    const wanted = f.values;
    if (!categoriesOf(value).some((v) => wanted.includes(v))) return false;
  }
  const bound = f.min ?? f.max;
  if (bound === undefined) return true;
  if (typeof bound === 'number') {
    const n = numberOf(value);
    return n !== null && (typeof f.min !== 'number' || n >= f.min) && (typeof f.max !== 'number' || n <= f.max);
  }
  const key = dateKeyOf(value);
  if (key === null) return false;
  // Partial dates compare by the span they cover: 2019 is within [2019-03, 2019-06] only in part, and is kept.
  return (
    (typeof f.min !== 'string' || endBound(key.slice(0, 10)) >= startBound(f.min)) &&
    (typeof f.max !== 'string' || startBound(key.slice(0, 10)) <= endBound(f.max))
  );
}

export const attributeFiltersOf = (f: Filters, kind: AttributeKind): AttributeFilter[] =>
  (f.attributes ?? []).filter((a) => a.kind === kind);

/** A test over record IDs of one kind, or null when no attribute filter is on it. */
export function attributeTest(columns: AttributeColumns, f: Filters, kind: AttributeKind): ((id: string) => boolean) | null {
  const filters = attributeFiltersOf(f, kind);
  if (filters.length === 0) return null;
  const tests = filters.map((a) => ({ a, col: columns.column(kind, a.name) }));
  return (id) => tests.every(({ a, col }) => valuePasses(a, col.get(id)));
}
