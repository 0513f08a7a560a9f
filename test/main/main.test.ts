// The built main bundle (out/main/index.cjs) loaded against a test double of `electron`: every
// contract call is registered and relayed to the real engine worker, the window's preferences are
// the secure ones, navigation, new windows and permissions are denied, and nothing leaves the app.
import Module, { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, WINDOW_CALLS } from '../../shared/contract';
import { decodeSlice, isSliceWire } from '../../shared/slice-wire';

const root = resolve(__dirname, '../..');
const doublePath = resolve(__dirname, 'electron-double.cjs');
const require = createRequire(import.meta.url);
/* The double is plain CommonJS; these are the parts the test reads. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the double's handlers take and give whatever Electron's do
type Fn = (...args: any[]) => any;
interface FakeWindow {
  options: { webPreferences: Record<string, unknown> & { preload: string } };
  webContents: NodeJS.EventEmitter & { loaded: string | null; windowOpenHandler: Fn | null; sent: unknown[][] };
}
interface MenuItem {
  label?: string;
  role?: string;
  accelerator?: string;
  click?: Fn;
  submenu?: MenuItem[];
}
interface Double {
  app: NodeJS.EventEmitter;
  session: { defaultSession: { permissionRequestHandler: Fn | null; permissionCheckHandler: Fn | null; beforeRequest: Fn | null } };
  __double: {
    calls: {
      schemes: unknown[];
      protocolHandlers: Record<string, Fn>;
      ipc: Record<string, Fn>;
      windows: FakeWindow[];
      sandbox: boolean;
      menu: { template: MenuItem[] } | null;
    };
    ready: () => void;
    FakeContents: new (id: number) => NodeJS.EventEmitter;
  };
}
let electron: Double;
let dir: string;
const resolveFilename = (Module as unknown as { _resolveFilename: (...a: unknown[]) => string })._resolveFilename;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-main-'));
  process.env.ATLAS_TEST_USERDATA = dir;
  (Module as unknown as { _resolveFilename: (...a: unknown[]) => string })._resolveFilename = function (
    request: unknown,
    ...rest: unknown[]
  ) {
    if (request === 'electron') return doublePath;
    return resolveFilename.call(this, request, ...rest);
  };
  electron = require(doublePath);
  require(join(root, 'out/main/index.cjs'));
  electron.__double.ready();
  await new Promise((r) => setTimeout(r, 50));
});

afterAll(() => {
  electron.app.emit('will-quit');
  (Module as unknown as { _resolveFilename: unknown })._resolveFilename = resolveFilename;
  rmSync(dir, { recursive: true, force: true });
});

const calls = () => electron.__double.calls;
const win = () => calls().windows[0]!;
const own = () => ({ sender: win().webContents, senderFrame: { url: 'atlas://app/index.html' } });
const invoke = (name: string, input: unknown, event: object = own()) => calls().ipc[`atlas:${name}`]!(event, input);

describe('main process', () => {
  it("registers exactly the window's calls: every contract call but the host-only ones", () => {
    expect(Object.keys(calls().ipc).sort()).toEqual(WINDOW_CALLS.map((n) => `atlas:${n}`).sort());
    expect(WINDOW_CALLS.length).toBe(CALL_NAMES.length - 1);
    expect(calls().ipc['atlas:export.run']).toBeUndefined();
  });

  it('refuses a path main did not stage, from its own window too', async () => {
    const outside = { code: 'forbidden', message: 'The window may only use files it picked or the app staged for it', field: 'path' };
    expect(await invoke('import.preview', { path: '/etc/passwd' })).toEqual({ ok: false, error: outside });
    expect(await invoke('file.fetch', { path: join(dir, 'atlas.sqlite') })).toEqual({ ok: false, error: outside });
    const staged = await invoke('file.stage', { name: 'n.csv', dataBase64: Buffer.from('name\nAlpha\n').toString('base64') });
    expect(await invoke('import.preview', { path: staged.value.path })).toMatchObject({
      ok: true,
      value: { organisations: { create: 1 } },
    });
  });

  it('opens one window with the secure preferences, on the app protocol', () => {
    expect(calls().windows).toHaveLength(1);
    const prefs = win().options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs.preload).toBe(join(root, 'out/preload/index.cjs'));
    expect(win().webContents.loaded).toBe('atlas://app/index.html');
    expect(calls().sandbox).toBe(true);
    expect(calls().schemes).toEqual([
      expect.objectContaining({ scheme: 'atlas', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('relays calls from its own window to the real engine, which loaded the seed network', async () => {
    const r = await invoke('stats.get', {});
    expect(r).toMatchObject({ ok: true, value: { organisations: 7, ties: 8 } });
  });

  it('hands the window a slice by columns, which decodes to the seed network', async () => {
    const r = await invoke('graph.slice', {});
    expect(r.ok).toBe(true);
    expect(isSliceWire(r.value)).toBe(true);
    const slice = decodeSlice(r.value);
    expect(slice.nodes).toHaveLength(7);
    expect(slice.edges).toHaveLength(8);
    expect(slice.counts.organisations).toEqual({ shown: 7, total: 7 });
  });

  it('answers an invalid payload with a validation error and writes nothing', async () => {
    const before = await invoke('stats.get', {});
    for (const bad of [42, { name: '' }, { name: 'X', sector: 'army' }, { name: 'X', sector: 'other', extra: 1 }]) {
      const r = await invoke('organisation.create', bad);
      expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(await invoke('stats.get', {})).toEqual(before);
  });

  it('answers a cancel and a progress question itself, since a busy engine cannot', async () => {
    expect(await invoke('work.cancel', {})).toEqual({ ok: true, value: { cancelled: false } });
    expect(await invoke('work.progress', {})).toEqual({ ok: true, value: null });
    expect(await invoke('work.progress', { x: 1 })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await invoke('work.cancel', { now: true })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await invoke('stats.get', {})).toMatchObject({ ok: true });
  });

  it('refuses calls from any other sender or page', async () => {
    const stranger = new electron.__double.FakeContents(999);
    expect(await invoke('stats.get', {}, { sender: stranger, senderFrame: { url: 'atlas://app/index.html' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await invoke('stats.get', {}, { sender: win().webContents, senderFrame: { url: 'https://evil.example/' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await invoke('stats.get', {}, { sender: win().webContents, senderFrame: null })).toMatchObject({ ok: false });
  });

  it('denies navigation, redirects, webviews and new windows', () => {
    const contents = win().webContents;
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) }, 'https://example.com/');
      expect(prevented, event).toBe(true);
    }
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission and cancels every request that leaves the app', () => {
    const s = electron.session.defaultSession;
    let granted: boolean | null = null;
    s.permissionRequestHandler!(win().webContents, 'media', (ok: boolean) => (granted = ok));
    expect(granted).toBe(false);
    expect(s.permissionCheckHandler!()).toBe(false);
    const decide = (url: string) => {
      let cancel: boolean | null = null;
      s.beforeRequest!({ url }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://example.com/tracker.js')).toBe(true);
    expect(decide('http://127.0.0.1:8080/')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('atlas://app/index.html')).toBe(false);
  });

  it('serves the renderer over atlas:// with the CSP, and nothing outside it', async () => {
    const handler = calls().protocolHandlers.atlas!;
    const page: Response = await handler({ url: 'atlas://app/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(await page.text()).toContain('<div id="root">');
    for (const url of ['atlas://app/../../package.json', 'atlas://app/%2e%2e/%2e%2e/package.json', 'atlas://other/index.html']) {
      expect((await handler({ url })).status, url).toBe(404);
    }
  });

  it("sets its own menu: Undo and Redo send the window's undo to its page, not Chromium's text undo; cut, copy and paste stay native", () => {
    const menu = calls().menu;
    expect(menu).not.toBeNull();
    const items = menu!.template.flatMap((m) => m.submenu ?? []);
    const undo = items.find((i) => i.label === 'Undo')!;
    const redo = items.find((i) => i.label === 'Redo')!;
    expect(undo).toMatchObject({ accelerator: 'CmdOrCtrl+Z' });
    expect(redo).toMatchObject({ accelerator: 'Shift+CmdOrCtrl+Z' });
    // No item keeps the default menu's roles, which would take the keys before the page on macOS.
    expect(items.filter((i) => i.role === 'undo' || i.role === 'redo')).toEqual([]);
    expect(items.map((i) => i.role).filter(Boolean)).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']));
    const sent = win().webContents.sent;
    sent.length = 0;
    undo.click!();
    redo.click!();
    expect(sent).toEqual([
      ['atlas:menu', 'undo'],
      ['atlas:menu', 'redo'],
    ]);
    // Sent on its own channel, which is no contract call the page could invoke.
    expect(calls().ipc['atlas:menu']).toBeUndefined();
  });
});
