// The interoperability suite: the importers and exporters against other tools' real files in
// ../shared/datasets (or wherever ATLAS_DATASETS says). `npm test` never runs it, since a clone has
// nothing beside it; CI runs it after. Without the datasets it says so on one line and passes: a
// silent reporter keeps vitest's own "no test files" report from adding more.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const given = process.env.ATLAS_DATASETS;
const datasets = given ?? fileURLToPath(new URL('../shared/datasets', import.meta.url));
const present = existsSync(datasets);
// Tools that only read the configuration (knip) should not print it.
if (!present && /vitest/.test(process.argv[1] ?? '')) {
  const named = given ? `ATLAS_DATASETS (${given})` : '../shared/datasets';
  console.log(`interop: skipped, ${named} not found (the public datasets are beside the project only in CI)`);
}

export default defineConfig({
  test: present
    ? { include: ['test/interop/**/*.test.ts'], env: { ATLAS_DATASETS: datasets }, pool: 'forks', testTimeout: 60_000 }
    : { include: [], passWithNoTests: true, reporters: [{}] },
});
