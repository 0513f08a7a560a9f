// Installs what is missing before `npm start`, `npm test` and `npm run serve`, and nothing when
// node_modules already matches package-lock.json. Dependency-free on purpose: it runs before any
// package is there. Where Electron's binary cannot be downloaded (CI, air-gapped machines), it
// installs everything else and says so; `npm start` then offers the browser mode.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = join(root, 'node_modules', '.atlas-install-stamp');

function wantedStamp() {
  const hash = createHash('sha256');
  for (const f of ['package.json', 'package-lock.json']) {
    if (existsSync(join(root, f))) hash.update(readFileSync(join(root, f)));
  }
  hash.update(process.version);
  return hash.digest('hex');
}

function npm(args, env) {
  const cmd = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
}

export function ensureDeps() {
  const stamp = wantedStamp();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  const args = existsSync(join(root, 'package-lock.json')) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  console.log(`Installing dependencies (npm ${args[0]})…`);
  let result = npm(args, {});
  if (result.status !== 0 && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    console.log(
      '\nThe install failed, most likely because Electron could not download its binary (no network?).\n' +
        'Installing everything else; `npm start` will offer the browser mode (`npm run serve`).\n',
    );
    result = npm(args, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
  }
  if (result.status !== 0) {
    console.error('Installing dependencies failed; see the npm output above.');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stampFile, stamp);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureDeps();
