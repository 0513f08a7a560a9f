// better-sqlite3 is a native module and Electron needs a build for its own ABI. Rather than
// rebuilding node_modules back and forth (which would break `npm test` under Node), `npm start`
// keeps an Electron build apart in .native/electron-<version>/ and main loads it through
// better-sqlite3's `nativeBinding` option. Needs the network once (a prebuilt binary or headers).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

export function electronNativeBinding() {
  const version = require('electron/package.json').version;
  const target = join(root, '.native', `electron-${version}`, 'better_sqlite3.node');
  if (existsSync(target)) return target;
  const work = join(root, '.native', `build-${version}`);
  rmSync(work, { recursive: true, force: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  });
  const run = (script, args) =>
    spawnSync(process.execPath, [join(root, 'node_modules', ...script), ...args], { cwd: work, stdio: 'inherit' });
  console.log(`Preparing better-sqlite3 for Electron ${version}…`);
  let r = run(['prebuild-install', 'bin.js'], ['--runtime', 'electron', '--target', version, '--arch', process.arch]);
  if (r.status !== 0) {
    r = run(
      ['node-gyp', 'bin', 'node-gyp.js'],
      ['rebuild', '--release', '--runtime=electron', `--target=${version}`, '--dist-url=https://electronjs.org/headers'],
    );
  }
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (r.status !== 0 || !existsSync(built)) {
    rmSync(work, { recursive: true, force: true });
    return null;
  }
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(built, target);
  rmSync(work, { recursive: true, force: true });
  return target;
}
