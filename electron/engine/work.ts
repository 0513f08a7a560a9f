// Watching and stopping long work from outside the engine. The engine runs synchronously in its
// worker, so it cannot read a "stop" message while it imports; instead the host and the worker
// share a few integers (a SharedArrayBuffer): the host writes which calls are cancelled and reads
// how far the current one has got, and the engine looks at them between batches of work.
//
// The one race that matters is a cancel arriving as an import commits: the person must never be
// told "nothing was changed" about an import that landed. Before committing, the engine writes
// the call's id to COMMITTING and then reads CANCEL_UP_TO; the host writes CANCEL_UP_TO and then
// reads COMMITTING. Atomics are sequentially consistent, so at least one side sees the other:
// either the engine gives up before committing, or the host knows the call is committing and
// waits for its answer instead of stopping the worker.
import { WORK_PHASES, type WorkPhase, type WorkProgress } from '../../shared/domain';
import { AtlasError } from '../../shared/errors';

const CANCEL_UP_TO = 0;
const COMMITTING = 1;
const CURRENT = 2;
const PHASE = 3;
const DONE = 4;
const TOTAL = 5;
const SLOTS = 6;
const REPORT_MS = 200;

export type Progress = WorkProgress;

export const cancelledError = () => new AtlasError('cancelled', 'Cancelled; nothing was changed');

/** The engine's side: one per engine, told which call it is working on. */
export class WorkControl {
  private readonly cells: Int32Array;
  private checks = 0;
  private lastTold = 0;

  /** `listener`: for a host in the same thread (the CLI), told at most every REPORT_MS. */
  constructor(
    readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(SLOTS * 4),
    private readonly listener: ((p: Progress) => void) | null = null,
  ) {
    this.cells = new Int32Array(buffer);
  }

  /** Starts call `id`; throws if it was cancelled before it began. */
  begin(id: number): void {
    Atomics.store(this.cells, CURRENT, id);
    Atomics.store(this.cells, PHASE, -1);
    this.checkpoint();
  }

  end(): void {
    Atomics.store(this.cells, COMMITTING, 0);
    Atomics.store(this.cells, CURRENT, 0);
    Atomics.store(this.cells, PHASE, -1);
  }

  /** Throws `cancelled` if the host has cancelled the current call. Cheap enough for every batch. */
  checkpoint(): void {
    const id = Atomics.load(this.cells, CURRENT);
    if (id !== 0 && Atomics.load(this.cells, CANCEL_UP_TO) >= id) throw cancelledError();
  }

  /** Reports progress and looks for a cancel; a same-thread listener is told only every so often. */
  progress(phase: WorkPhase, done: number, total: number): void {
    Atomics.store(this.cells, PHASE, WORK_PHASES.indexOf(phase));
    Atomics.store(this.cells, DONE, Math.min(done, 2 ** 31 - 1));
    Atomics.store(this.cells, TOTAL, Math.min(total, 2 ** 31 - 1));
    this.checkpoint();
    if ((++this.checks & 63) !== 0) return;
    if (this.listener && performance.now() - this.lastTold >= REPORT_MS) {
      this.lastTold = performance.now();
      this.listener({ phase, done, total });
    }
  }

  /** Called just before a transaction commits: past this point the call can no longer be cancelled. */
  commitPoint(): void {
    const id = Atomics.load(this.cells, CURRENT);
    if (id === 0) return;
    Atomics.store(this.cells, COMMITTING, id);
    if (Atomics.load(this.cells, CANCEL_UP_TO) >= id) {
      Atomics.store(this.cells, COMMITTING, 0);
      throw cancelledError();
    }
  }
}

/** The host's side of the same integers. */
export class WorkWatch {
  private readonly cells: Int32Array;

  constructor(buffer: SharedArrayBuffer) {
    this.cells = new Int32Array(buffer);
  }

  /** Cancels every call up to `id`, then says which call (if any) is already committing. */
  cancelUpTo(id: number): number {
    Atomics.store(this.cells, CANCEL_UP_TO, Math.max(id, Atomics.load(this.cells, CANCEL_UP_TO)));
    return this.committing();
  }

  /** The call past its commit point, whose answer will be its result whatever was asked: 0 if none. */
  committing(): number {
    return Atomics.load(this.cells, COMMITTING);
  }

  progress(): Progress | null {
    const phase = Atomics.load(this.cells, PHASE);
    if (Atomics.load(this.cells, CURRENT) === 0 || phase < 0) return null;
    return { phase: WORK_PHASES[phase]!, done: Atomics.load(this.cells, DONE), total: Atomics.load(this.cells, TOTAL) };
  }
}
