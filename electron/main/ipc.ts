// Registers the window's calls on ipcMain (the contract's, but the host-only ones: shared/contract.ts). Each one checks that the sender is the app's
// own window showing the app's own page, and only then hands the call to the relay the browser
// mode shares (host/relay.ts), which validates it before the engine worker sees it.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { WINDOW_CALLS } from '../../shared/contract';
import type { CallResult } from '../../shared/errors';
import { relayCall, type EngineLink } from '../host/relay';
import { isAppUrl } from './security';

export function registerContract(ipcMain: IpcMain, engine: EngineLink, isOwnWindow: (event: IpcMainInvokeEvent) => boolean): string[] {
  const channels: string[] = [];
  for (const name of WINDOW_CALLS) {
    const channel = `atlas:${name}`;
    ipcMain.handle(channel, async (event, input: unknown): Promise<CallResult<unknown>> => {
      if (!isOwnWindow(event) || !isAppUrl(event.senderFrame?.url)) {
        return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the app window' } };
      }
      // Over IPC a slice travels as its wire object (columns as one JSON string): one copy, no splicing.
      return relayCall(engine, name, input);
    });
    channels.push(channel);
  }
  return channels;
}
