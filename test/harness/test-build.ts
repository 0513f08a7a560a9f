// End-to-end tests and benchmarks drive the window through hooks only a test build has
// (`window.atlasGraph`, `window.atlasLayout`: `npm run build:test`, see electron.vite.config.ts).
// Run against a shipped build they would wait for the hooks until they time out; this says why at once.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MODE_FILE = fileURLToPath(new URL('../../out/renderer/build-mode.txt', import.meta.url));

export function requireTestBuild(): void {
  const mode = existsSync(MODE_FILE) ? readFileSync(MODE_FILE, 'utf8').trim() : null;
  if (mode === 'test') return;
  throw new Error(
    `out/renderer is ${mode ? `a ${mode} build` : 'not a build this project recognises'}, without the hooks the end-to-end tests and benchmarks drive: build it with \`npm run build:test\` first.`,
  );
}

/** Playwright's global setup (playwright.config.ts). */
export default requireTestBuild;
