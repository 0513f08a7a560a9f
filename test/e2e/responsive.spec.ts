// No frozen window (issue 17): the main thread's long tasks, seen by a Long Tasks API observer
// registered before the app loads, while a person opens a generated network of 40,000
// organisations on its regions, drills into Africa, Sub-Saharan Africa and the Central African
// Republic (201 organisations, drawn with the Automatic layout: cose, in its worker), ticks and
// unticks a filter and runs every layout of the toolbar. Then a pinned node stays where it was
// put when the Automatic layout runs again.
//
// The target is 50 ms, and the benchmark (`npm run bench -- --only responsive`) is its strict
// measure. Here, headless Chromium paints in software on two cores that other jobs share: under a
// load average of 20 a task takes ten times its idle wall time. So this test fails only beyond
// LIMIT_MS: 50 ms × 4 (software painting, headless), times the machine's contention (the load
// average over the cores, at least 1), or ATLAS_LONG_TASK_LIMIT_MS when set. Idle, that is
// 200 ms. What it catches is work put back on the main thread in one piece, as cose was before
// this issue: 825 ms for a country of 229 organisations on an idle machine, 3–4 s under load.
import { test as base, expect } from '@playwright/test';
import { availableParallelism, loadavg } from 'node:os';
import type { WebServer } from '../../electron/web/server';
import { drillFilterLayOut, LONG_TASK_OBSERVER, observesLongTasks } from '../harness/long-tasks';
import { generatedHarness } from './fixtures';

const contention = () => Math.max(1, loadavg()[0]! / availableParallelism());
const limitMs = () => Number(process.env.ATLAS_LONG_TASK_LIMIT_MS ?? 50 * 4 * contention());
const LAYOUTS = ['forceatlas2', 'concentric:degree', 'grouped:region', 'grouped:sector', 'circle', 'grid', 'auto'];

const test = base.extend<{}, { harness: WebServer }>({
  harness: [async ({}, use) => generatedHarness(40_000, 11, use, 250_000), { scope: 'worker', timeout: 240_000 }],
});
test.setTimeout(300_000);

test('drilling, filtering and every layout leave no long task on the main thread', async ({ page, harness }) => {
  await page.addInitScript(LONG_TASK_OBSERVER);
  const steps = await drillFilterLayOut(page, harness.url, 'CF', LAYOUTS);
  expect(await observesLongTasks(page), 'this Chromium reports long tasks').toBe(true);
  const graph = page.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '201');
  await expect(graph).toHaveAttribute('data-layout', 'auto');
  for (const s of steps)
    test.info().annotations.push({ type: s.step, description: `${s.millis} ms; long tasks: ${s.tasks.join(', ') || 'none'}` });
  // Opening includes the page's own scripts being read (one task for the bundle), which no
  // layout or drawing choice changes: that step is measured by the benchmark, not held here.
  const limit = Math.round(limitMs());
  test.info().annotations.push({ type: 'limit', description: `${limit} ms (load average ${loadavg()[0]!.toFixed(1)})` });
  for (const s of steps.slice(1))
    expect(Math.max(0, ...s.tasks), `${s.step}: longest task (ms), limit ${limit}`).toBeLessThanOrEqual(limit);

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
