// Engine benchmark (issue 2): a synthetic network of 50,000 organisations, then the figures the
// explorer depends on. Run with `npm run bench` (or `npm run bench -- --orgs 20000` for a quick
// look). Prints a table; targets are from the issue.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from '../../electron/engine/engine';
import { findResourcesDir } from '../../electron/engine/paths';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ORGS = arg('orgs', 50_000);
const RUNS = arg('runs', 7);
const resourcesDir = findResourcesDir();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

export interface Row {
  what: string;
  figure: string;
  target: string;
  ok: boolean;
}

export function engineBench(): Row[] {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const dbPath = join(dir, 'bench.sqlite');
  const rows: Row[] = [];
  try {
    const engine = new Engine({ dbPath, resourcesDir, actor: 'bench' });
    const t0 = performance.now();
    const gen = engine.generate({ organisations: ORGS, seed: 42 });
    const genMs = performance.now() - t0;
    const changeRows = engine.db.prepare('SELECT count(*) FROM change').pluck().get() as number;
    const recordsPerSec = gen.totalRows / (genMs / 1000);
    rows.push({
      what: `generate + insert ${ORGS.toLocaleString('en')} organisations (${gen.totalRows.toLocaleString('en')} records + ${changeRows.toLocaleString('en')} change-log rows)`,
      figure: `${Math.round(recordsPerSec).toLocaleString('en')} records/s (${Math.round((gen.totalRows + changeRows) / (genMs / 1000)).toLocaleString('en')} rows/s with the log), ${(genMs / 1000).toFixed(2)} s`,
      target: '≥ 200,000 rows/s',
      ok: recordsPerSec >= 200_000,
    });

    let ties = 0;
    const allMs = time(() => (ties = engine.call('graph.slice', {}).edges.length));
    rows.push({
      what: `whole network, organisation view (${ORGS.toLocaleString('en')} organisations, ${ties.toLocaleString('en')} ties)`,
      figure: `${allMs.toFixed(0)} ms`,
      target: '(for reference)',
      ok: true,
    });

    const region = { filters: { regions: ['Africa'] } };
    let sliceNodes = 0;
    let sliceEdges = 0;
    const sliceTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      sliceTimes.push(
        time(() => {
          const s = engine.call('graph.slice', region);
          sliceNodes = s.nodes.length;
          sliceEdges = s.edges.length;
        }),
      );
    }
    rows.push({
      what: `region slice (Africa: ${sliceNodes.toLocaleString('en')} organisations, ${sliceEdges.toLocaleString('en')} ties)`,
      figure: `median ${median(sliceTimes).toFixed(0)} ms (first ${sliceTimes[0]!.toFixed(0)} ms)`,
      target: '≤ 150 ms',
      ok: median(sliceTimes) <= 150,
    });

    // Ego networks of a spread of organisations: every 997th, so hubs and leaves both appear.
    const ids = engine.db.prepare('SELECT id FROM organisation ORDER BY id').pluck().all() as string[];
    const egoTimes: number[] = [];
    let egoSizes: number[] = [];
    for (let i = 0; i < ids.length; i += 997) {
      let n = 0;
      egoTimes.push(time(() => (n = engine.call('graph.ego', { organisationId: ids[i]!, depth: 2 }).nodes.length)));
      egoSizes.push(n);
    }
    egoSizes = egoSizes.sort((a, b) => a - b);
    rows.push({
      what: `2-hop ego network (${egoTimes.length} organisations; median ${median(egoSizes)} nodes, largest ${egoSizes.at(-1)})`,
      figure: `median ${median(egoTimes).toFixed(1)} ms, 90th percentile ${[...egoTimes].sort((a, b) => a - b)[Math.floor(egoTimes.length * 0.9)]!.toFixed(1)} ms`,
      target: '≤ 20 ms',
      ok: median(egoTimes) <= 20,
    });
    engine.close();

    // Opening is measured in fresh processes, as the app starts: open, migrate check, first answer.
    const opens: { info: number; index: number; indexCpu: number; slice: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(new URL('./open-first-query.ts', import.meta.url)), dbPath, resourcesDir],
        {
          encoding: 'utf8',
        },
      );
      if (r.status !== 0) throw new Error(r.stderr);
      opens.push(JSON.parse(r.stdout));
    }
    rows.push({
      what: `open the database (${(statSync(dbPath).size / 1e6).toFixed(0)} MB) and answer the first query (meta.info)`,
      figure: `median ${median(opens.map((o) => o.info)).toFixed(0)} ms`,
      target: '≤ 300 ms',
      ok: median(opens.map((o) => o.info)) <= 300,
    });
    const builds = opens.map((o) => o.index).sort((a, b) => a - b);
    rows.push({
      what: `build the graph index (${ORGS.toLocaleString('en')} organisations, fresh process, after the first query)`,
      figure: `median ${median(builds).toFixed(0)} ms (${builds.map((x) => x.toFixed(0)).join(', ')}), CPU time median ${median(opens.map((o) => o.indexCpu)).toFixed(0)} ms`,
      target: '(for reference)',
      ok: true,
    });
    rows.push({
      what: 'open the database and answer a first region slice (Africa; includes building the graph index)',
      figure: `median ${median(opens.map((o) => o.slice)).toFixed(0)} ms`,
      target: '(for reference)',
      ok: true,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
