// The imports a network holds, as the window's "Undo an import" menu lists them.
import type { Database } from 'better-sqlite3';
import type { ImportRun } from '../../../shared/schemas';

export function listImports(db: Database): ImportRun[] {
  // Taken back: its own action undone (and not redone), or an "undo this import" that stands.
  const rows = db
    .prepare(
      `SELECT r.id, r.label, r.format, r.started_at AS startedAt, r.actor,
              coalesce((SELECT size FROM action WHERE import_id = r.id AND kind = 'do'), 0) AS size,
              (EXISTS (SELECT 1 FROM action WHERE import_id = r.id AND kind = 'do' AND state <> 'done')
               OR EXISTS (SELECT 1 FROM action WHERE reverts_import = r.id AND kind = 'do' AND state = 'done')) AS undone
       FROM import_run r ORDER BY r.started_at DESC, r.rowid DESC LIMIT 200`,
    )
    .all() as (Omit<ImportRun, 'undone'> & { undone: number })[];
  return rows.map((r) => ({ ...r, undone: r.undone === 1 }));
}
