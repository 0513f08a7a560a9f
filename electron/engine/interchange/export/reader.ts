// The records of a whole-network export, read from the database part by part: each table is read
// while it is written, so its 250,000 records are never all held at once (holding them cost more
// in garbage collection than reading them did).
import type { Database } from 'better-sqlite3';
import { TABLES, type RecordObject, type TableDef } from '../../store/tables';
import type { BundleReader, Dates, Part } from '../model/bundle';
import { DIRECTED_RELATION_SQL } from '../model/direction';

const TABLE_OF: Record<Part, TableDef> = {
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
    directedRelations: () => db.prepare(`SELECT count(*) FROM relation WHERE ${DIRECTED_RELATION_SQL}`).pluck().get() as number,
  };
}
