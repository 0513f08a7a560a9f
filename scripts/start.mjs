// `npm start`: refuse a Node.js the desktop tooling cannot run on, install what is missing, build
// what is stale, then open the app (start-decision.mjs: Electron's binary, fetched by its own
// install step if missing, or else the offer of the browser mode).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeRefusal, startApp } from './start-decision.mjs';

const refusal = nodeRefusal();
if (refusal) {
  console.error(refusal);
  process.exit(1);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { ensureDeps } = await import('./ensure-deps.mjs');
ensureDeps();
const { buildIfStale } = await import('./build-if-stale.mjs');
const { electronNativeBinding } = await import('./electron-native.mjs');
buildIfStale();
process.exitCode = await startApp({ root, prepareNative: electronNativeBinding, argv: process.argv.slice(2) });
