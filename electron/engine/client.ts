// The host side of the engine worker: calls become messages, replies become CallResults. Used by
// Electron main and by the browser mode's server, so both run the engine exactly the same way.
//
// Cancelling: the engine is synchronous, so it cannot read a "stop" message while it imports.
// The host marks the calls cancelled in memory the two share (work.ts); the engine sees the mark
// at its next batch and rolls its transaction back. A step that never reaches a checkpoint in
// time (reading a huge file, say) is stopped by terminating the worker: SQLite rolls back the open
// transaction when its connection goes, and a fresh worker takes over. A call already past its
// commit point is never reported as cancelled.
//
// Quick reads (the contract's `quick` calls: `meta.info`, the facets, the whole network's aggregated
// view) go first to a second worker, a read-only engine (quick.ts) that answers from SQLite and the
// kept summary, so they never wait behind a long call or the graph index loading; what it cannot
// answer it hands back, and the engine answers. While a snapshot is shown every call goes to the
// engine, which answers for the snapshot.
//
// A worker thread stops only when it next runs JavaScript: one caught inside a single native call
// (an SQLite statement that never returns) ignores terminate() for good. The engine is built so
// that no such call reads untrusted input (a snapshot is read row by row, interchange/formats/
// snapshot/untrusted.ts), and the host never waits on a worker that does not stop: after
// TERMINATE_GRACE_MS it lets that thread go (unreferenced, so it holds no host open, and the
// process's exit ends it) and starts a fresh engine, so every later call is answered.
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { QUICK_CALLS } from '../../shared/contract';
import type { AtlasErrorShape, CallResult } from '../../shared/errors';
import { cancelledError, WorkControl, WorkWatch, type Progress } from './work';
import type { WorkerData, WorkerReply } from './worker';

/** How long the engine has to reach a checkpoint after a cancel before its worker is stopped. */
const CANCEL_GRACE_MS = 2000;
/** How long a worker has to stop once terminated before the host stops waiting for it. */
const TERMINATE_GRACE_MS = 2000;

/** What a worker answered: a result, or (the quick engine only) that the engine must answer. */
type Reply = CallResult<unknown> | 'pass';

interface Running {
  worker: Worker;
  watch: WorkWatch;
  ready: Promise<void>;
  pending: Map<number, (r: Reply) => void>;
  fatal: AtlasErrorShape | null;
  stopping: boolean;
}

export class EngineClient {
  private current: Running;
  /** The second, read-only engine, started once the engine has opened (and migrated) the database. */
  private quick: Running | null = null;
  /** A snapshot is shown: the engine answers everything. */
  private viewing = false;
  private nextId = 1;

  /** Staged files live here rather than in the worker, so they outlive a worker restarted by a cancel. */
  private readonly stagingDir = realpathSync(mkdtempSync(join(tmpdir(), 'atlas-staging-')));

  constructor(
    private readonly workerFile: string | URL,
    private readonly data: Omit<WorkerData, 'workBuffer' | 'stagingDir'>,
  ) {
    this.current = this.start(data);
    // Both start at once: the quick engine answers the window's first view while the engine still
    // loads. If it cannot open the database yet (a new one the engine is creating, or migrating),
    // it starts again once the engine has opened it.
    const quick = (this.quick = this.start({ ...data, role: 'quick', seedIfEmpty: false }));
    void Promise.all([quick.ready, this.current.ready]).then(() => {
      const engine = this.current;
      if (quick.fatal && !engine.fatal && !engine.stopping && !quick.stopping) {
        this.quick = this.start({ ...data, role: 'quick', seedIfEmpty: false });
      }
    });
  }

  get ready(): Promise<void> {
    return this.current.ready;
  }

  /** The error that stopped the engine at start (a newer database, say), or null. */
  get startupError(): AtlasErrorShape | null {
    return this.current.fatal;
  }

  async call(name: string, input: unknown): Promise<CallResult<unknown>> {
    const quick = this.quick;
    if (quick && !this.viewing && QUICK_CALLS.has(name)) {
      await quick.ready;
      if (!quick.fatal && !quick.stopping) {
        const r = await this.post(quick, name, input);
        if (r !== 'pass') return r;
      }
    }
    const run = this.current;
    await run.ready;
    if (run.fatal) return { ok: false, error: run.fatal };
    const r = (await this.post(run, name, input)) as CallResult<unknown>;
    if (name === 'snapshot.view' && r.ok) this.viewing = (r.value as { viewing: string | null }).viewing !== null;
    return r;
  }

  private post(run: Running, name: string, input: unknown): Promise<Reply> {
    return new Promise((resolve) => {
      const id = this.nextId++;
      run.pending.set(id, resolve);
      run.worker.postMessage({ id, name, input });
    });
  }

