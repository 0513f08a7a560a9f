// No frozen window (issue 17): the main thread's long tasks, seen by a Long Tasks API observer
// registered before the app loads, while a person opens a generated network of 40,000
// organisations on its regions, drills into Africa, Sub-Saharan Africa and the Central African
// Republic (201 organisations, drawn with the Automatic layout: cose, in its worker), ticks and
// unticks a filter and runs every layout of the toolbar. Then a pinned node stays where it was
// put when the Automatic layout runs again.
//
// The target is 50 ms, and the benchmark (`npm run bench -- --only responsive`) is its strict
// measure. This test holds two figures per step. (1) The most CPU time any one main-thread task
// took (thread time from Chromium's trace, test/harness/task-times.ts), which other jobs on the
// machine inflate far less than wall time: at most 75 ms for the drills, the filter and every
// layout (50 ms and half again for a slower or loaded machine; measured 16–58 ms under a load
// average of 8 on two cores, the drills 23–43 ms since Cytoscape gets new elements a part per
// frame: 44–82 ms before), and 150 ms for the open, which does not meet 50 ms yet (53–79 ms
// measured, since its scripts are evaluated chunk by chunk: 240–300 ms when they were one task,
// which this limit catches). (2) The wall
// time of the longest task, at most 50 ms × 4 × the machine's contention (load average over
// cores, at least 1), or ATLAS_LONG_TASK_LIMIT_MS when set: 200 ms idle. That allowance is for a
// shared CI machine, where a task waits for a core longer than it runs (drilling into the country
// gave a task of 424 ms wall time, none over 95 ms CPU, under a load average of 5.8 on two
// cores); it is the CPU limits that hold
// the target. Both catch work put back on the main thread in one piece, as cose was (825 ms idle,
// 3–4 s under load) or Cytoscape's texture caches (120–320 ms of canvas copies in one frame).
import { test as base, expect } from '@playwright/test';
import { availableParallelism, loadavg } from 'node:os';
import type { WebServer } from '../../electron/web/server';
import { drillFilterLayOut, LONG_TASK_OBSERVER, observesLongTasks } from '../harness/long-tasks';
import { tracingWatch, type StepCpu } from '../harness/task-times';
import { generatedHarness } from './fixtures';

const contention = () => Math.max(1, loadavg()[0]! / availableParallelism());
const limitMs = () => Number(process.env.ATLAS_LONG_TASK_LIMIT_MS ?? 50 * 4 * contention());
/** The most CPU time one task may take: the drills, the filter and the layouts, and the open (see above). */
const CPU_LIMIT_MS = 75;
const OPEN_CPU_LIMIT_MS = 150;
const LAYOUTS = ['forceatlas2', 'concentric:degree', 'grouped:region', 'grouped:sector', 'circle', 'grid', 'auto'];

const test = base.extend<{}, { harness: WebServer }>({
  harness: [async ({}, use) => generatedHarness(40_000, 11, use, 250_000), { scope: 'worker', timeout: 240_000 }],
});
test.setTimeout(300_000);

test('drilling, filtering and every layout leave no long task on the main thread', async ({ page, harness }) => {
  await page.addInitScript(LONG_TASK_OBSERVER);
  const cpu: StepCpu[] = [];
  const steps = await drillFilterLayOut(page, harness.url, 'CF', LAYOUTS, tracingWatch(page, cpu));
  expect(await observesLongTasks(page), 'this Chromium reports long tasks').toBe(true);
  const graph = page.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '201');
  await expect(graph).toHaveAttribute('data-layout', 'auto');
  for (const s of steps)
    test.info().annotations.push({
      type: s.step,
      description: `${s.millis} ms; long tasks: ${s.tasks.join(', ') || 'none'}; most CPU time of one task: ${cpu.find((c) => c.step === s.step)?.maxCpu} ms`,
    });
  const limit = Math.round(limitMs());
  test.info().annotations.push({ type: 'limit', description: `${limit} ms (load average ${loadavg()[0]!.toFixed(1)})` });
  for (const s of steps) expect(Math.max(0, ...s.tasks), `${s.step}: longest task (ms), limit ${limit}`).toBeLessThanOrEqual(limit);
  expect(cpu.map((c) => c.step)).toEqual(steps.map((s) => s.step));
  for (const [i, c] of cpu.entries()) {
    const cap = i === 0 ? OPEN_CPU_LIMIT_MS : CPU_LIMIT_MS;
    expect(c.maxCpu, `${c.step}: most CPU time of one task (ms), limit ${cap}`).toBeLessThanOrEqual(cap);
  }

  // Pinned: a node dragged somewhere stays there when the Automatic layout runs again.
  const id = await page.evaluate(() => Object.keys(window.atlasLayout!.positions())[0]!);
  const from = (await page.evaluate((n) => window.atlasGraph!.renderedPosition(n), id))!;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y + 30, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate((n) => window.atlasGraph!.classesOf(n), id)).toContain('pinned');
  const pinned = await page.evaluate((n) => window.atlasGraph!.position(n), id);
  const others = await page.evaluate(() => window.atlasLayout!.positions());
  const landed = Number(await graph.getAttribute('data-layouts-done'));
  await page.getByRole('button', { name: 'Re-run' }).click();
  await expect.poll(async () => Number(await graph.getAttribute('data-layouts-done'))).toBeGreaterThan(landed);
  expect(await page.evaluate((n) => window.atlasGraph!.position(n), id)).toEqual(pinned);
  const after = await page.evaluate(() => window.atlasLayout!.positions());
  const movedNodes = Object.keys(after).filter((n) => Math.hypot(after[n]!.x - others[n]!.x, after[n]!.y - others[n]!.y) > 0.5);
  expect(movedNodes.length, 'cose moved the other nodes').toBeGreaterThan(0);
});
