// Builds main, preload, worker and renderer (electron-vite) when a source is newer than the last
// build, or when the last build was made for the other mode, so `npm start` and `npm run serve`
// are quick when nothing changed. They want the shipped build (production); end-to-end tests and
// benchmarks want the test build (`--mode test`: the renderer with the hooks they drive), and the
// renderer's build says which it is in out/renderer/build-mode.txt (electron.vite.config.ts).
//
//   node scripts/build-if-stale.mjs [--mode test]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'out', '.build-stamp');
const modeFile = join(root, 'out', 'renderer', 'build-mode.txt');
const SOURCES = ['electron', 'renderer', 'shared', 'resources', 'electron.vite.config.ts', 'package-lock.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, f) => Math.max(m, newest(join(path, f))), s.mtimeMs);
}

/** The mode out/ was built in; null when there is no build, or one from before the mode was written. */
function builtMode() {
  return existsSync(modeFile) ? readFileSync(modeFile, 'utf8').trim() : null;
}

const sourcesOlderThan = (time) => SOURCES.every((s) => newest(join(root, s)) <= time);

/** Runs electron-vite's build in `mode`, stamping out/ when it succeeds; its exit status. */
function build(mode, stdio) {
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--mode', mode], {
    cwd: root,
    stdio,
  });
  if (r.status === 0) writeFileSync(stamp, new Date().toISOString());
  return r.status ?? 1;
}

export function buildIfStale(mode = 'production') {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  if (built && builtMode() === mode && sourcesOlderThan(built)) return;
  console.log(`Building the app (electron-vite build --mode ${mode})…`);
  const status = build(mode, 'inherit');
  if (status !== 0) {
    console.error('The build failed; see above.');
    process.exit(status);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--mode');
  buildIfStale(i > 0 ? process.argv[i + 1] : undefined);
}

// For bin/atlas.mjs, which runs the CLI's built bundle: builds (everything, as above) when that
// bundle is missing or older than a source, judged by the bundle itself since `npm run build`
// writes no stamp. One line says so, on stderr (stdout may be a pipe expecting JSON); the build's
// own output is kept back, and a failure is one line too. It builds in the mode out/ already has,
// so running the CLI never swaps the renderer a test run is using. True when the bundle is ready.
export function buildBundleIfStale(bundle, tool) {
  const file = join(root, bundle);
  const built = existsSync(file) ? statSync(file).mtimeMs : 0;
  if (built && sourcesOlderThan(built)) return true;
  process.stderr.write(
    `${tool}: building ${bundle} first (electron-vite build), since it is ${built ? 'older than its sources' : 'missing'}\n`,
  );
  if (build(builtMode() ?? 'production', 'ignore') === 0 && existsSync(file)) return true;
  process.stderr.write(`${tool}: the build failed; \`npm run build\` shows why\n`);
  return false;
}
