// A test double of the `electron` module: records what main asks of Electron so the built main
// bundle can be loaded and checked under plain Node, where no Electron binary is needed.
const { EventEmitter } = require('node:events');

const calls = { schemes: [], protocolHandlers: {}, ipc: {}, windows: [], sandbox: false, menu: null };
let readyResolve;
const ready = new Promise((r) => (readyResolve = r));

class FakeContents extends EventEmitter {
  constructor(id) {
    super();
    this.id = id;
    this.windowOpenHandler = null;
    this.loaded = null;
    this.sent = [];
  }
  send(channel, ...args) {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(fn) {
    this.windowOpenHandler = fn;
  }
}
let nextId = 1;

const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  enableSandbox: () => (calls.sandbox = true),
  whenReady: () => ready,
  getPath: (name) => (name === 'userData' ? process.env.ATLAS_TEST_USERDATA : '/tmp'),
  getAppPath: () => process.cwd(),
  quit: () => app.emit('quit'),
});

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new FakeContents(nextId++);
    app.emit('web-contents-created', {}, this.webContents);
    calls.windows.push(this);
  }
  isDestroyed() {
    return false;
  }
  loadURL(url) {
    this.webContents.loaded = url;
    return Promise.resolve();
  }
  static getAllWindows() {
    return calls.windows;
  }
}

const session = {
  defaultSession: {
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    beforeRequest: null,
    setPermissionRequestHandler(fn) {
      this.permissionRequestHandler = fn;
    },
    setPermissionCheckHandler(fn) {
      this.permissionCheckHandler = fn;
    },
    webRequest: {
      onBeforeRequest(fn) {
        session.defaultSession.beforeRequest = fn;
      },
    },
  },
};

const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => (calls.menu = menu),
};

module.exports = {
  app,
  Menu,
  BrowserWindow,
  session,
  ipcMain: { handle: (channel, fn) => (calls.ipc[channel] = fn) },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => calls.schemes.push(...schemes),
    handle: (scheme, fn) => (calls.protocolHandlers[scheme] = fn),
  },
  __double: { calls, ready: () => readyResolve(), FakeContents },
};
