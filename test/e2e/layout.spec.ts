// Layouts in Chromium through the browser mode, driven by the page's layout hook
// (window.atlasLayout): ForceAtlas2 in its worker on the seed network (finishes, stops, respects
// pinned nodes), and the layouts computed at once on a synthetic network of a few hundred
// organisations (every node at its own place; saved positions restored exactly).
import { test as base, expect, type Page } from '@playwright/test';
import type { WebServer } from '../../electron/web/server';
import { test, generatedHarness } from './fixtures';

type Positions = Record<string, { x: number; y: number }>;

async function ready(page: Page): Promise<number> {
  await page.waitForFunction(
    () => !!window.atlasLayout && Number(document.querySelector('[data-testid=graph]')?.getAttribute('data-node-count')) > 0,
    undefined,
    { timeout: 15_000 },
  );
  // Whatever the canvas started by itself is finished before a test starts its own (cose, in its
  // worker, lands when computed; ForceAtlas2 stops where it is).
  await page.evaluate(() => window.atlasLayout!.stop());
  await page.waitForSelector('[data-testid=graph][data-layout-state=done]', { timeout: 15_000 });
  return Number(await page.getByTestId('graph').getAttribute('data-node-count'));
}

const positions = (page: Page) => page.evaluate(() => window.atlasLayout!.positions());

function moved(a: Positions, b: Positions): number {
  return Object.keys(a).filter((id) => Math.hypot(a[id]!.x - b[id]!.x, a[id]!.y - b[id]!.y) > 0.5).length;
}

