// Electron main: the app's lifecycle and its one window. It owns no behaviour: the engine runs in a
// worker thread, the renderer draws, and this file wires them together under the security policy.
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EngineClient } from '../engine/client';
import { DB_FILE } from '../engine/paths';
import { registerContract } from './ipc';
import { installMenu } from './menu';
import { registerRendererProtocol, SCHEME_PRIVILEGES } from './protocol';
import { APP_ORIGIN, secureApp, securePreferences, secureSession } from './security';

// Must happen before 'ready': atlas:// gets the privileges of a standard, secure origin.
protocol.registerSchemesAsPrivileged([SCHEME_PRIVILEGES]);
app.enableSandbox();
secureApp(app);

let mainWindow: BrowserWindow | null = null;
let engine: EngineClient | null = null;

/** In a checkout, `npm start` keeps an Electron build of better-sqlite3 apart from Node's. */
function nativeBinding(): string | undefined {
  if (process.env.ATLAS_NATIVE_BINDING) return process.env.ATLAS_NATIVE_BINDING;
  if (app.isPackaged) return undefined;
  const built = join(app.getAppPath(), '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
  return existsSync(built) ? built : undefined;
}

function resourcesDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Stakeholder Atlas',
    show: false,
    backgroundColor: '#1b1d22',
    webPreferences: securePreferences(join(__dirname, '../preload/index.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

app.whenReady().then(() => {
  secureSession(session.defaultSession);
  registerRendererProtocol(protocol, join(__dirname, '../renderer'));
  const binding = nativeBinding();
  engine = new EngineClient(join(__dirname, 'engine-worker.cjs'), {
    dbPath: process.env.ATLAS_DB ?? join(app.getPath('userData'), DB_FILE),
    resourcesDir: resourcesDir(),
    seedIfEmpty: true,
    ...(binding ? { nativeBinding: binding } : {}),
  });
  registerContract(ipcMain, engine, (event) => mainWindow !== null && event.sender === mainWindow.webContents);
  installMenu(() => mainWindow);
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void engine?.close();
});
