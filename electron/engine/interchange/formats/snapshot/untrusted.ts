// A snapshot is an SQLite file from someone else's laptop, and SQLite runs what a file's schema
// says: a view named like one of our tables, a trigger, a generated column or a CHECK can make
// reading one row cost forever (a recursive view yielding rows without end hung the engine at
// 3 GB). So, as SQLite's "Defense against the dark arts" (sqlite.org/security.html) advises, such a
// file is opened read-only with trusted_schema off and defensive mode on, and its whole schema is
// compared with the one this app writes for the file's version, entry by entry and word for word,
// before a single row is read. Reading is then bounded too (see readRows): better-sqlite3 has no
// progress handler, so rows are read one at a time and the loop checks between them.
import Database from 'better-sqlite3';
import { AtlasError } from '../../../../../shared/errors';
import { MIGRATIONS } from '../../../db/migrations/index';
import { TABLES, type Column } from '../../../store/tables';

interface SchemaEntry {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** A refusal that names the file and what is wrong with it, the way the window shows it. */
export const refuseSnapshot = (name: string, problem: string) =>
  new AtlasError('validation', `${name} cannot be read as a snapshot: ${problem}. Nothing was changed.`, 'path');

/** Opens a file from elsewhere so that nothing in it runs and nothing is written. */
export function openUntrusted(path: string, name: string, nativeBinding?: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    throw refuseSnapshot(name, `it cannot be opened (${(err as Error).message})`);
  }
  try {
    // Defensive mode is better-sqlite3's default; saying so keeps it on whatever changes there.
    db.unsafeMode(false);
    db.pragma('trusted_schema = OFF');
    db.pragma('query_only = ON');
    db.pragma('cell_size_check = ON');
    db.pragma('mmap_size = 0');
    return db;
  } catch (err) {
    db.close();
    throw refuseSnapshot(name, describeSqliteError(err));
  }
}

/** What SQLite's complaint about a damaged file means to a person. */
function describeSqliteError(err: unknown): string {
  const message = (err as Error).message ?? String(err);
  if (/file is not a database|file is encrypted/i.test(message)) return 'it is not an SQLite database, or it is encrypted';
  if (/malformed|corrupt/i.test(message)) return `the file is damaged (SQLite: ${message})`;
  return `SQLite could not read it (${message})`;
}

const expectedByVersion = new Map<number, Map<string, SchemaEntry>>();

/** The schema this app writes at `version`, made by running the migrations in memory once. */
function expectedSchema(version: number, resourcesDir: string): Map<string, SchemaEntry> {
  let expected = expectedByVersion.get(version);
  if (!expected) {
    const db = new Database(':memory:');
    try {
      db.transaction(() => {
        for (let v = 0; v < version; v++) MIGRATIONS[v]!.up(db, { resourcesDir });
      })();
      expected = new Map(schemaOf(db).map((e) => [key(e), e]));
    } finally {
      db.close();
    }
    expectedByVersion.set(version, expected);
  }
  return expected;
}

const key = (e: SchemaEntry) => `${e.type} ${e.name}`;
const normalised = (sql: string | null) => (sql === null ? null : sql.replace(/\s+/g, ' ').trim());
const schemaOf = (db: Database.Database) => db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema').all() as SchemaEntry[];

/** Statistics ANALYZE leaves: they steer the query planner only, and are allowed. */
const PLANNER_TABLES = new Set(['sqlite_stat1', 'sqlite_stat4']);

/**
 * Checks the file's version and its schema against the one this app writes at that version, and
 * returns the version. Any view or trigger, any table or index that is not ours, any of ours that
 * is missing or defined otherwise refuses the file, before any row is read.
 */
export function checkSnapshotSchema(db: Database.Database, name: string, resourcesDir: string): number {
  let version: number;
  let entries: SchemaEntry[];
  try {
    version = db.pragma('user_version', { simple: true }) as number;
    entries = schemaOf(db);
  } catch (err) {
    throw refuseSnapshot(name, describeSqliteError(err));
  }
  if (version > MIGRATIONS.length) {
    throw new AtlasError(
      'newer_version',
      `${name} was written by a newer version of Stakeholder Atlas (schema ${version}; this version knows up to ` +
        `${MIGRATIONS.length}). Update the app to import it; nothing was changed.`,
      'path',
    );
  }
  if (version === 0 || entries.length === 0) {
    throw refuseSnapshot(name, 'it is an SQLite database, but not one Stakeholder Atlas wrote (it has no Atlas schema version)');
  }
  const expected = expectedSchema(version, resourcesDir);
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.type === 'table' && PLANNER_TABLES.has(e.name)) continue;
    if (e.type === 'view' || e.type === 'trigger') {
      throw refuseSnapshot(name, `it holds a ${e.type} named '${e.name}', and a snapshot has none (it would run code when read)`);
    }
    const want = expected.get(key(e));
    if (!want)
      throw refuseSnapshot(name, `it holds ${e.type === 'index' ? 'an index' : `a ${e.type}`} '${e.name}' that a snapshot does not have`);
    if (want.tbl_name !== e.tbl_name || normalised(want.sql) !== normalised(e.sql)) {
      throw refuseSnapshot(name, `its ${e.type} '${e.name}' is not defined as Stakeholder Atlas defines it`);
    }
    seen.add(key(e));
  }
  for (const [k, e] of expected) {
    // An index may be missing (reading is only slower); a table may not.
    if (!seen.has(k) && e.type === 'table') throw refuseSnapshot(name, `it has no '${e.name}' table`);
  }
  try {
    const problems = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
    if (problems.length && problems[0]!.quick_check !== 'ok') {
      throw refuseSnapshot(name, `the file is damaged (SQLite's check: ${problems.map((p) => p.quick_check).join('; ')})`);
    }
    if (version === MIGRATIONS.length) checkCells(db, name);
  } catch (err) {
    if (err instanceof AtlasError) throw err;
    throw refuseSnapshot(name, describeSqliteError(err));
  }
  return version;
}

