// Registers exactly the contract's calls on ipcMain. Each one checks that the sender is the app's
// own window showing the app's own page, validates the input against the contract, and only then
// relays to the engine worker. Whatever happens, the renderer gets a CallResult, never a throw.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES } from '../../shared/contract';
import { toErrorShape, type CallResult } from '../../shared/errors';
import { parseCall } from '../../shared/validate';
import type { Progress } from '../engine/work';
import { isAppUrl } from './security';

export interface Relay {
  call(name: string, input: unknown): Promise<CallResult<unknown>>;
  cancel(): Promise<boolean>;
  progress(): Progress | null;
}

export function registerContract(ipcMain: IpcMain, engine: Relay, isOwnWindow: (event: IpcMainInvokeEvent) => boolean): string[] {
  const channels: string[] = [];
  for (const name of CALL_NAMES) {
    const channel = `atlas:${name}`;
    ipcMain.handle(channel, async (event, input: unknown): Promise<CallResult<unknown>> => {
      if (!isOwnWindow(event) || !isAppUrl(event.senderFrame?.url)) {
        return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the app window' } };
      }
      try {
        const parsed = parseCall(name, input);
        // Answered here: the engine is busy with the very work these calls are about.
        if (parsed.name === 'work.cancel') return { ok: true, value: { cancelled: await engine.cancel() } };
        if (parsed.name === 'work.progress') return { ok: true, value: engine.progress() };
        return await engine.call(parsed.name, parsed.input);
      } catch (err) {
        return { ok: false, error: toErrorShape(err) };
      }
    });
    channels.push(channel);
  }
  return channels;
}
