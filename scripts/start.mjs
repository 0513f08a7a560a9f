// `npm start`: install what is missing, build what is stale, then open the app. Where Electron's
// binary is missing (its download was blocked), say so plainly and offer the browser mode.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureDeps();
const { buildIfStale } = await import('./build-if-stale.mjs');
const { electronNativeBinding } = await import('./electron-native.mjs');

/**
 * Where Electron's executable is, or null. Read from the package's path.txt rather than by
 * require('electron'), which would try to download the binary and fail with a stack trace.
 */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

async function offerBrowserMode(reason) {
  console.log(`\n${reason}\n`);
  console.log('Stakeholder Atlas also runs in any browser on this machine, with the same data and engine:');
  console.log('  npm run serve            (then open the printed http://127.0.0.1 URL)\n');
  console.log('To get the desktop window, install Electron where its download works:');
  console.log('  npm install electron     (or copy node_modules/electron/dist from a machine that has it)\n');
  if (!process.stdin.isTTY) process.exit(1);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = (await rl.question('Start the browser mode now? [Y/n] ')).trim().toLowerCase();
  rl.close();
  if (answer && answer !== 'y' && answer !== 'yes') process.exit(1);
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron/web/serve.ts'), ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

buildIfStale();
const electron = electronBinary();
if (!electron) {
  await offerBrowserMode("Electron's binary is not installed (its download was probably blocked).");
} else {
  const binding = electronNativeBinding();
  if (!binding) {
    await offerBrowserMode('better-sqlite3 could not be prepared for Electron (no prebuilt binary and no build tools or network).');
  } else {
    const child = spawn(electron, [root, ...process.argv.slice(2)], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ATLAS_NATIVE_BINDING: binding },
    });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
