// The engine in a worker thread: better-sqlite3 is synchronous, so running it here keeps every
// query, import and analysis off the thread that serves the window. One message in, one out.
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorShape } from '../../shared/errors';
import { encodeSlice, SLICE_CALLS } from '../../shared/slice-wire';
import type { Slice } from '../../shared/schemas';
import { Engine, type EngineOptions } from './engine';
import { WorkControl } from './work';

export interface WorkerData extends Omit<EngineOptions, 'work'> {
  /** Load the seed network when the database has no organisations yet (the app's first start). */
  seedIfEmpty?: boolean;
  /** Shared with the host, which cancels calls and reads their progress through it (see work.ts). */
  workBuffer: SharedArrayBuffer;
}
export type WorkerRequest = { id: number; name: string; input: unknown };
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'fatal'; error: ReturnType<typeof toErrorShape> }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: ReturnType<typeof toErrorShape> };

/** How long the engine must have been asked nothing before it does housekeeping. */
const IDLE_MS = 1500;

const port = parentPort!;
const post = (m: WorkerReply) => port.postMessage(m);
let engine: Engine;
try {
  const data = workerData as WorkerData;
  const work = new WorkControl(data.workBuffer);
  const { workBuffer: _shared, ...options } = data;
  engine = new Engine({ ...options, work });
  if (data.seedIfEmpty) engine.seedIfEmpty();
  post({ type: 'ready' });
  // The graph index is built now, while the window loads, rather than on the first slice it asks
  // for (the longest part of opening a large network). Calls that arrive meanwhile wait their turn.
  setImmediate(() => {
    try {
      engine.graph.totalTies();
      if (waiting === 0) idle = setTimeout(() => engine.idle(), IDLE_MS);
    } catch {
      // The first call reports whatever went wrong, with its own error.
    }
  });
  // One call at a time, even across an await inside a call, so the shared "current call" is true.
  let queue = Promise.resolve();
  let waiting = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;
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
      // Once nothing has been asked for a moment, the engine may write its graph index to disk.
      clearTimeout(idle);
      if (--waiting === 0) idle = setTimeout(() => engine.idle(), IDLE_MS);
    }
  };
  port.on('message', (m: WorkerRequest) => {
    waiting++;
    clearTimeout(idle);
    queue = queue.then(() => answer(m));
  });
  port.on('close', () => engine.close());
} catch (err) {
  post({ type: 'fatal', error: toErrorShape(err) });
}
