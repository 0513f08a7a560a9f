// The preload: exposes exactly the window's calls (shared/contract.ts) to the page, nothing else, through one
// frozen object. No logic, no Node: it runs sandboxed, and main validates everything again.
import { contextBridge, ipcRenderer } from 'electron';
import { WINDOW_CALLS } from '../../shared/contract';
import { isMenuCommand, MENU_CHANNEL, type MenuCommand } from '../../shared/menu';

const allowed = new Set<string>(WINDOW_CALLS);

contextBridge.exposeInMainWorld('atlas', {
  calls: [...WINDOW_CALLS],
  invoke(name: string, input: unknown): Promise<unknown> {
    if (typeof name !== 'string' || !allowed.has(name)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'validation', message: `There is no call named '${String(name).slice(0, 80)}'` },
      });
    }
    return ipcRenderer.invoke(`atlas:${name}`, input);
  },
  /** The app menu's Undo and Redo (electron/main/menu.ts); the page gets the command only, never the event. */
  onMenu(listener: (command: MenuCommand) => void): void {
    ipcRenderer.on(MENU_CHANNEL, (_event, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    });
  },
});
