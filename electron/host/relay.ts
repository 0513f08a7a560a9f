// The one relay between a host's transport and the engine's worker, shared by Electron main (IPC)
// and the browser mode's server (HTTP), so both validate, answer and encode exactly alike. Each host
// keeps only what is its own: main checks the sender, the server its Host header, origin and token.
//
// Both transports carry the window's calls, so the relay holds the window to its surface: no
// host-only call (shared/contract.ts marks those that take any filesystem path), and the calls
// that take a path only with one main staged for the window.
//
// Runs in Node and never imports Electron: the browser mode and the tests use it without it.
import { contract } from '../../shared/contract';
import { AtlasError, toErrorShape, type CallResult } from '../../shared/errors';
import { isSliceWire, sliceAnswerJson } from '../../shared/slice-wire';
import { parseCall } from '../../shared/validate';
import type { Progress } from '../engine/work';

/** What a host holds of the engine: the worker's client (engine/client.ts). */
export interface EngineLink {
  call(name: string, input: unknown): Promise<CallResult<unknown>>;
  cancel(): Promise<boolean>;
  progress(): Progress | null;
  /** Whether `path` is a file staged for the window (engine/client.ts keeps the staging folder). */
  isStaged(path: string): boolean;
}

/**
 * One call from the window: checked against the contract before anything reaches the worker, so
 * nothing malformed crosses; whatever happens, the answer is a CallResult, never a throw.
 */
export async function relayCall(engine: EngineLink, name: string, input: unknown): Promise<CallResult<unknown>> {
  try {
    const parsed = parseCall(name, input);
    const reach = (contract[parsed.name] as { reach?: string }).reach;
    if (reach === 'host') throw new AtlasError('forbidden', `${parsed.name} is not available to the app window`);
    const path = (parsed.input as { path?: unknown }).path;
    if (reach === 'staged' && typeof path === 'string' && !engine.isStaged(path)) {
      // The same answer whether or not the path exists: the window learns nothing of the disk.
      throw new AtlasError('forbidden', 'The window may only use files it picked or the app staged for it', 'path');
    }
    // Answered here: the engine is busy with the very work these calls are about, and a busy
    // engine reads no messages.
    if (parsed.name === 'work.cancel') return { ok: true, value: { cancelled: await engine.cancel() } };
    if (parsed.name === 'work.progress') return { ok: true, value: engine.progress() };
    return await engine.call(parsed.name, parsed.input);
  } catch (err) {
    return { ok: false, error: toErrorShape(err) };
  }
}

/**
 * An answer as JSON text, for a transport that is JSON itself. A slice's columns are JSON text
 * already (shared/slice-wire.ts): spliced in, not quoted into a string the page would parse twice.
 */
export function answerJson(answer: CallResult<unknown>): string {
  if (answer.ok && isSliceWire(answer.value) && 'json' in answer.value) return sliceAnswerJson(answer.value);
  return JSON.stringify(answer);
}
