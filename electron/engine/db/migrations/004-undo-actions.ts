// Undo and redo read the change log by action: everything one transaction wrote (a form's save, a
// delete with what went with it, a whole import) is one place range of the log, [first_seq,
// last_seq], recorded here with a label people can read. The stack is kept in the database, so
// Ctrl+Z after a restart undoes what was done before it. `kind` says whether the action was done
// by someone ('do') or undoes or redoes another ('undo', 'redo', naming it in `target`); `state` is
// where a done action stands: done, undone (redo can bring it back), or dropped (undone, then
// something new was done, so it can no longer be redone).
//
// Two small tables ride along: `merge_log`, which of the two records of a merge each field's value
// came from (the change log holds both records whole; this says what was chosen), read while the
// merge's action is done; and `preference`, the analyst's settings kept with the network (their
// name, which every change records as its actor).
//
// Changes made before this migration are grouped the way their transactions wrote them: an
// import's rows (and the places it reserved) by import, the others by their shared timestamp.
import type { Migration } from './migration';

export const undoActions: Migration = {
  name: 'undo actions, merges and preferences',
  up(db) {
    db.exec(`
      CREATE TABLE action (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        label TEXT NOT NULL,
        import_id TEXT REFERENCES import_run(id),
        first_seq INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        size INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('do', 'undo', 'redo')),
        target INTEGER REFERENCES action(id),
        state TEXT NOT NULL CHECK (state IN ('done', 'undone', 'dropped')),
        reverts_import TEXT REFERENCES import_run(id),
        CHECK (last_seq >= first_seq)
      );
      CREATE INDEX action_stack ON action(kind, state, id);
      CREATE INDEX action_seq ON action(first_seq);
      CREATE TABLE merge_log (
        id INTEGER PRIMARY KEY,
        action_id INTEGER NOT NULL REFERENCES action(id),
        record_type TEXT NOT NULL,
        kept_id TEXT NOT NULL,
        merged_id TEXT NOT NULL,
        merged_name TEXT NOT NULL,
        fields TEXT NOT NULL CHECK (json_type(fields) = 'object')
      );
      CREATE INDEX merge_log_kept ON merge_log(kept_id);
      CREATE TABLE preference (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      INSERT INTO action (at, actor, label, import_id, first_seq, last_seq, size, kind, state)
      SELECT at, actor, label, import_id, first_seq, last_seq, last_seq - first_seq + 1, 'do', 'done' FROM (
        SELECT r.started_at AS at, r.actor AS actor, 'Import ' || r.label AS label, r.id AS import_id,
               min(coalesce(min(c.seq), r.first_seq), coalesce(r.first_seq, min(c.seq))) AS first_seq,
               max(coalesce(max(c.seq), r.last_seq), coalesce(r.last_seq, max(c.seq))) AS last_seq
        FROM import_run r LEFT JOIN change c ON c.import_id = r.id
        GROUP BY r.id
        UNION ALL
        SELECT at, min(actor), CASE WHEN count(*) = 1 THEN 'Change ' || min(record_type) ELSE count(*) || ' changes' END,
               NULL, min(seq), max(seq)
        FROM change WHERE import_id IS NULL GROUP BY at
      ) WHERE first_seq IS NOT NULL ORDER BY first_seq;
    `);
  },
};
