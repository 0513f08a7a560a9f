// The host side of the engine worker: calls become messages, replies become CallResults. Used by
// Electron main and by the browser harness, so both run the engine exactly the same way.
//
// Cancelling: the engine is synchronous, so a long import cannot be interrupted from inside.
// Instead the worker is terminated; SQLite rolls back the open transaction when its connection
// goes, so the database is exactly as it was, and a fresh worker takes over.
import { Worker } from 'node:worker_threads';
import type { AtlasErrorShape, CallResult } from '../../shared/errors';
import type { WorkerData, WorkerReply } from './worker';

interface Running {
  worker: Worker;
  ready: Promise<void>;
  pending: Map<number, (r: CallResult<unknown>) => void>;
  fatal: AtlasErrorShape | null;
  stopping: boolean;
}

export class EngineClient {
  private current: Running;
  private nextId = 1;

  constructor(
    private readonly workerFile: string | URL,
    private readonly data: WorkerData,
  ) {
    this.current = this.start(data);
  }

  get ready(): Promise<void> {
    return this.current.ready;
  }

  /** The error that stopped the engine at start (a newer database, say), or null. */
  get startupError(): AtlasErrorShape | null {
    return this.current.fatal;
  }

  async call(name: string, input: unknown): Promise<CallResult<unknown>> {
    const run = this.current;
    await run.ready;
    if (run.fatal) return { ok: false, error: run.fatal };
    return new Promise((resolve) => {
      const id = this.nextId++;
      run.pending.set(id, resolve);
      run.worker.postMessage({ id, name, input });
    });
  }

  /** Stops whatever the engine is doing; the calls in flight answer `cancelled`. */
  async cancel(): Promise<boolean> {
    const run = this.current;
    if (run.pending.size === 0) return false;
    run.stopping = true;
    for (const done of run.pending.values()) done({ ok: false, error: { code: 'cancelled', message: 'Cancelled; nothing was changed' } });
    run.pending.clear();
    await run.worker.terminate();
    // The new engine opens the same database; the seed check has already run.
    this.current = this.start({ ...this.data, seedIfEmpty: false });
    await this.current.ready;
    return true;
  }

  async close(): Promise<void> {
    this.current.stopping = true;
    await this.current.worker.terminate();
  }

  private start(data: WorkerData): Running {
    const worker = new Worker(this.workerFile, { workerData: data });
    const run: Running = { worker, ready: Promise.resolve(), pending: new Map(), fatal: null, stopping: false };
    const fail = (error: AtlasErrorShape) => {
      if (!run.fatal) run.fatal = error;
      for (const done of run.pending.values()) done({ ok: false, error: run.fatal });
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
          done?.(m.ok ? { ok: true, value: m.value } : { ok: false, error: m.error });
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
