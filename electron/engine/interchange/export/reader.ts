// The records an export writes, part by part. A scoped export has them in memory as a Bundle; a
// whole-network export reads each table while it writes it, so its 250,000 records are never all
// held at once (holding them cost more in garbage collection than reading them did).
import type { Database } from 'better-sqlite3';
import { TABLES, type RecordObject, type TableDef } from '../../store/tables';
import type { Bundle } from '../model/bundle';

export type Part = keyof Bundle;
export type RecordOf<K extends Part> = Bundle[K][number];
export type Dates = { startDate?: unknown; endDate?: unknown };

export interface BundleReader {
  count(part: Part): number;
  /** Ordered by id. Iterated synchronously to the end or broken off: a table reader holds a statement open. */
  records<K extends Part>(part: K): Iterable<RecordOf<K>>;
  /** Only the dates, for a writer that must know whether anything is dated before it writes. */
  dates(part: Part): Iterable<Dates>;
}

export const TABLE_OF: Record<Part, TableDef> = {
  organisations: TABLES.organisation,
  partnerships: TABLES.partnership,
  memberships: TABLES.membership,
  events: TABLES.event,
  participations: TABLES.participation,
  relations: TABLES.relation,
  sources: TABLES.source,
  citations: TABLES.citation,
  savedViews: TABLES.saved_view,
};

export function bundleReader(bundle: Bundle): BundleReader {
  return {
    count: (part) => bundle[part].length,
    records: (part) => bundle[part],
    dates: (part) => bundle[part] as Dates[],
  };
}

// Most tags and attributes are empty; recognising those skips a JSON.parse per row.
const parseJson = (text: string): unknown => (text === '[]' ? [] : text === '{}' ? {} : JSON.parse(text));

/** fromRow over raw rows (id, the columns in order, created_at, updated_at): arrays are cheaper to make than objects. */
function* decoded(def: TableDef, db: Database): Generator<RecordObject> {
  const cols = def.columns;
  const n = cols.length;
  // Named columns: `*` would also compute the generated date keys, which no export writes.
  const names = ['id', ...cols.map((c) => c.col), 'created_at', 'updated_at'].join(', ');
  const stmt = db.prepare(`SELECT ${names} FROM ${def.table} ORDER BY id`).raw();
  for (const row of stmt.iterate() as Iterable<unknown[]>) {
    const rec: RecordObject = { id: row[0] as string };
    for (let i = 0; i < n; i++) {
      const c = cols[i]!;
      const v = row[i + 1];
      rec[c.key] = c.kind === 'json' ? parseJson(v as string) : c.kind === 'bool' ? v === 1 : v;
    }
    rec.createdAt = row[n + 1];
    rec.updatedAt = row[n + 2];
    yield rec;
  }
}

/** Every record of the database, read table by table as a writer asks for them. */
export function tableReader(db: Database): BundleReader {
  return {
    count: (part) => db.prepare(`SELECT count(*) FROM ${TABLE_OF[part].table}`).pluck().get() as number,
    records: (part) => decoded(TABLE_OF[part], db) as Iterable<never>,
    dates: (part) => {
      const def = TABLE_OF[part];
      if (!def.columns.some((c) => c.col === 'start_date')) return [];
      return db.prepare(`SELECT start_date AS startDate, end_date AS endDate FROM ${def.table}`).iterate() as Iterable<Dates>;
    },
  };
}