test.describe('ForceAtlas2 on the seed network', () => {
  test('moves the nodes and finishes by itself', async ({ app }) => {
    const n = await ready(app);
    const before = await positions(app);
    const r = await app.evaluate(() => window.atlasLayout!.run({ name: 'forceatlas2' }));
    expect(r.name).toBe('forceatlas2');
    expect(r.converged || r.stopped || r.iterations > 0).toBe(true);
    expect(r.iterations).toBeGreaterThan(0);
    expect(r.millis).toBeLessThan(5_500);
    const after = await positions(app);
    expect(Object.keys(after)).toHaveLength(n);
    expect(moved(before, after)).toBeGreaterThan(0);
    for (const p of Object.values(after)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    // The preview canvas is gone and Cytoscape's canvases are shown again.
    await expect(app.locator('canvas.layout-preview')).toHaveCount(0);
  });

  test('stop() stops it where it is', async ({ app }) => {
    await ready(app);
    // A run that would not end by itself for 20 s.
    await app.evaluate(() => {
      (window as unknown as { run: Promise<unknown> }).run = window.atlasLayout!.run({
        name: 'forceatlas2',
        limits: { epsilon: 0, maxMillis: 20_000, maxIterations: 1e9 },
      });
    });
    await expect(app.locator('canvas.layout-preview')).toHaveCount(1);
    await app.waitForTimeout(600);
    await app.evaluate(() => window.atlasLayout!.stop());
    const r = await app.evaluate(
      () => (window as unknown as { run: Promise<{ stopped: boolean; converged: boolean; iterations: number; millis: number }> }).run,
    );
    expect(r.stopped).toBe(true);
    expect(r.converged).toBe(false);
    expect(r.iterations).toBeGreaterThan(0);
    expect(r.millis).toBeLessThan(5_000);
    const stoppedAt = await positions(app);
    await app.waitForTimeout(500);
    expect(moved(stoppedAt, await positions(app))).toBe(0);
    await expect(app.locator('canvas.layout-preview')).toHaveCount(0);
  });

  test('a dragged node is pinned and stays put while ForceAtlas2 runs', async ({ app }) => {
    await ready(app);
    const ids = Object.keys(await positions(app));
    const id = ids[0]!;
    const xy = await app.evaluate((nodeId) => window.atlasGraph!.renderedPosition(nodeId), id);
    expect(xy).not.toBeNull();
    await app.mouse.move(xy!.x, xy!.y);
    await app.mouse.down();
    for (let i = 1; i <= 5; i++) await app.mouse.move(xy!.x + 12 * i, xy!.y + 8 * i);
    await app.mouse.up();
    await expect.poll(() => app.evaluate((nodeId) => window.atlasGraph!.classesOf(nodeId), id)).toContain('pinned');
    const before = await positions(app);
    const r = await app.evaluate(() => window.atlasLayout!.run({ name: 'forceatlas2' }));
    expect(r.iterations).toBeGreaterThan(0);
    const after = await positions(app);
    expect(after[id]).toEqual(before[id]);
    expect(moved(before, after)).toBeGreaterThan(0);
    // The toolbar lets the layout move it again.
    await app.getByRole('button', { name: 'Unpin all' }).click();
    expect(await app.evaluate((nodeId) => window.atlasGraph!.classesOf(nodeId), id)).not.toContain('pinned');
  });
});

// A few hundred organisations: enough for the grouped layout to have every region and sector.
const synthetic = base.extend<{ harness: WebServer }>({
  harness: async ({}, use) => generatedHarness(400, 5, use),
});

synthetic.describe('layouts computed at once, on 400 organisations', () => {
  synthetic('each puts every node at a place of its own', async ({ page, harness }) => {
    await page.goto(harness.url);
    const n = await ready(page);
    expect(n).toBe(400);
    const requests = [
      { name: 'concentric', metric: 'degree' },
      { name: 'concentric', metric: 'betweenness' },
      { name: 'grouped', groupBy: 'region' },
      { name: 'grouped', groupBy: 'sector' },
      { name: 'circle' },
      { name: 'grid' },
    ] as const;
    for (const req of requests) {
      const r = await page.evaluate((q) => window.atlasLayout!.run(q), req);
      expect(r.name).toBe(req.name);
      const p = await positions(page);
      const places = new Set(Object.values(p).map((q) => `${Math.round(q.x * 100)},${Math.round(q.y * 100)}`));
      expect(places.size, JSON.stringify(req)).toBe(n);
      if (req.name === 'grouped') {
        expect(r.groups!.reduce((s, g) => s + g.count, 0)).toBe(n);
        expect(r.groups!.every((g) => g.label.length > 0)).toBe(true);
      }
    }
  });

  synthetic('preset restores the positions given, and puts the others beside them, on places of their own', async ({ page, harness }) => {
    await page.goto(harness.url);
    await ready(page);
    const ids = Object.keys(await positions(page));
    const given: Positions = {};
    ids.slice(0, ids.length - 3).forEach((id, i) => (given[id] = { x: (i % 20) * 37.25 - 100, y: Math.floor(i / 20) * -41.5 + 3 }));
    await page.evaluate((positions) => window.atlasLayout!.run({ name: 'preset', positions }), given);
    const p = await positions(page);
    for (const [id, xy] of Object.entries(given)) expect(p[id]).toEqual(xy);
    // The others go beside their placed neighbours (or to the right when they have none), each
    // at a place of its own: never on top of a node already placed.
    for (const id of ids.slice(-3)) {
      const nearest = Math.min(...Object.values(given).map((q) => Math.hypot(q.x - p[id]!.x, q.y - p[id]!.y)));
      expect(nearest).toBeGreaterThan(30);
    }
  });

  synthetic('from the toolbar: ForceAtlas2 shows its progress and stops, grouped names its groups', async ({ page, harness }) => {
    await page.goto(harness.url);
    await ready(page);
    // 'Automatic' is ForceAtlas2 at this size; a run that would go on for a while is stopped from the bar.
    await page.getByTestId('layout').selectOption('forceatlas2');
    const stop = page.getByTestId('layout-stop');
    await expect(stop).toBeVisible();
    await expect(stop).toContainText(/Stop \(\d/);
    await stop.click();
    await expect(stop).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Re-run' })).toBeEnabled();
    await expect(page.getByTestId('graph')).toHaveAttribute('data-layout', 'forceatlas2');

    await page.getByTestId('layout').selectOption('grouped:region');
    await expect(page.getByTestId('graph')).toHaveAttribute('data-layout', 'grouped');
    const labels = page.getByTestId('group-labels').locator('.group-label');
    await expect(labels.first()).toBeVisible();
    const texts = await labels.allTextContents();
    expect(texts.some((t) => t.startsWith('Africa'))).toBe(true);
    // The labels are not nodes: the count drawn is still the organisations.
    await expect(page.getByTestId('graph')).toHaveAttribute('data-node-count', '400');
    await page.getByTestId('layout').selectOption('circle');
    await expect(page.getByTestId('group-labels')).toHaveCount(0);
  });
});
