// The one relay between a host's transport and the engine's worker, shared by Electron main (IPC)
// and the browser mode's server (HTTP), so both validate, answer and encode exactly alike. Each host
// keeps only what is its own: main checks the sender, the server its Host header, origin and token.
//
// Runs in Node and never imports Electron: the browser mode and the tests use it without it.
import { toErrorShape, type CallResult } from '../../shared/errors';
import { isSliceWire, sliceAnswerJson } from '../../shared/slice-wire';
import { parseCall } from '../../shared/validate';
import type { Progress } from '../engine/work';

/** What a host holds of the engine: the worker's client (engine/client.ts). */
export interface EngineLink {
  call(name: string, input: unknown): Promise<CallResult<unknown>>;
  cancel(): Promise<boolean>;
  progress(): Progress | null;
}

/**
 * One call from the window: checked against the contract before anything reaches the worker, so
 * nothing malformed crosses; whatever happens, the answer is a CallResult, never a throw.
 */
export async function relayCall(engine: EngineLink, name: string, input: unknown): Promise<CallResult<unknown>> {
  try {
    const parsed = parseCall(name, input);
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
