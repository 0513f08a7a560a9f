// The app's own menu. Electron's default one has Edit › Undo and Redo with the roles 'undo' and
// 'redo', which run Chromium's native text undo in the focused page; on macOS the menu's key
// equivalents come before the page's keydown, so Cmd+Z and Cmd+Shift+Z never reached the window's
// own undo (the network's and the view's, features/curation/edits.ts). Here Undo and Redo send the
// command to our window, which undoes the network or, when a text field has the focus, the text
// (renderer/src/app/keyboard.ts). Cut, copy, paste and select all keep their native roles.
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../../shared/menu';

function menuTemplate(mac: boolean, send: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
      { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', click: () => send('redo') },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  return [
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    edit,
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ];
}

/** Sets the app's menu; its commands go to the one window `target` names (none while it is closed). */
export function installMenu(target: () => BrowserWindow | null): void {
  const send = (command: MenuCommand) => {
    const win = target();
    if (win && !win.isDestroyed()) win.webContents.send(MENU_CHANNEL, command);
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform === 'darwin', send)));
}
