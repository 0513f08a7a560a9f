// `npm start`'s decision (scripts/start-decision.mjs) with stand-ins for Electron's package: its
// install step (which cannot download here) and its binary, a script that records how it was
// started. Missing binary + install step succeeds → the window starts; it fails → the browser
// mode is offered, and with no terminal to ask on, its exact command is printed and start fails.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDbPath as enginesDbPath } from '../../electron/engine/paths';

/* The module is plain JavaScript (it runs before anything is installed); these are the parts used. */
interface Streams {
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout?: Writable;
  stderr?: Writable;
}
interface StartDecision {
  nodeRefusal(version: string): string | null;
  defaultDbPath(env?: NodeJS.ProcessEnv): string;
  startApp(
    opts: Streams & {
      root: string;
      electronDir?: string;
      webBundle?: string;
      prepareNative: () => string | null;
      argv?: string[];
      env?: NodeJS.ProcessEnv;
      nodeVersion?: string;
    },
  ): Promise<number>;
}

const root = resolve(__dirname, '../..');
let decision: StartDecision;
let dir: string;
let n = 0;

/** A stand-in executable: records its arguments and the binding it was given, then exits 0. */
const RECORDER = `#!${process.execPath}
require('node:fs').writeFileSync(process.env.STANDIN_RECORD, JSON.stringify({ argv: process.argv.slice(2), binding: process.env.ATLAS_NATIVE_BINDING ?? null }));
`;
/** Electron's install step when the download works: dist/ and path.txt, as install.js leaves them. */
const INSTALLS = `const fs = require('node:fs');
const path = require('node:path');
process.stderr.write('Downloading electron-v45.5.0-linux-x64.zip: 100%\\n');
fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), ${JSON.stringify(RECORDER)}, { mode: 0o755 });
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
fs.writeFileSync(path.join(__dirname, 'install-ran'), '');
`;
/** ...and where it does not (as @electron/get fails offline: a stack trace, exit code 1). */
const FAILS = `require('node:fs').writeFileSync(require('node:path').join(__dirname, 'install-ran'), '');
console.error('Error: getaddrinfo ENOTFOUND github.com\\n    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:120:26)');
process.exit(1);
`;
/** ...and one that says it worked but leaves nothing behind. */
const LEAVES_NOTHING = `require('node:fs').writeFileSync(require('node:path').join(__dirname, 'install-ran'), '');\n`;

