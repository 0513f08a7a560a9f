// Where a record comes from, as the details panel says it: which import or which person created
// it and when, who changed it last, and the merges folded into it. Read from the change log and
// the import runs (a record an import created in bulk has its creation there by run), and from
// merge_log for merges whose action still stands (an undone merge is not shown).
import type { Database } from 'better-sqlite3';
import type { Provenance } from '../../../shared/schemas';
import { listChanges } from '../store/history';

export function provenanceOf(db: Database, id: string): Provenance {
  const changes = listChanges(db, { recordId: id, limit: 1000 });
  const created = [...changes].reverse().find((c) => c.op === 'create') ?? null;
  const last = changes[0] ?? null;
  const run = created?.importId
    ? (db.prepare('SELECT label FROM import_run WHERE id = ?').pluck().get(created.importId) as string | undefined)
    : undefined;
  const merges = (
    db
      .prepare(
        `SELECT m.merged_id AS mergedId, m.merged_name AS mergedName, a.at, a.actor, m.fields
         FROM merge_log m JOIN action a ON a.id = m.action_id
         WHERE m.kept_id = ? AND a.state = 'done' ORDER BY a.id`,
      )
      .all(id) as { mergedId: string; mergedName: string; at: string; actor: string; fields: string }[]
  ).map((m) => ({ ...m, fields: JSON.parse(m.fields) as Record<string, string> }));
  return {
    createdAt: created?.at ?? null,
    createdBy: created?.actor ?? null,
    importLabel: run ?? null,
    importId: created?.importId ?? null,
    lastChangedAt: last && last !== created ? last.at : null,
    lastChangedBy: last && last !== created ? last.actor : null,
    merges,
  };
}

/** Organisations, partnerships or events that cite no source at all (nor does any of their links). */
export function unsourced(db: Database, type: 'organisation' | 'partnership' | 'event' = 'organisation', limit = 1000) {
  const sql = `FROM ${type} r WHERE NOT EXISTS (SELECT 1 FROM citation c WHERE c.record_type = '${type}' AND c.record_id = r.id)`;
  const total = db.prepare(`SELECT count(*) ${sql}`).pluck().get() as number;
  const ids = db.prepare(`SELECT r.id ${sql} ORDER BY r.name LIMIT ?`).pluck().all(limit) as string[];
  return { ids, total };
}
