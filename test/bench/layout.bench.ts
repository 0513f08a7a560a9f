// Layout benchmarks, in headless Chromium through the browser mode (test/bench/browser.ts), driven
// by the page's layout hook (window.atlasLayout, renderer/src/features/layout/hook.ts):
// - ForceAtlas2 (worker) on 5,000 organisations and their ~23,000 ties: time to a stable layout
//   and the main thread's long tasks (> 50 ms, Long Tasks API) while it runs, then the one
//   redraw when the result lands in Cytoscape;
// - the layouts computed at once (concentric, grouped, circle, grid) on the same slice;
// - Cytoscape's cose against cytoscape-fcose (animate off, randomised, default quality) on 1,000
//   and 5,000 organisations; a run that takes longer than the timeout is abandoned (the browser
//   is closed under it, as the layout blocks the page) and reported as "> timeout".
// `npm run bench -- --only layout` (`--layout-timeout 120` in seconds, `--fa2-runs 3`).
import type { Page } from '@playwright/test';
import type { HookRequest, HookResult } from '../../renderer/src/features/layout/hook';
import { timeout, withApp } from './browser';
import type { Row } from './engine.bench';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const TIMEOUT_MS = arg('layout-timeout', 120) * 1000;
const FA2_RUNS = arg('fa2-runs', 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const n = (x: number) => Math.round(x).toLocaleString('en');
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const run = (page: Page, req: HookRequest) => page.evaluate((r) => window.atlasLayout!.run(r), req);
const counts = async (page: Page) => {
  const g = page.getByTestId('graph');
  return { nodes: Number(await g.getAttribute('data-node-count')), edges: Number(await g.getAttribute('data-edge-count')) };
};

async function fa2AndStatic(): Promise<Row[]> {
  return withApp(
    (engine) => engine.generate({ organisations: 5000, seed: 42 }),
    async (page) => {
      const rows: Row[] = [];
      const { nodes, edges } = await counts(page);
      const size = `${n(nodes)} organisations, ${n(edges)} ties`;
      await page.evaluate(() => window.atlasLayout!.stop());
      // Each run starts from the grid by degree (what the canvas shows a large slice with first).
      const fa2: HookResult[] = [];
      for (let i = 0; i < FA2_RUNS; i++) {
        await run(page, { name: 'grid' });
        await page.waitForTimeout(500);
        fa2.push(await run(page, { name: 'forceatlas2' }));
      }
      const ms = median(fa2.map((r) => r.millis));
      const during = fa2.flatMap((r) => r.fa2?.duringRun ?? []);
      const longest = during.length ? Math.max(...during) : 0;
      const landing = fa2.map((r) => Math.max(0, ...(r.fa2?.landing ?? [])));
      const setup = fa2.map((r) => r.fa2?.setupMs ?? 0);
      rows.push({
        what: `ForceAtlas2 in a worker to a stable layout (${size}; ${FA2_RUNS} runs from the grid)`,
        figure: `median ${secs(ms)} (${fa2.map((r) => `${secs(r.millis)}/${r.iterations} it/${r.converged ? 'stable' : r.stopped ? 'stopped' : 'capped'}`).join(', ')})`,
        target: '≤ 5 s',
        ok: ms <= 5000 && fa2.every((r) => r.converged),
      });
      rows.push({
        what: 'longest main-thread task while ForceAtlas2 runs (long tasks > 50 ms, all runs)',
        figure: during.length
          ? `${n(longest)} ms (${during.length} long tasks: ${during.join(', ')} ms)`
          : `none over 50 ms (setup ${setup.map(n).join('/')} ms in slices, ${fa2.reduce((s, r) => s + (r.fa2?.paints ?? 0), 0)} preview frames, longest paint ${n(Math.max(...fa2.map((r) => r.fa2?.preview.maxMs ?? 0)))} ms)`,
        target: '≤ 50 ms',
        ok: longest <= 50,
      });
      rows.push({
        what: 'the result landing in the drawing: one redraw of every element (the large drawing at this size)',
        figure: `median ${n(median(landing))} ms (${landing.map(n).join(', ')}); positions announced in ${n(median(fa2.map((r) => r.fa2?.landMs ?? 0)))} ms of 500-node slices`,
        target: '(reference: any full redraw)',
        ok: true,
      });

      // The layouts computed at once, each from the previous one.
      const statics: HookRequest[] = [
        { name: 'concentric', metric: 'degree' },
        { name: 'grouped', groupBy: 'region' },
        { name: 'grouped', groupBy: 'sector' },
        { name: 'circle' },
        { name: 'grid' },
      ];
      const parts: string[] = [];
      let worst = 0;
      let redraw = 0;
      for (const req of statics) {
        const r = await run(page, req);
        const label = req.name === 'concentric' ? 'concentric' : req.name === 'grouped' ? `grouped by ${req.groupBy}` : req.name;
        parts.push(`${label} ${n(r.computeMillis ?? 0)} ms (${n(r.millis)})`);
        worst = Math.max(worst, r.computeMillis ?? 0);
        redraw = Math.max(redraw, ...r.longTasks);
      }
      rows.push({
        what: `layouts computed at once on ${size}: computing (one task), and in brackets until written in 500-node slices`,
        figure: `${parts.join(', ')}; then the redraw, up to ${n(redraw)} ms`,
        target: 'no task of ours > 50 ms',
        ok: worst <= 50,
      });
      return rows;
    },
    { timeoutMs: 120_000 },
  );
}

/** Times cose and fcose on a synthetic network of `orgs` organisations; cose last, it may be abandoned. */
async function coseVsFcose(orgs: number): Promise<Row[]> {
  const times: Partial<Record<'cose' | 'fcose', number | 'timeout'>> = {};
  let size = '';
  for (const name of ['fcose', 'cose'] as const) {
    // A fresh page for each: an abandoned layout leaves its browser unusable.
    await withApp(
      (engine) => engine.generate({ organisations: orgs, seed: 42 }),
      async (page) => {
        const { nodes, edges } = await counts(page);
        size = `${n(nodes)} organisations, ${n(edges)} ties`;
        await page.evaluate(() => window.atlasLayout!.stop());
        const r = await timeout(
          run(page, { name }).catch(() => 'timeout' as const),
          TIMEOUT_MS,
        );
        times[name] = r === 'timeout' ? 'timeout' : r.millis;
      },
      { timeoutMs: 120_000 },
    );
  }
  const show = (t: number | 'timeout' | undefined) => (t === 'timeout' || t === undefined ? `> ${TIMEOUT_MS / 1000} s` : secs(t));
  const c = times.cose;
  const f = times.fcose;
  const ratio =
    typeof c === 'number' && typeof f === 'number'
      ? `${(c / f).toFixed(1)}×`
      : typeof f === 'number'
        ? `> ${(TIMEOUT_MS / f).toFixed(1)}×`
        : 'n/a';
  return [
    {
      what: `Cytoscape cose vs cytoscape-fcose, animate off, randomised (${size})`,
      figure: `cose ${show(c)}, fcose ${show(f)}, cose/fcose ${ratio}`,
      target: '(comparison)',
      ok: true,
    },
  ];
}

export async function layoutBench(): Promise<Row[]> {
  // `--skip-cose`: only ForceAtlas2 and the static layouts (cose at 5,000 nodes takes minutes).
  if (process.argv.includes('--skip-cose')) return fa2AndStatic();
  return [...(await fa2AndStatic()), ...(await coseVsFcose(1000)), ...(await coseVsFcose(5000))];
}
