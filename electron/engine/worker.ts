// The engine in a worker thread: better-sqlite3 is synchronous, so running it here keeps every
// query, import and analysis off the thread that serves the window. One message in, one out.
// The same bundle runs the second, read-only engine (quick.ts) when the host asks for that role.
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorShape } from '../../shared/errors';
import { encodeSlice, SLICE_CALLS } from '../../shared/slice-wire';
import type { Slice } from '../../shared/schemas';
import { Engine, type EngineOptions } from './engine';
import { QuickEngine } from './quick';
import { WorkControl } from './work';

export interface WorkerData extends Omit<EngineOptions, 'work'> {
  /** 'quick': the second, read-only engine (quick.ts), which answers what it can and hands back the rest. */
  role?: 'engine' | 'quick';
  /** Load the seed network when the database has no organisations yet (the app's first start). */
  seedIfEmpty?: boolean;
  /** Shared with the host, which cancels calls and reads their progress through it (see work.ts). */
  workBuffer: SharedArrayBuffer;
  /**
   * End-to-end tests only: the index's preparation stops halfway until the host sets the first
   * Int32 here, so a test sees the window while the index still loads without a network of a
   * million ties.
   */
  holdPreparing?: SharedArrayBuffer;
}
export type WorkerRequest = { id: number; name: string; input: unknown };
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'fatal'; error: ReturnType<typeof toErrorShape> }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: ReturnType<typeof toErrorShape> }
  /** The quick engine cannot answer this call: the host asks the engine. */
  | { type: 'pass'; id: number };

/** How long the engine must have been asked nothing before it brings the kept summary up to date. */
const SUMMARY_IDLE_MS = 300;
/** How long the engine must have been asked nothing before it does housekeeping (the kept index). */
const IDLE_MS = 1500;
/** How long the quick engine must have been asked nothing before it reads the search records ahead of a search. */
const WARM_MS = 150;

const port = parentPort!;
const post = (m: WorkerReply) => port.postMessage(m);
const data = workerData as WorkerData;
if (data.role === 'quick') runQuick(data);
else runEngine(data);

function runEngine(data: WorkerData): void {
  let engine: Engine;
  try {
    const work = new WorkControl(data.workBuffer);
    const { workBuffer: _shared, role: _role, holdPreparing, ...options } = data;
    engine = new Engine({ ...options, work });
    if (data.seedIfEmpty) engine.seedIfEmpty();
    if (holdPreparing) holdHalfway(engine, new Int32Array(holdPreparing));
  } catch (err) {
    post({ type: 'fatal', error: toErrorShape(err) });
    return;
  }
  const work = engine.work;
  post({ type: 'ready' });
  // The day's backup, a minute after opening (not while the window opens the network), runs in
  // steps between calls (SQLite's online backup), so it never holds one up for long.
  setTimeout(() => void engine.dailyBackup().catch(() => {}), 60_000).unref();
  // One call at a time, even across an await inside a call, so the shared "current call" is true.
  let queue = Promise.resolve();
  let waiting = 0;
  let timers: ReturnType<typeof setTimeout>[] = [];
  const quiet = () => {
    for (const t of timers) clearTimeout(t);
    timers = [];
  };
  // Once nothing has been asked for a moment, the engine brings its summary up to date (what the
  // quick engine answers from), and a little later may write its graph index to disk.
  const whenIdle = () => {
    quiet();
    timers = [setTimeout(() => engine.summarise(), SUMMARY_IDLE_MS), setTimeout(() => engine.idle(), IDLE_MS)];
  };
  // The graph index is built now, while the window loads, rather than on the first slice it asks
  // for (the longest part of opening a large network). Calls that arrive meanwhile wait their
  // turn, or are answered by the quick engine; the build reports its progress as a call would.
  setImmediate(() => {
    try {
      engine.prepare();
      if (waiting === 0) whenIdle();
    } catch {
      // The first call reports whatever went wrong, with its own error.
    }
  });
  const answer = async (m: WorkerRequest) => {
    try {
      work.begin(m.id);
      const value = await engine.call(m.name as never, m.input);
      // Slices cross to the window by columns (shared/slice-wire.ts); the window's client decodes them.
      post({ type: 'result', id: m.id, ok: true, value: SLICE_CALLS.has(m.name) ? encodeSlice(value as Slice) : value });
    } catch (err) {
      post({ type: 'result', id: m.id, ok: false, error: toErrorShape(err) });
    } finally {
      work.end();
      if (--waiting === 0) whenIdle();
    }
  };
  port.on('message', (m: WorkerRequest) => {
    waiting++;
    quiet();
    queue = queue.then(() => answer(m));
  });
  port.on('close', () => engine.close());
}

/** Tests only (WorkerData.holdPreparing): the index's build waits at 50% until the gate opens. */
function holdHalfway(engine: Engine, gate: Int32Array): void {
  const report = engine.graph.progress;
  engine.graph.progress = (percent) => {
    report(percent);
    if (percent >= 50) Atomics.wait(gate, 0, 0);
  };
}

/** The quick engine's loop: each call answered at once, or handed back. */
function runQuick(data: WorkerData): void {
  let quick: QuickEngine;
  try {
    quick = new QuickEngine({ dbPath: data.dbPath, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}) });
  } catch (err) {
    post({ type: 'fatal', error: toErrorShape(err) });
    return;
  }
  post({ type: 'ready' });
  // The search records are read once the window's first calls have been answered (they would
  // otherwise wait behind the read), or after a moment if none come.
  let warm: ReturnType<typeof setTimeout> | undefined = setTimeout(() => warmUp(), WARM_MS * 4);
  const warmUp = () => {
    warm = undefined;
    try {
      quick.warm();
    } catch {
      // The first search reports whatever went wrong.
    }
  };
  port.on('message', (m: WorkerRequest) => {
    if (warm) {
      clearTimeout(warm);
      warm = setTimeout(warmUp, WARM_MS);
    }
    try {
      const answer = quick.call(m.name, m.input);
      if (!answer) post({ type: 'pass', id: m.id });
      else post({ type: 'result', id: m.id, ok: true, value: SLICE_CALLS.has(m.name) ? encodeSlice(answer.value as Slice) : answer.value });
    } catch (err) {
      post({ type: 'result', id: m.id, ok: false, error: toErrorShape(err) });
    }
  });
  port.on('close', () => quick.close());
}