  /** Whether `path` is inside the staging folder (resolving links, so none leads out of it). */
  isStaged(path: string): boolean {
    try {
      return realpathSync(path).startsWith(this.stagingDir + sep);
    } catch {
      // A path that does not exist yet is judged by its text, so its answer says nothing of the disk.
      return !path.includes('..') && resolve(path).startsWith(this.stagingDir + sep);
    }
  }

  /** How far the call the engine is working on has got, if it reports progress. */
  progress(): Progress | null {
    return this.current.watch.progress();
  }

  /**
   * Stops whatever the engine is doing. True when every call in flight was cancelled (each then
   * answers `cancelled`); false when there was nothing to stop or a call had already committed.
   */
  async cancel(): Promise<boolean> {
    const run = this.current;
    if (run.pending.size === 0) return false;
    const ids = [...run.pending.keys()];
    if (run.pending.has(run.watch.cancelUpTo(Math.max(...ids)))) return false;
    const answers = await this.answersOf(run, ids, CANCEL_GRACE_MS);
    if (answers) return answers.every((r) => !r.ok && r.error.code === 'cancelled');
    if (run.pending.has(run.watch.committing())) return false;
    run.stopping = true;
    for (const done of run.pending.values()) done({ ok: false, error: cancelledError().toJSON() });
    run.pending.clear();
    await stopWorker(run.worker);
    // The new engine opens the same database; the seed check has already run.
    this.current = this.start({ ...this.data, seedIfEmpty: false });
    await this.current.ready;
    return true;
  }

  /** The answers to calls `ids`, or null if they have not all come within `ms`. */
  private answersOf(run: Running, ids: number[], ms: number): Promise<CallResult<unknown>[] | null> {
    return new Promise((resolve) => {
      const answers: CallResult<unknown>[] = [];
      const waiting = ids.filter((id) => run.pending.has(id));
      let left = waiting.length;
      if (left === 0) return resolve(answers);
      const timer = setTimeout(() => resolve(null), ms);
      for (const id of waiting) {
        const done = run.pending.get(id)!;
        run.pending.set(id, (r) => {
          done(r);
          answers.push(r as CallResult<unknown>);
          if (--left === 0) {
            clearTimeout(timer);
            resolve(answers);
          }
        });
      }
    });
  }

  async close(): Promise<void> {
    this.current.stopping = true;
    if (this.quick) this.quick.stopping = true;
    // Before awaiting the worker: a host that is quitting may not live to see the promise settle.
    rmSync(this.stagingDir, { recursive: true, force: true });
    await Promise.all([stopWorker(this.current.worker), this.quick ? stopWorker(this.quick.worker) : null]);
  }

  private start(data: Omit<WorkerData, 'workBuffer' | 'stagingDir'>): Running {
    const workBuffer = new WorkControl().buffer;
    // The worker is a built bundle: it needs none of the host's flags. A host run under tsx (tests,
    // benchmarks) would otherwise pass its loader on, and every require at the worker's
    // start went through it (1.7–1.9 s of CPU against 0.5–0.9 s: docs/startup-notes.md).
    const worker = new Worker(this.workerFile, {
      execArgv: [],
      workerData: { ...data, workBuffer, stagingDir: this.stagingDir } satisfies WorkerData,
    });
    const run: Running = {
      worker,
      watch: new WorkWatch(workBuffer),
      ready: Promise.resolve(),
      pending: new Map(),
      fatal: null,
      stopping: false,
    };
    const fail = (error: AtlasErrorShape) => {
      if (!run.fatal) run.fatal = error;
      // The quick engine failing costs nothing but speed: the engine answers its calls instead.
      for (const done of run.pending.values()) done(data.role === 'quick' ? 'pass' : { ok: false, error: run.fatal });
      run.pending.clear();
    };
    run.ready = new Promise((resolve) => {
      worker.on('message', (m: WorkerReply) => {
        if (m.type === 'ready') resolve();
        else if (m.type === 'fatal') {
          fail(m.error);
          resolve();
        } else {
          const done = run.pending.get(m.id);
          run.pending.delete(m.id);
          done?.(m.type === 'pass' ? 'pass' : m.ok ? { ok: true, value: m.value } : { ok: false, error: m.error });
        }
      });
      worker.on('error', (err) => {
        fail({ code: 'internal', message: `The engine stopped: ${err.message}` });
        resolve();
      });
      worker.on('exit', () => {
        if (!run.stopping) fail(run.fatal ?? { code: 'internal', message: 'The engine has stopped' });
        resolve();
      });
    });
    return run;
  }
}

/**
 * Terminates a worker, waiting TERMINATE_GRACE_MS at most: true when it stopped. One that has not
 * is stuck in native code; it is unreferenced, so the host is free to go on or exit.
 */
async function stopWorker(worker: Worker): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopped = await Promise.race([
    worker.terminate().then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), TERMINATE_GRACE_MS))),
  ]);
  clearTimeout(timer);
  if (!stopped) worker.unref();
  return stopped;
}
