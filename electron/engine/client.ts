// The host side of the engine worker: calls become messages, replies become CallResults. Used by
// Electron main and by the browser harness, so both run the engine exactly the same way.
import { Worker } from 'node:worker_threads';
import type { CallResult, AtlasErrorShape } from '../../shared/errors';
import type { WorkerData, WorkerReply } from './worker';

export class EngineClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, (r: CallResult<unknown>) => void>();
  private nextId = 1;
  private fatal: AtlasErrorShape | null = null;
  readonly ready: Promise<void>;

  constructor(workerFile: string | URL, data: WorkerData) {
    this.worker = new Worker(workerFile, { workerData: data });
    this.ready = new Promise((resolve) => {
      this.worker.on('message', (m: WorkerReply) => {
        if (m.type === 'ready') resolve();
        else if (m.type === 'fatal') {
          this.fail(m.error);
          resolve();
        } else {
          const done = this.pending.get(m.id);
          this.pending.delete(m.id);
          done?.(m.ok ? { ok: true, value: m.value } : { ok: false, error: m.error });
        }
      });
      this.worker.on('error', (err) => {
        this.fail({ code: 'internal', message: `The engine stopped: ${err.message}` });
        resolve();
      });
      this.worker.on('exit', () => {
        this.fail(this.fatal ?? { code: 'internal', message: 'The engine has stopped' });
        resolve();
      });
    });
  }

  /** The error that stopped the engine at start (a newer database, say), or null. */
  get startupError(): AtlasErrorShape | null {
    return this.fatal;
  }

  async call(name: string, input: unknown): Promise<CallResult<unknown>> {
    await this.ready;
    if (this.fatal) return { ok: false, error: this.fatal };
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.pending.set(id, resolve);
      this.worker.postMessage({ id, name, input });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private fail(error: AtlasErrorShape): void {
    if (!this.fatal) this.fatal = error;
    for (const done of this.pending.values()) done({ ok: false, error: this.fatal });
    this.pending.clear();
  }
}