beforeAll(async () => {
  decision = (await import(pathToFileURL(join(root, 'scripts/start-decision.mjs')).href)) as StartDecision;
  dir = mkdtempSync(join(tmpdir(), 'atlas-start-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in `node_modules/electron`: its install.js, and (if `installed`) a binary already there. */
function electronPackage(install: string, installed = false): string {
  const pkg = join(dir, `electron-${++n}`);
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'install.js'), install);
  if (installed) {
    mkdirSync(join(pkg, 'dist'));
    writeFileSync(join(pkg, 'dist', 'electron'), RECORDER);
    chmodSync(join(pkg, 'dist', 'electron'), 0o755);
    writeFileSync(join(pkg, 'path.txt'), 'electron');
  }
  return pkg;
}

function sink(isTTY = false): Writable & { text: string; isTTY: boolean } {
  const s = Object.assign(new Writable({ write: (chunk, _enc, done) => ((s.text += String(chunk)), done()) }), { text: '', isTTY });
  return s;
}

async function start(
  electronDir: string,
  opts: { stdin?: Streams['stdin']; prepareNative?: () => string | null; webBundle?: string; nodeVersion?: string } = {},
) {
  const record = join(dir, `record-${++n}.json`);
  const stdout = sink();
  const stderr = sink();
  const code = await decision.startApp({
    root,
    electronDir,
    prepareNative: opts.prepareNative ?? (() => '/native/better_sqlite3.node'),
    argv: ['--flag'],
    env: { ...process.env, STANDIN_RECORD: record },
    stdin: opts.stdin ?? Object.assign(new PassThrough(), { isTTY: false }),
    stdout,
    stderr,
    nodeVersion: opts.nodeVersion ?? '22.12.0',
    ...(opts.webBundle ? { webBundle: opts.webBundle } : {}),
  });
  const started = existsSync(record) ? (JSON.parse(readFileSync(record, 'utf8')) as { argv: string[]; binding: string | null }) : null;
  return { code, out: stdout.text, err: stderr.text, started, installRan: existsSync(join(electronDir, 'install-ran')) };
}

const expectedCommand = () => `npm run serve -- --port 5199 --db "${enginesDbPath()}"`;

describe('npm start', () => {
  it('starts the window straight away when Electron has its binary', async () => {
    const r = await start(electronPackage(FAILS, true));
    expect(r.installRan).toBe(false);
    expect(r.code).toBe(0);
    expect(r.started).toEqual({ argv: [root, '--flag'], binding: '/native/better_sqlite3.node' });
  });

  it("runs Electron's install step where the binary is missing, then starts the window", async () => {
    const pkg = electronPackage(INSTALLS);
    const r = await start(pkg);
    expect(r.installRan).toBe(true);
    expect(r.out).toContain('node_modules/electron has no binary yet: running its install step');
    expect(r.code).toBe(0);
    expect(r.started).toEqual({ argv: [root, '--flag'], binding: '/native/better_sqlite3.node' });
    expect(r.out).not.toContain('npm run serve');
  });

  it('offers the browser mode when the install step fails, and with no terminal prints its command and exits non-zero', async () => {
    const r = await start(electronPackage(FAILS));
    expect(r.installRan).toBe(true);
    expect(r.started).toBeNull();
    expect(r.code).not.toBe(0);
    const lines = r.out.split('\n');
    expect(lines).toContain(
      "node_modules/electron has no binary, and Electron's install step failed: Error: getaddrinfo ENOTFOUND github.com (exit code 1).",
    );
    expect(lines).toContain(`  ${expectedCommand()}`);
    expect(r.out).toContain('stdin is not a TTY');
    expect(r.out).not.toMatch(/GetAddrInfoReqWrap|probably|blocked/);
    expect(r.out).not.toContain('[Y/n]');
  });

  it("tries the install step on Node.js 20 too, and names Electron's own requirement when it fails", async () => {
    const r = await start(electronPackage(FAILS), { nodeVersion: '20.20.2' });
    expect(r.installRan).toBe(true);
    expect(r.out).toContain('(exit code 1) (it declares Node.js 22.12 or later; this is 20.20.2).');
  });

  it('says so when the install step claims success but leaves no binary', async () => {
    const r = await start(electronPackage(LEAVES_NOTHING));
    expect(r.code).not.toBe(0);
    expect(r.started).toBeNull();
    expect(r.out).toContain("Electron's install step failed: it finished but left no binary in node_modules/electron/dist.");
  });

  it('asks on a terminal, and starts the browser mode with the defaults it printed', async () => {
    const no = Object.assign(new PassThrough(), { isTTY: true });
    no.end('n\n');
    const declined = await start(electronPackage(FAILS), { stdin: no });
    expect(declined.out).toContain('Start the browser mode now? [Y/n] ');
    expect(declined.code).not.toBe(0);
    expect(declined.started).toBeNull();

    const yes = Object.assign(new PassThrough(), { isTTY: true });
    yes.end('\n');
    const webBundle = join(dir, 'web-stand-in.cjs');
    writeFileSync(webBundle, RECORDER);
    const accepted = await start(electronPackage(FAILS), { stdin: yes, webBundle });
    expect(accepted.code).toBe(0);
    expect(accepted.started?.argv).toEqual(['--port', '5199', '--db', enginesDbPath()]);
  });

  it('offers the browser mode when better-sqlite3 cannot be prepared for Electron', async () => {
    const r = await start(electronPackage(FAILS, true), { prepareNative: () => null });
    expect(r.started).toBeNull();
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('better-sqlite3 could not be prepared for Electron');
    expect(r.out).toContain(expectedCommand());
  });

  it('uses the database the engine would, ATLAS_DB included', () => {
    expect(decision.defaultDbPath(process.env)).toBe(enginesDbPath());
    const saved = process.env.ATLAS_DB;
    process.env.ATLAS_DB = join(dir, 'elsewhere.sqlite');
    try {
      expect(decision.defaultDbPath(process.env)).toBe(enginesDbPath());
    } finally {
      if (saved === undefined) delete process.env.ATLAS_DB;
      else process.env.ATLAS_DB = saved;
    }
  });

  it('refuses, in one sentence, a Node.js older than the build needs', () => {
    for (const old of ['20.18.3', 'v18.20.4', '16.0.0']) {
      const refusal = decision.nodeRefusal(old);
      expect(refusal, old).toMatch(/^npm start needs Node\.js 20\.19 or later\b/);
      expect(refusal).toContain(old.replace(/^v/, ''));
      expect(refusal!.split(/(?<=\.)\s+(?=[A-Z])/)).toHaveLength(1);
      expect(refusal!.endsWith('.')).toBe(true);
    }
    for (const ok of ['20.19.0', 'v20.20.2', '22.12.0', '24.11.0']) expect(decision.nodeRefusal(ok), ok).toBeNull();
  });
});
