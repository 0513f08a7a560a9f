// No frozen window (issue 17), in headless Chromium through the browser mode: the main thread's
// long tasks (Long Tasks API, over 50 ms) while a person opens a 40,000-organisation network on
// its regions, drills into Africa, Sub-Saharan Africa and a country of 201 organisations (drawn
// with the Automatic layout), ticks and unticks a filter, and runs every layout of the toolbar.
// For each step: the longest task and how many went over 50 ms (target: none), and the most CPU
// time any one task took (the thread time Chromium's trace gives each task, which other processes
// on a loaded machine inflate far less than wall time: nearer what an idle machine would show).
// The steps are those
// of test/e2e/responsive.spec.ts (test/harness/long-tasks.ts), which holds the window to them too.
// `npm run bench -- --only responsive` (`--responsive-db <file>` to reuse a generated database:
// it is copied first; `--profile` prints what each long task spent its time in: test/bench/cpu-profile.ts).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { drillFilterLayOut, LONG_TASK_OBSERVER, observesLongTasks, type StepTasks } from '../harness/long-tasks';
import { withAppOn, withDatabase } from './browser';
import { tracingWatch, type StepCpu } from '../harness/task-times';
import { profilingWatch } from './cpu-profile';
import type { Row } from './engine.bench';

/** The network: the generator's, as the scale test draws it (the Central African Republic has 201 organisations). */
const ORGS = 40_000;
const TIES = 250_000;
const SEED = 11;
const COUNTRY = 'CF';
const LAYOUTS = [
  'forceatlas2',
  'concentric:degree',
  'concentric:betweenness',
  'grouped:region',
  'grouped:sector',
  'circle',
  'grid',
  'auto',
];

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

async function steps(dbPath: string): Promise<{ tasks: StepTasks[]; cpu: StepCpu[] }> {
  return withAppOn(
    dbPath,
    async ({ browser, harness }) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.addInitScript(LONG_TASK_OBSERVER);
      const cpu: StepCpu[] = [];
      // Traced (thread times), or profiled (what each long task spent its time in): one at a time.
      const watch = process.argv.includes('--profile') ? await profilingWatch(page) : tracingWatch(page, cpu);
      const tasks = await drillFilterLayOut(page, harness.url, COUNTRY, LAYOUTS, watch);
      if (!(await observesLongTasks(page))) throw new Error('This Chromium does not report long tasks');
      await page.close();
      return { tasks, cpu };
    },
    { skipFirstPage: true },
  );
}

export async function responsiveBench(): Promise<Row[]> {
  const given = arg('responsive-db');
  let result: { tasks: StepTasks[]; cpu: StepCpu[] };
  if (given) {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-responsive-'));
    try {
      copyFileSync(given, join(dir, 'bench.sqlite'));
      result = await steps(join(dir, 'bench.sqlite'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else result = await withDatabase((engine) => engine.generate({ organisations: ORGS, ties: TIES, seed: SEED }), steps);
  console.log(`\nload average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores at the end of the run`);
  return result.tasks.map((s, i) => {
    const longest = s.tasks.length ? Math.max(...s.tasks) : 0;
    const cpu = result.cpu[i];
    return {
      what: `${s.step}: longest main-thread task (${s.tasks.length} over 50 ms; step ${s.millis.toLocaleString('en')} ms)`,
      figure:
        (s.tasks.length ? `${longest} ms (${s.tasks.join(', ')})` : 'none over 50 ms') +
        (cpu ? `; most CPU time of one task ${cpu.maxCpu} ms` : ''),
      target: 'none over 50 ms',
      ok: s.tasks.length === 0,
    };
  });
}
