// What `npm start` does once dependencies and the build are in place: find Electron's binary, or
// run Electron's own install step to get it (the `electron` package, 45.x, no longer downloads it
// when installed, only when first asked for it), then open the window; offer the browser mode only
// when that fails. Dependency-free and apart from start.mjs so tests can drive it with a stand-in
// for Electron's package, its install step and its binary.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';

/** What the build (electron-vite, vite 8, rolldown) declares: below it nothing can be built, window or browser mode. */
const NODE_FOR_BUILD = [20, 19, 0];
/**
 * What Electron 45's install step (@electron/get, extract-zip) declares. On 20.19 and later it does
 * run (Node 20.19 can require() the ES modules it is made of), so it is tried there too, and named
 * only if it fails. The window itself runs on Electron's own Node.
 */
const NODE_DECLARED_BY_ELECTRON = [22, 12, 0];
const SERVE_PORT = 5199;

function older(version, than) {
  const have = version.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < than.length; i++) {
    if ((have[i] ?? 0) !== than[i]) return (have[i] ?? 0) < than[i];
  }
  return false;
}

/** One sentence refusing a Node.js that `npm start` cannot work with, or null. */
export function nodeRefusal(version = process.versions.node) {
  if (!older(version, NODE_FOR_BUILD)) return null;
  return `npm start needs Node.js ${NODE_FOR_BUILD.slice(0, 2).join('.')} or later to build the app, and this is Node.js ${version.replace(/^v/, '')}.`;
}

/**
 * Electron's executable, or null, found as the package's own index.js finds it (path.txt names it
 * inside dist/) but without asking index.js, which would download with no say in how it fails.
 */
export function electronBinary(electronDir, env = process.env) {
  const pathFile = join(electronDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return join(env.ELECTRON_OVERRIDE_DIST_PATH, name || 'electron');
  if (!name) return null;
  const exe = join(electronDir, 'dist', name);
  return existsSync(exe) ? exe : null;
}

/**
 * Runs Electron's install step (its install.js: download, check, unzip into dist/, write path.txt).
 * On a terminal its output and progress bar are shown as they come; otherwise its output is kept
 * and its failure told in one line. Returns null on success, else that line.
 */
export function installElectron(installScript, { terminal }) {
  const r = spawnSync(process.execPath, [installScript], { stdio: ['ignore', 'inherit', terminal ? 'inherit' : 'pipe'], encoding: 'utf8' });
  if (r.status === 0) return null;
  if (r.error) return r.error.message;
  // A stack trace's first line is its message; the frames say nothing a person can act on.
  const said = (r.stderr ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at '));
  return `${said[0] ?? (terminal ? 'its output is above' : 'it said nothing')} (exit code ${r.status ?? r.signal})`;
}

function electronVersion(electronDir) {
  try {
    return JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  } catch {
    return 'of the same version';
  }
}

/** The database the app and the browser mode use by default (as electron/engine/paths.ts decides). */
export function defaultDbPath(env = process.env, platform = process.platform, home = homedir()) {
  if (env.ATLAS_DB) return env.ATLAS_DB;
  const product = 'Stakeholder Atlas';
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), product, 'atlas.sqlite');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', product, 'atlas.sqlite');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), product, 'atlas.sqlite');
}

function quoted(path, platform) {
  return platform === 'win32' ? `"${path}"` : `"${path.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** The browser mode's command with its defaults written out, to copy as it is. */
export function browserModeCommand(dbPath, platform = process.platform) {
  return `npm run serve -- --port ${SERVE_PORT} --db ${quoted(dbPath, platform)}`;
}

function exitOf(child, stderr) {
  return new Promise((resolve) => {
    child.on('error', (err) => {
      stderr.write(`Cannot start ${child.spawnfile}: ${err.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * The decision, from "is there a binary" to the exit code. `electronDir` is Electron's package
 * (its install.js is the install step), `prepareNative` gives better-sqlite3's build for Electron
 * or null, `webBundle` is the browser mode's built server (out/main/web.cjs).
 */
export async function startApp({
  root,
  electronDir = join(root, 'node_modules', 'electron'),
  installScript = join(electronDir, 'install.js'),
  prepareNative,
  webBundle = join(root, 'out', 'main', 'web.cjs'),
  argv = [],
  env = process.env,
  stdin = process.stdin,
  stdout = process.stdout,
  stderr = process.stderr,
  nodeVersion = process.versions.node,
}) {
  const say = (line = '') => stdout.write(`${line}\n`);
  let electron = electronBinary(electronDir, env);
  if (!electron) {
    say('node_modules/electron has no binary yet: running its install step, which downloads it once…');
    const failure = installElectron(installScript, { terminal: Boolean(stderr.isTTY) });
    electron = failure ? null : electronBinary(electronDir, env);
    if (!electron) {
      let why = failure ?? 'it finished but left no binary in node_modules/electron/dist';
      if (older(nodeVersion, NODE_DECLARED_BY_ELECTRON)) why += ` (it declares Node.js 22.12 or later; this is ${nodeVersion})`;
      return offerBrowserMode(`node_modules/electron has no binary, and Electron's install step failed: ${why}.`);
    }
  }
  const binding = prepareNative();
  if (!binding) {
    return offerBrowserMode('better-sqlite3 could not be prepared for Electron (no prebuilt binary, and no build tools or network).');
  }
  return exitOf(spawn(electron, [root, ...argv], { cwd: root, stdio: 'inherit', env: { ...env, ATLAS_NATIVE_BINDING: binding } }), stderr);

  async function offerBrowserMode(reason) {
    const dbPath = defaultDbPath(env);
    say();
    say(reason);
    say();
    say('Stakeholder Atlas also runs in any browser on this machine, with the same data and engine:');
    say(`  ${browserModeCommand(dbPath)}`);
    say('(then open the http://127.0.0.1 URL it prints)');
    say();
    say(`To get the desktop window, run \`node ${join('node_modules', 'electron', 'install.js')}\` where its download works, or copy`);
    say(`node_modules/electron/dist and path.txt from a machine with Electron ${electronVersion(electronDir)}.`);
    if (!stdin.isTTY) {
      say();
      say('No terminal to ask whether to start it now (stdin is not a TTY): run the command above.');
      return 1;
    }
    const rl = createInterface({ input: stdin, output: stdout });
    const answer = (await rl.question('Start the browser mode now? [Y/n] ')).trim().toLowerCase();
    rl.close();
    if (answer && answer !== 'y' && answer !== 'yes') return 1;
    return exitOf(
      spawn(process.execPath, [webBundle, '--port', String(SERVE_PORT), '--db', dbPath], { cwd: root, stdio: 'inherit', env }),
      stderr,
    );
  }
}
