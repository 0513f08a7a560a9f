// The one place every write goes through. Each insert, update and delete of a record is paired, in
// the same transaction, with a row in the change log saying what it was before and after, who did
// it, when, and as part of which import. Undo, history and provenance are built on this log, so
// nothing else in the engine may write to a record table. The one exception is by design: records
// an import creates in bulk take a place in the log (created_seq) without a row there, since the
// record and its import run already say everything the row would (store/history.ts reads them).
import type { Database, Statement } from 'better-sqlite3';
import type { RecordType } from '../../../shared/domain';
import { newId } from '../ids';
import { creationRow } from './history';
import { fromRow, toRow, type RecordObject, type TableDef } from './tables';

/** Rows per multi-row INSERT: past ~16 the gain flattens (measured); 32 stays well under SQLite's variable limit. */
const BULK_ROWS = 32;

/** What a transaction's action is, for the undo stack (store/undo.ts). */
export interface ActionContext {
  label?: string;
  kind?: 'do' | 'undo' | 'redo';
  /** The action an undo or redo acts on. */
  target?: number;
  /** The import an "undo this import" takes back. */
  revertsImport?: string;
}

/** One record written: created (no before), updated (both) or deleted (no after). */
export interface RecordWrite {
  type: RecordType;
  before: RecordObject | null;
  after: RecordObject | null;
}

/**
 * What a committed transaction did, for whatever keeps a copy of the records in memory (the graph
 * index): the log's last place before and after it, and the writes of the types it watches, in
 * order; `writes` is null when there were more than it wanted to follow one by one.
 */
export interface CommittedWrites {
  from: number;
  to: number;
  writes: RecordWrite[] | null;
}

/** Told of every committed transaction; the Writer calls it, so every write path reaches it. */
export interface WriteObserver {
  /** Whether writes of this type concern it; others are not collected. */
  watches(type: RecordType): boolean;
  /** More watched writes than this in one transaction are not listed (a large import): rebuild instead. */
  readonly followUpTo: number;
  committed(c: CommittedWrites): void;
}

/**
 * The page cache while an import rebuilds indexes (negative: in KiB), which bounds the sort's
 * memory too. Smaller is faster as well as leaner: rebuilding a million-edge import's three text
 * indexes took 2.7 s of CPU with 2 MiB against 3.2–3.6 s with 16 MiB and 5.3–5.6 s with 64 MiB
 * (the sort's runs fit the processor's cache, and their merge reads files the OS keeps in memory).
 */
const REBUILD_CACHE_KB = -2048;
export class Writer {
  private readonly statements = new Map<string, Statement>();
  private readonly logChange: Statement;
  /**
   * Set inside a transaction so all its rows share one timestamp and one import. `seq` is the next
   * place in the log once an import has reserved places for the records it creates unlogged; from
   * then on logged rows take their places from it too, so the two never collide.
   */
  private current: {
    at: string;
    importId: string | null;
    seq: { first: number; next: number } | null;
    /** The log's last place when the transaction began: its action is the places after it. */
    base: number;
    action: ActionContext;
    /** What the label says when no caller named the action: the first change logged, and how many. */
    first: { op: string; noun: string; name: string | null } | null;
    logged: number;
    after: ((actionId: number) => void)[];
    /** The watched writes so far, for the observer (null past its followUpTo). */
    writes: RecordWrite[] | null;
  } | null = null;
  private observer: WriteObserver | null = null;
  /** Told after every commit, before the observer: the engine's checkpointer (db/checkpointer.ts). */
  private committedHook: (() => void) | null = null;
  private readonly lastSeq: Statement;
  private readonly actions: boolean;

  constructor(
    private readonly db: Database,
    private actor: string,
    /** Told before every commit, so a cancelled call rolls back instead of landing. */
    private readonly work: { commitPoint(): void } | null = null,
    /**
     * False only for a snapshot file: its records are copies whose history lives in the network
     * they came from, and its import_run row says what it holds; logging every copy again cost a
     * whole-network snapshot more than copying the records did.
     */
    private readonly logChanges = true,
  ) {
    // For citations made inside SQLite (citeByRun): the same IDs as records made here get.
    db.function('atlas_new_id', { deterministic: false }, () => newId());
    // seq NULL lets SQLite pick the next rowid.
    this.logChange = db.prepare(
      `INSERT INTO change (seq, at, actor, import_id, record_type, record_id, op, before, after)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.lastSeq = db.prepare('SELECT coalesce(max(seq), 0) FROM change').pluck();
    // A database older than migration 4 (only tests write to one) has no undo stack to record in.
    this.actions = db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'action'`).get() !== undefined;
  }

