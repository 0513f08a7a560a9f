// Installs what is missing before `npm start`, `npm test` and `npm run serve`, and nothing when
// node_modules already matches package-lock.json. Dependency-free on purpose: it runs before any
// package is there. Electron's binary is not part of the install (the `electron` package, 45.x,
// fetches it when first asked for it): `npm start` runs that step itself.
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

function npm(args) {
  const cmd = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
}

export function ensureDeps() {
  const stamp = wantedStamp();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  const args = existsSync(join(root, 'package-lock.json')) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  console.log(`Installing dependencies (npm ${args[0]})…`);
  const result = npm(args);
  if (result.status !== 0) {
    console.error('Installing dependencies failed; see the npm output above.');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stampFile, stamp);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureDeps();
