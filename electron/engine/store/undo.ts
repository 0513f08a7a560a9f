// Undo and redo over the change log, by action (migration 004): undoing an action applies the
// inverse of each of its changes, newest first (a creation deleted, an edit put back, a deletion
// restored with its ID, fields and timestamps); redoing applies them again, oldest first. Both are
// ordinary writes through the Writer, logged and recorded as actions of their own, so the log
// still says everything that happened and the graph index sees them as any other write.
//
// The stack is linear, as in every editor: undo takes the last action done, redo the last one
// undone, and a new action drops what was undone. Because of that, the records an action touched
// are exactly as it left them when it is undone, and as its undo left them when it is redone; a
// record that is not (a check that guards against a write that bypassed the log) refuses the
// step with a message, and the transaction leaves the database as it was.
import type { Database } from 'better-sqlite3';
import type { RecordType } from '../../../shared/domain';
import { AtlasError } from '../../../shared/errors';
import type { Action, UndoResult, UndoState } from '../../../shared/schemas';
import { fromRow, TABLES, type RecordObject, type TableDef } from './tables';
import type { Writer } from './writer';

interface ActionRow extends Action {
  firstSeq: number;
  lastSeq: number;
}

interface Step {
  seq: number;
  def: TableDef;
  id: string;
  op: 'create' | 'update' | 'delete';
  before: RecordObject | null;
  after: RecordObject | null;
}

const ACTION_COLUMNS = `id, at, actor, label, import_id AS importId, size, kind, state, first_seq AS firstSeq, last_seq AS lastSeq`;
const DRAWN: ReadonlySet<RecordType> = new Set(['organisation', 'partnership', 'event']);

function publicAction(a: ActionRow | undefined): Action | null {
  if (!a) return null;
  const { firstSeq: _f, lastSeq: _l, ...rest } = a;
  return rest;
}

function nextUndo(db: Database): ActionRow | undefined {
  return db.prepare(`SELECT ${ACTION_COLUMNS} FROM action WHERE kind = 'do' AND state = 'done' ORDER BY id DESC LIMIT 1`).get() as
    ActionRow | undefined;
}

function nextRedo(db: Database): ActionRow | undefined {
  // What was undone is a run of the newest actions; the one undone last is the oldest of them.
  return db.prepare(`SELECT ${ACTION_COLUMNS} FROM action WHERE kind = 'do' AND state = 'undone' ORDER BY id ASC LIMIT 1`).get() as
    ActionRow | undefined;
}

export function undoState(db: Database): UndoState {
  return { undo: publicAction(nextUndo(db)), redo: publicAction(nextRedo(db)) };
}

/** The newest actions first, every kind, for the history menu. */
export function listActions(db: Database, limit = 50): Action[] {
  return (db.prepare(`SELECT ${ACTION_COLUMNS} FROM action ORDER BY id DESC LIMIT ?`).all(limit) as ActionRow[]).map((a) =>
    publicAction(a)!,
  );
}

/**
 * Every change of an action in the order it was made: the rows it logged, and the records an
 * import created in bulk (they hold their place in the log as created_seq; the first undo logs
 * their creation when it deletes them, so a redo finds them as rows).
 */