  /** Who the next changes are by (the analyst's name, once set in preferences). */
  setActor(actor: string): void {
    this.actor = actor;
  }

  get actorName(): string {
    return this.actor;
  }

  /** Names the action of the transaction under way (the outermost caller that knows what it is doing). */
  describe(label: string): void {
    if (this.current && !this.current.action.label) this.current.action.label = label;
  }

  /** Runs `fn` with the ID of the current transaction's action once it is recorded, before it commits. */
  afterAction(fn: (actionId: number) => void): void {
    if (!this.current) throw new Error('afterAction runs inside a transaction');
    this.current.after.push(fn);
  }

  /** The one observer told of every committed transaction (the graph service). */
  observe(observer: WriteObserver): void {
    this.observer = observer;
  }

  onCommitted(hook: () => void): void {
    this.committedHook = hook;
  }

  /** Runs `fn` in one transaction; every write inside shares its time and import. */
  transaction<T>(fn: () => T, ctx: { importId?: string | null } & ActionContext = {}): T {
    if (this.current) {
      if (ctx.label) this.describe(ctx.label);
      return fn();
    }
    const action: ActionContext = {};
    if (ctx.label) action.label = ctx.label;
    if (ctx.kind) action.kind = ctx.kind;
    if (ctx.target !== undefined) action.target = ctx.target;
    if (ctx.revertsImport) action.revertsImport = ctx.revertsImport;
    let committed: CommittedWrites | null = null;
    let result: T;
    try {
      result = this.db
        .transaction(() => {
          // Read inside the transaction: an immediate transaction holds the write lock, so no
          // other connection can move the log between this and the commit.
          this.current = {
            at: new Date().toISOString(),
            importId: ctx.importId ?? null,
            seq: null,
            base: this.lastSeq.get() as number,
            action,
            first: null,
            logged: 0,
            after: [],
            writes: [],
          };
          const result = fn();
          this.recordAction();
          this.work?.commitPoint();
          const cur = this.current;
          committed = { from: cur.base, to: this.lastSeq.get() as number, writes: cur.writes };
          return result;
        })
        .immediate();
    } finally {
      this.current = null;
    }
    if (committed) {
      this.committedHook?.();
      this.observer?.committed(committed);
    }
    return result;
  }

  /** Notes a write for the observer, if it watches the type. */
  private noted(def: TableDef, before: RecordObject | null, after: RecordObject | null): void {
    const cur = this.current!;
    if (!this.observer || cur.writes === null || !this.observer.watches(def.type)) return;
    if (cur.writes.length >= this.observer.followUpTo) cur.writes = null;
    else cur.writes.push({ type: def.type, before, after });
  }

