// The change log as people read it: the rows written for each change, and the creations an import
// left unwritten (records created by an import run carry their place in the log, created_seq, and
// the run says when, who and which import). A creation is rebuilt from what came after it: the
// first later change of the record holds it as `before`, and a record never changed since is
// still what was created. Every later change is logged, so nothing is lost by not writing it.
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { RecordType } from '../../../shared/domain';
import type { Change, ChangesInput } from '../../../shared/schemas';
import { fromRow, TABLES, type RecordObject, type TableDef } from './tables';

type Row = Omit<Change, 'before' | 'after'> & { before: string | null; after: string | null };

/** The create row an import run did not write for one record, or null if no run holds that place. */
export function creationRow(db: Database, def: TableDef, id: string, seq: number): Change | null {
  const run = db
    .prepare(
      `SELECT id, started_at AS at, actor FROM import_run
       WHERE first_seq <= ? AND last_seq >= ? ORDER BY first_seq DESC LIMIT 1`,
    )
    .get(seq, seq) as { id: string; at: string; actor: string } | undefined;
  if (!run) return null;
  const next = db
    .prepare(`SELECT before FROM change WHERE record_id = ? AND record_type = ? AND seq > ? ORDER BY seq LIMIT 1`)
    .pluck()
    .get(id, def.type, seq) as string | null | undefined;
  let after: RecordObject | null = next ? (JSON.parse(next) as RecordObject) : null;
  if (!after) {
    const row = db.prepare(`SELECT * FROM ${def.table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    after = row ? fromRow(def, row) : null;
  }
  return { seq, at: run.at, actor: run.actor, importId: run.id, recordType: def.type, recordId: id, op: 'create', before: null, after };
}

/** Newest first, as `changes.list` answers: one record's history, or the whole log in pages. */
export function listChanges(db: Database, input: z.infer<typeof ChangesInput>): Change[] {
  const limit = input.limit ?? 100;
  const below = input.beforeSeq ?? Number.MAX_SAFE_INTEGER;
  const id = input.recordId ?? null;
  const logged = (
    db
      .prepare(
        `SELECT seq, at, actor, import_id AS importId, record_type AS recordType, record_id AS recordId, op, before, after
         FROM change WHERE (? IS NULL OR record_id = ?) AND seq < ? ORDER BY seq DESC LIMIT ?`,
      )
      .all(id, id, below, limit) as Row[]
  ).map((r) => ({ ...r, before: r.before ? JSON.parse(r.before) : null, after: r.after ? JSON.parse(r.after) : null }));

  const unwritten: [TableDef, string, number][] = [];
  for (const def of Object.values(TABLES) as TableDef[]) {
    const rows = (
      id === null
        ? db
            .prepare(`SELECT id, created_seq AS seq FROM ${def.table} WHERE created_seq < ? ORDER BY created_seq DESC LIMIT ?`)
            .all(below, limit)
        : db.prepare(`SELECT id, created_seq AS seq FROM ${def.table} WHERE id = ? AND created_seq < ?`).all(id, below)
    ) as { id: string; seq: number }[];
    for (const r of rows) unwritten.push([def, r.id, r.seq]);
  }
  unwritten.sort((a, b) => b[2] - a[2]);
  const created = unwritten
    .slice(0, limit)
    .map(([def, rid, seq]) => creationRow(db, def, rid, seq))
    .filter((c): c is Change => c !== null);
  return [...logged, ...created].sort((a, b) => b.seq - a.seq).slice(0, limit);
}

/**
 * The log's rows after `place`, oldest first, as writes, for what keeps a copy of the records and
 * catches up with the log (the graph index read from its file, the quick engine's search list):
 * null when they cannot say all that changed since, because places after it have no row (an
 * import's records) or there are more than `atMost`. Only rows of `types` are read.
 */
export function writesSince(
  db: Database,
  place: number,
  atMost: number,
  types: readonly RecordType[],
): Iterable<{ type: RecordType; before: RecordObject | null; after: RecordObject | null }> | null {
  const [rows, top] = db.prepare('SELECT count(*), coalesce(max(seq), ?) FROM change WHERE seq > ?').raw().get(place, place) as [
    number,
    number,
  ];
  if (rows !== top - place || rows > atMost) return null;
  const read = db
    .prepare(
      `SELECT record_type, before, after FROM change WHERE seq > ? AND record_type IN (${types.map(() => '?').join(', ')}) ORDER BY seq`,
    )
    .raw()
    .iterate(place, ...types) as Iterable<[RecordType, string | null, string | null]>;
  return (function* () {
    for (const [type, before, after] of read)
      yield {
        type,
        before: before === null ? null : (JSON.parse(before) as RecordObject),
        after: after === null ? null : (JSON.parse(after) as RecordObject),
      };
  })();
}