/** An SQL test that is 1 when a column's value is not of its kind (CASE, so JSON is parsed only when it is text). */
function wrongKind(c: Pick<Column, 'col' | 'kind' | 'empty'>): string {
  const q = `"${c.col}"`;
  if (c.kind === 'text') return `typeof(${q}) NOT IN ('text', 'null')`;
  if (c.kind === 'int' || c.kind === 'bool') return `typeof(${q}) NOT IN ('integer', 'null')`;
  const shape = Array.isArray(c.empty) ? 'array' : 'object';
  return `CASE WHEN typeof(${q}) <> 'text' THEN 1 WHEN NOT json_valid(${q}) THEN 1 WHEN json_type(${q}) <> '${shape}' THEN 1 ELSE 0 END`;
}

/**
 * A table's CHECK constraints hold only for rows SQLite wrote under them: a file from elsewhere may
 * hold text where a number belongs, or JSON that is not JSON. Found here, per table, in SQLite,
 * before anything reads the rows (a shown snapshot is read by the graph queries directly).
 */
function checkCells(db: Database.Database, name: string): void {
  const stamps = [
    { col: 'id', kind: 'text', empty: null },
    { col: 'created_at', kind: 'text', empty: null },
    { col: 'updated_at', kind: 'text', empty: null },
  ] as const;
  for (const def of Object.values(TABLES)) {
    const columns = [...stamps, ...def.columns];
    const bad = db
      .prepare(`SELECT * FROM "${def.table}" WHERE typeof(id) <> 'text' OR ${columns.map((c) => `(${wrongKind(c)})`).join(' OR ')} LIMIT 1`)
      .get() as Record<string, unknown> | undefined;
    if (!bad) continue;
    const which = columns.find(
      (c) =>
        db
          .prepare(`SELECT ${wrongKind(c)} FROM (SELECT ? AS "${c.col}")`)
          .pluck()
          .get(bad[c.col]) === 1,
    );
    throw refuseSnapshot(
      name,
      `its ${def.table} row ${String(bad.id).slice(0, 40)} has ${which ? `a ${which.col} that is not ${kindWord(which)}` : 'a value of the wrong kind'}`,
    );
  }
}

const kindWord = (c: Pick<Column, 'kind' | 'empty'>) =>
  c.kind === 'json' ? `valid JSON ${Array.isArray(c.empty) ? 'list' : 'object'} text` : c.kind === 'text' ? 'text' : 'a whole number';

/** The largest text one cell of a snapshot may hold (a saved view's positions are the largest). */
const MAX_CELL_CHARS = 16 * 1024 * 1024;

/**
 * Every row of `table`, one at a time, calling `each` for each; `tick` is called every few hundred
 * rows (the import's progress, which throws when the person cancels). Reading row by row returns to
 * JavaScript between rows, so the loop stays in charge of how long it runs.
 */
export function readRows(
  db: Database.Database,
  name: string,
  table: string,
  each: (row: Record<string, unknown>) => void,
  tick: (rows: number) => void,
): void {
  let n = 0;
  try {
    for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY id`).iterate() as IterableIterator<Record<string, unknown>>) {
      for (const [col, v] of Object.entries(row)) {
        if ((typeof v === 'string' || Buffer.isBuffer(v)) && v.length > MAX_CELL_CHARS) {
          throw refuseSnapshot(
            name,
            `its ${table} row ${String(row.id).slice(0, 40)} has a ${col} of ${v.length} characters, over the limit`,
          );
        }
      }
      each(row);
      if ((++n & 255) === 0) tick(n);
    }
  } catch (err) {
    if (err instanceof Error && err.name === 'SqliteError') throw refuseSnapshot(name, describeSqliteError(err));
    throw err;
  }
}