function stepsOf(db: Database, a: ActionRow): Step[] {
  const steps: Step[] = [];
  const logged = db
    .prepare(`SELECT seq, record_type AS type, record_id AS id, op, before, after FROM change WHERE seq BETWEEN ? AND ? ORDER BY seq`)
    .all(a.firstSeq, a.lastSeq) as {
    seq: number;
    type: RecordType;
    id: string;
    op: Step['op'];
    before: string | null;
    after: string | null;
  }[];
  for (const r of logged) {
    steps.push({
      seq: r.seq,
      def: TABLES[r.type] as TableDef,
      id: r.id,
      op: r.op,
      before: r.before ? (JSON.parse(r.before) as RecordObject) : null,
      after: r.after ? (JSON.parse(r.after) as RecordObject) : null,
    });
  }
  if (a.importId) {
    // An import that created records by run moved its last logged row (its source, logged before
    // any record) past the places it reserved (Writer.closeReservation); it was done first.
    const run = db.prepare('SELECT first_seq AS first, last_seq AS last FROM import_run WHERE id = ?').get(a.importId) as
      { first: number | null; last: number | null } | undefined;
    if (run?.first != null && run.last != null) {
      const moved = steps.find((x) => x.seq === run.last! + 1);
      if (moved) moved.seq = run.first - 0.5;
    }
    for (const def of Object.values(TABLES) as TableDef[]) {
      const rows = db.prepare(`SELECT * FROM ${def.table} WHERE created_seq BETWEEN ? AND ?`).all(a.firstSeq, a.lastSeq) as Record<
        string,
        unknown
      >[];
      for (const row of rows) {
        const rec = fromRow(def, row);
        steps.push({ seq: row.created_seq as number, def, id: rec.id, op: 'create', before: null, after: rec });
      }
    }
    steps.sort((x, y) => x.seq - y.seq);
  }
  return steps;
}

function conflict(step: Step, what: string): never {
  throw new AtlasError(
    'conflict',
    `This cannot be undone: the ${step.def.noun} ${step.id} ${what} since (a change the history does not hold)`,
  );
}

function touchedOf(steps: Step[]): UndoResult['touched'] {
  const seen = new Map<string, { type: RecordType; id: string }>();
  for (const s of steps) {
    if (seen.size >= 1000) break;
    if (DRAWN.has(s.def.type)) seen.set(`${s.def.type}:${s.id}`, { type: s.def.type, id: s.id });
  }
  return [...seen.values()];
}

/** Undoes the last action done; nothing when there is none. */
export function undo(db: Database, writer: Writer): UndoResult {
  const a = nextUndo(db);
  if (!a) return { ...undoState(db), did: null, touched: [] };
  let steps: Step[] = [];
  writer.transaction(
    () => {
      steps = stepsOf(db, a);
      for (let i = steps.length - 1; i >= 0; i--) {
        const s = steps[i]!;
        const now = writer.read(s.def, s.id);
        if (s.op === 'create') {
          if (!now) conflict(s, 'was deleted');
          writer.delete(s.def, now);
        } else if (s.op === 'update') {
          if (!now) conflict(s, 'was deleted');
          writer.update(s.def, now, s.before!);
        } else {
          if (now) conflict(s, 'exists again');
          writer.insert(s.def, s.before!);
        }
      }
      db.prepare(`UPDATE action SET state = 'undone' WHERE id = ?`).run(a.id);
    },
    { kind: 'undo', target: a.id, label: `Undo: ${a.label}` },
  );
  return { ...undoState(db), did: { ...publicAction(a)!, state: 'undone' }, touched: touchedOf(steps) };
}

/** Redoes the action undone last; nothing when there is none (or something new was done since). */
export function redo(db: Database, writer: Writer): UndoResult {
  const a = nextRedo(db);
  if (!a) return { ...undoState(db), did: null, touched: [] };
  let steps: Step[] = [];
  writer.transaction(
    () => {
      steps = stepsOf(db, a);
      for (const s of steps) {
        const now = writer.read(s.def, s.id);
        if (s.op === 'create') {
          if (now) conflict(s, 'exists again');
          writer.insert(s.def, s.after!);
        } else if (s.op === 'update') {
          if (!now) conflict(s, 'was deleted');
          writer.update(s.def, now, s.after!);
        } else {
          if (!now) conflict(s, 'was deleted');
          writer.delete(s.def, now);
        }
      }
      db.prepare(`UPDATE action SET state = 'done' WHERE id = ?`).run(a.id);
    },
    { kind: 'redo', target: a.id, label: `Redo: ${a.label}` },
  );
  return { ...undoState(db), did: { ...publicAction(a)!, state: 'done' }, touched: touchedOf(steps) };
}
