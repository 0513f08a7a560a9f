// The engine in a worker thread: better-sqlite3 is synchronous, so running it here keeps every
// query, import and analysis off the thread that serves the window. One message in, one out.
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorShape } from '../../shared/errors';
import { Engine, type EngineOptions } from './engine';

export interface WorkerData extends EngineOptions {
  /** Load the seed network when the database has no organisations yet (the app's first start). */
  seedIfEmpty?: boolean;
}
export type WorkerRequest = { id: number; name: string; input: unknown };
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'fatal'; error: ReturnType<typeof toErrorShape> }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: ReturnType<typeof toErrorShape> };

const port = parentPort!;
const post = (m: WorkerReply) => port.postMessage(m);
let engine: Engine;
try {
  const data = workerData as WorkerData;
  engine = new Engine(data);
  if (data.seedIfEmpty) engine.seedIfEmpty();
  post({ type: 'ready' });
  // The graph index is built now, while the window loads, rather than on the first slice it asks
  // for (about a second at 50,000 organisations). Calls that arrive meanwhile wait their turn.
  setImmediate(() => {
    try {
      engine.slices.totalTies();
    } catch {
      // The first call reports whatever went wrong, with its own error.
    }
  });
  port.on('message', async (m: WorkerRequest) => {
    try {
      post({ type: 'result', id: m.id, ok: true, value: await engine.call(m.name as never, m.input) });
    } catch (err) {
      post({ type: 'result', id: m.id, ok: false, error: toErrorShape(err) });
    }
  });
  port.on('close', () => engine.close());
} catch (err) {
  post({ type: 'fatal', error: toErrorShape(err) });
}