  /**
   * Records the places this transaction took in the log as one action of the undo stack (see
   * migration 004). A new action done by someone drops what was undone before it: redo can no
   * longer reach it, as in every editor.
   */
  private recordAction(): void {
    const cur = this.current!;
    if (!this.logChanges || !this.actions) return;
    const last = this.lastSeq.get() as number;
    if (last <= cur.base) return;
    const kind = cur.action.kind ?? 'do';
    const label = cur.action.label ?? this.defaultLabel();
    if (kind === 'do') this.db.prepare(`UPDATE action SET state = 'dropped' WHERE kind = 'do' AND state = 'undone'`).run();
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO action (at, actor, label, import_id, first_seq, last_seq, size, kind, target, state, reverts_import)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'done', ?)`,
        )
        .run(
          cur.at,
          this.actor,
          label,
          cur.importId,
          cur.base + 1,
          last,
          last - cur.base,
          kind,
          cur.action.target ?? null,
          cur.action.revertsImport ?? null,
        ).lastInsertRowid,
    );
    for (const f of cur.after) f(id);
  }

  private defaultLabel(): string {
    const cur = this.current!;
    const f = cur.first;
    if (!f) return 'Changes';
    const verb = f.op === 'create' ? 'Add' : f.op === 'update' ? 'Edit' : 'Delete';
    const what = `${verb} ${f.noun}${f.name ? ` ‘${f.name}’` : ''}`;
    return cur.logged > 1 ? `${what} and ${cur.logged - 1} more change${cur.logged > 2 ? 's' : ''}` : what;
  }

  /**
   * Runs an import as one transaction: its rows can later be listed and undone together.
   * `checksReferences`: the caller checks every reference its rows make before it returns (see
   * store/references.ts), so SQLite's check of each row is off for the transaction. The pragma
   * does nothing inside a transaction already open, where SQLite goes on checking.
   */
  runImport<T>(
    meta: { label: string; format: string | null; file: string | null },
    fn: (importId: string) => T,
    opts: { checksReferences?: boolean } = {},
  ): T {
    if (opts.checksReferences && !this.current) {
      this.db.pragma('foreign_keys = OFF');
      try {
        return this.runImport(meta, fn);
      } finally {
        this.db.pragma('foreign_keys = ON');
      }
    }
    const id = newId();
    return this.transaction(
      () => {
        this.describe(/^import/i.test(meta.label) ? meta.label : `Import the ${meta.label.toLowerCase()}`);
        this.db
          .prepare(`INSERT INTO import_run (id, label, format, file, started_at, actor) VALUES (?, ?, ?, ?, ?, ?)`)
          .run(id, meta.label, meta.format, meta.file, this.now(), this.actor);
        const result = fn(id);
        this.closeReservation(id);
        return result;
      },
      { importId: id },
    );
  }

  now(): string {
    return this.current?.at ?? new Date().toISOString();
  }

  insert(def: TableDef, rec: RecordObject): void {
    this.inTransaction(() => {
      const row = toRow(def, rec);
      this.stmt(def, 'insert', () => {
        const cols = Object.keys(row);
        return `INSERT INTO ${def.table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`;
      }).run(row);
      this.log(def, rec.id, 'create', null, rec);
      this.noted(def, null, rec);
    });
  }

  /**
   * Inserts many new records of one type with multi-row statements: the path for imports and
   * generated networks, where per-statement overhead dominates. Logged like `insert`, unless
   * `byRun`: then each record takes the next reserved place in the log (created_seq) and no row is
   * written there; only inside `runImport`, whose run row records the places it reserved.
   */
  insertMany(def: TableDef, records: readonly RecordObject[], opts: { byRun?: boolean } = {}): void {
    const B = BULK_ROWS;
    this.inTransaction(() => {
      for (const rec of records) this.noted(def, null, rec);
      const byRun = opts.byRun === true && this.logChanges;
      const cur = this.current!;
      if (!cur.first && records[0])
        cur.first = { op: 'create', noun: def.noun, name: (records[0].name ?? records[0].title ?? null) as string | null };
      cur.logged += records.length;
      const logged = this.logChanges && !byRun;
      const seq = byRun ? this.reserve() : null;
      const rowCols = ['id', ...def.columns.map((c) => c.col), 'created_at', 'updated_at'];
      const cols = byRun ? [...rowCols, 'created_seq'] : rowCols;
      const one = `(${cols.map(() => '?').join(', ')})`;
      const logOne = '(?, ?, ?, ?, ?, ?, ?, ?, ?)';
      const insertSql = (n: number) => `INSERT INTO ${def.table} (${cols.join(', ')}) VALUES ${Array(n).fill(one).join(', ')}`;
      const logSql = (n: number) =>
        `INSERT INTO change (seq, at, actor, import_id, record_type, record_id, op, before, after) VALUES ${Array(n).fill(logOne).join(', ')}`;
      const full = this.stmt(def, `bulk${B}${byRun ? 'run' : ''}`, () => insertSql(B));
      const fullLog = this.stmt(def, `bulklog${B}`, () => logSql(B));
      const { at, importId } = this.current!;
      // Values go straight from the records into one array reused for every full statement: an
      // intermediate row object per record was garbage for the collector to sweep, 500,000 times
      // in a large import.
      const columns = def.columns;
      const width = cols.length;
      const buffer: unknown[] = new Array(B * width);
      for (let start = 0; start < records.length; start += B) {
        const n = Math.min(B, records.length - start);
        const values = n === B ? buffer : new Array(n * width);
        const log: unknown[] = [];
        let v = 0;
        for (let r = start; r < start + n; r++) {
          const rec = records[r]!;
          values[v++] = rec.id;
          for (let c = 0; c < columns.length; c++) {
            const col = columns[c]!;
            const x = rec[col.key];
            values[v++] = col.kind === 'json' ? JSON.stringify(x) : col.kind === 'bool' ? (x ? 1 : 0) : x;
          }
          values[v++] = rec.createdAt;
          values[v++] = rec.updatedAt;
          if (seq) values[v++] = seq.next++;
          if (logged)
            log.push(
              this.current!.seq ? this.current!.seq.next++ : null,
              at,
              this.actor,
              importId,
              def.type,
              rec.id,
              'create',
              null,
              JSON.stringify(rec),
            );
        }
        if (n === B) {
          full.run(values);
          if (logged) fullLog.run(log);
        } else {
          this.db.prepare(insertSql(n)).run(values);
          if (logged) this.db.prepare(logSql(n)).run(log);
        }
      }
    });
  }

  /**
   * Cites `sourceId` for the records of `def` this transaction inserted at rowids (after, upTo],
   * each citation taking the next reserved place in the log, as `insertMany` by run would. SQLite
   * makes the rows from the records themselves: building, binding and collecting a citation object
   * per record was a large part of an import, where every record created cites the file.
   * Returns how many citations were written.
   */
  citeByRun(def: TableDef, sourceId: string, after: number, upTo: number): number {
    let written = 0;
    this.inTransaction(() => {
      if (!this.logChanges) throw new Error('citeByRun is for logged imports');
      const seq = this.reserve();
      const first = seq.next;
      written = this.stmt(
        def,
        'citeByRun',
        () =>
          `INSERT INTO citation (id, source_id, record_type, record_id, locator, created_at, updated_at, created_seq)
           SELECT atlas_new_id(), @source, @type, id, NULL, @at, @at, @first + rowid - @after - 1
           FROM ${def.table} WHERE rowid > @after AND rowid <= @upTo ORDER BY rowid`,
      ).run({ source: sourceId, type: def.type, at: this.current!.at, first, after, upTo }).changes;
      // Rowids inserted in one transaction are consecutive; a gap would only leave places unused.
      seq.next = first + (upTo - after);
    });
    return written;
  }

  /**
   * Opens (once per transaction) the run of log places that records created by an import take.
   * It starts after the last row of the log, so every place is free.
   */
  private reserve(): { first: number; next: number } {
    const cur = this.current!;
    if (!cur.importId) throw new Error('records are created by run only inside runImport');
    if (!cur.seq) {
      const last = this.db.prepare('SELECT coalesce(max(seq), 0) FROM change').pluck().get() as number;
      cur.seq = { first: last + 1, next: last + 1 };
    }
    return cur.seq;
  }

  /**
   * Records the run's places and makes sure the log's last row comes after them: SQLite numbers a
   * new row one past the largest, so unwritten places at the end would be handed out again. The
   * run's own last logged row (an import always logs its source) moves past them.
   */
  private closeReservation(importId: string): void {
    const seq = this.current!.seq;
    if (!seq || seq.next === seq.first) return;
    const last = seq.next - 1;
    this.db.prepare('UPDATE import_run SET first_seq = ?, last_seq = ? WHERE id = ?').run(seq.first, last, importId);
    const top = this.db.prepare('SELECT max(seq) FROM change').pluck().get() as number | null;
    if (top !== null && top >= last) return;
    const moved = this.db
      .prepare('UPDATE change SET seq = ? WHERE seq = (SELECT max(seq) FROM change WHERE import_id = ?)')
      .run(last + 1, importId);
    if (moved.changes !== 1) throw new Error('an import that creates records by run must log at least one row');
  }

  /**
   * Copies every record of one type from a database attached as `from` (same schema) into a
   * snapshot file: SQLite moves the rows itself, so no row crosses into JS. Only for an unlogged
   * writer, since the copies are not logged.
   */
  copyAll(def: TableDef, from: string): void {
    if (this.logChanges) throw new Error('copyAll writes snapshot files, whose writer does not log');
    this.inTransaction(() => {
      const cols = ['id', ...def.columns.map((c) => c.col), 'created_at', 'updated_at'].join(', ');
      this.db.prepare(`INSERT INTO ${def.table} (${cols}) SELECT ${cols} FROM ${from}.${def.table} ORDER BY id`).run();
    });
  }

  /**
   * Runs a large bulk load with the secondary indexes of `tables` (and, if the load is logged row
   * by row, the change log's) dropped and rebuilt afterwards, inside the caller's transaction:
   * building an index from sorted data is several times faster than growing it by random inserts
   * of text keys. A unique index that the new rows would break fails to rebuild, and the whole
   * transaction rolls back.
   */
  withIndexesDeferred<T>(tables: readonly TableDef[], fn: () => T, opts: { log?: boolean } = {}): T {
    if (!this.current) throw new Error('withIndexesDeferred runs inside a transaction');
    const names = [...tables.map((t) => t.table), ...(opts.log === false ? [] : ['change'])];
    const indexes = this.db
      .prepare(
        `SELECT name, sql FROM sqlite_schema
         WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(names)) as { name: string; sql: string }[];
    for (const i of indexes) this.db.exec(`DROP INDEX "${i.name}"`);
    this.statements.clear();
    const result = fn();
    // The sort behind each rebuild keeps as much in memory as the page cache may hold before it
    // spills to a temporary file, and with the connection's temporary files in memory (its
    // setting, for queries) the spill stayed in memory too: the rebuild at the end of a
    // million-edge import was its peak, 115 MB over the writes. A smaller cache and a file for
    // the spill bound it.
    const temp = this.db.pragma('temp_store', { simple: true }) as number;
    const cache = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.pragma('temp_store = FILE');
    this.db.pragma(`cache_size = ${REBUILD_CACHE_KB}`);
    try {
      for (const i of indexes) this.db.exec(i.sql);
    } finally {
      this.db.pragma(`temp_store = ${temp}`);
      this.db.pragma(`cache_size = ${cache}`);
    }
    this.statements.clear();
    return result;
  }

  /** The largest rowid in a table (0 when empty): rows inserted after now get larger ones. */
  lastRowid(def: TableDef): number {
    return this.db.prepare(`SELECT coalesce(max(rowid), 0) FROM ${def.table}`).pluck().get() as number;
  }

  /**
   * About how many rows a table holds, at once: its last rowid (rows are never renumbered while
   * the app runs, and deletes only make this an overestimate). count(*) reads the table.
   */
  roughCount(def: TableDef): number {
    return this.lastRowid(def);
  }

  update(def: TableDef, before: RecordObject, after: RecordObject): void {
    this.inTransaction(() => {
      const row = toRow(def, after);
      this.stmt(def, 'update', () => {
        const sets = Object.keys(row)
          .filter((c) => c !== 'id' && c !== 'created_at')
          .map((c) => `${c} = @${c}`);
        return `UPDATE ${def.table} SET ${sets.join(', ')} WHERE id = @id`;
      }).run(row);
      this.log(def, after.id, 'update', before, after);
      this.noted(def, before, after);
    });
  }

  delete(def: TableDef, before: RecordObject): void {
    this.inTransaction(() => {
      // A record created by an import run has no create row; its reserved place gets one now,
      // while the record and the run can still say what it was.
      const created = this.stmt(def, 'createdSeq', () => `SELECT created_seq FROM ${def.table} WHERE id = ?`)
        .pluck()
        .get(before.id) as number | null;
      if (created !== null && this.logChanges) {
        const c = creationRow(this.db, def, before.id, created);
        if (c) this.logChange.run(c.seq, c.at, c.actor, c.importId, def.type, before.id, 'create', null, JSON.stringify(c.after));
      }
      this.stmt(def, 'delete', () => `DELETE FROM ${def.table} WHERE id = ?`).run(before.id);
      this.log(def, before.id, 'delete', before, null);
      this.noted(def, before, null);
    });
  }

  /** Reads one record by ID (the writer owns the statements, so reads for writes use it too). */
  read(def: TableDef, id: string): RecordObject | null {
    const row = this.stmt(def, 'get', () => `SELECT * FROM ${def.table} WHERE id = ?`).get(id);
    return row ? fromRow(def, row as Record<string, unknown>) : null;
  }

  private inTransaction(fn: () => void): void {
    if (this.current) fn();
    else this.transaction(fn);
  }

  private log(def: TableDef, id: string, op: string, before: RecordObject | null, after: RecordObject | null) {
    if (!this.logChanges) return;
    const cur = this.current!;
    const { at, seq } = cur;
    cur.logged++;
    if (!cur.first) {
      const rec = (after ?? before)!;
      const name = (rec.name ?? rec.title ?? null) as string | null;
      cur.first = { op, noun: def.noun, name };
    }
    this.logChange.run(
      seq ? seq.next++ : null,
      at,
      this.actor,
      this.current!.importId,
      def.type,
      id,
      op,
      before ? JSON.stringify(before) : null,
      after ? JSON.stringify(after) : null,
    );
  }

  private stmt(def: TableDef, kind: string, sql: () => string): Statement {
    const key = `${def.table}:${kind}`;
    let s = this.statements.get(key);
    if (!s) {
      s = this.db.prepare(sql());
      this.statements.set(key, s);
    }
    return s;
  }
}
