// Undoing an import: what it merged into existing records goes back to what it was, and what it
// created goes, in one transaction, logged like any other write. It reads both halves of an
// import's provenance: the log rows it wrote (merges, and the few records created one by one) and
// the places it reserved for the records it created in bulk (store/history.ts).
import type { Database } from 'better-sqlite3';
import { AtlasError } from '../../../shared/errors';
import type { RecordStore } from './records';
import { TABLES, type RecordObject, type TableDef } from './tables';
import type { Writer } from './writer';

/** Dependents before what they depend on, so nothing is deleted by a cascade from another. */
const REMOVAL_ORDER: TableDef[] = [
  TABLES.citation,
  TABLES.membership,
  TABLES.participation,
  TABLES.relation,
  TABLES.saved_view,
  TABLES.organisation,
  TABLES.partnership,
  TABLES.event,
  TABLES.source,
];

export function undoImport(db: Database, store: RecordStore, writer: Writer, importId: string): { restored: number; removed: number } {
  const run = db.prepare('SELECT first_seq AS first, last_seq AS last, label FROM import_run WHERE id = ?').get(importId) as
    { first: number | null; last: number | null; label: string } | undefined;
  if (!run) throw new AtlasError('not_found', `No import has ID '${importId}'`, 'importId');
  return writer.transaction(
    () => {
      let restored = 0;
      const updates = db
        .prepare(`SELECT record_type AS type, before FROM change WHERE import_id = ? AND op = 'update' ORDER BY seq DESC`)
        .all(importId) as { type: keyof typeof TABLES; before: string }[];
      for (const u of updates) {
        const def = TABLES[u.type] as TableDef;
        const was = JSON.parse(u.before) as RecordObject;
        const now = writer.read(def, was.id);
        if (!now) continue;
        writer.update(def, now, { ...was, updatedAt: writer.now() });
        restored++;
      }
      let removed = 0;
      for (const def of REMOVAL_ORDER) {
        const ids = db
          .prepare(
            `SELECT id FROM ${def.table} WHERE created_seq BETWEEN ? AND ?
           UNION SELECT record_id FROM change WHERE import_id = ? AND op = 'create' AND record_type = ?`,
          )
          .pluck()
          .all(run.first ?? 0, run.last ?? -1, importId, def.type) as string[];
        for (const id of ids) if (writer.read(def, id)) removed += store.delete(def, id);
      }
      if (restored + removed === 0)
        throw new AtlasError('conflict', `The import ${run.label} is already taken back: nothing it wrote is left`, 'importId');
      return { restored, removed };
    },
    { label: `Undo the import ${run.label}`, revertsImport: importId },
  );
}
