// The explorer in Chromium through the browser mode, on the six-organisation fixture whose slices
// are worked out by hand in test/engine/slice.test.ts:
//   A Ghana gov (AMC), B Kenya CSO, C US company (CCI), D Brazil university, E intergovernmental
//   (no country), F Japan CSO (no ties). Ties: A-B:2, A-C:1, A-E:1, B-C:1, C-D:1, D-E:1.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../electron/engine/engine';
import { findResourcesDir } from '../../electron/engine/paths';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { buildFixture } from '../engine/helpers';
import { clickNode, layoutLanded } from './fixtures';

const test = base.extend<{ app: Page; harness: WebServer }>({
  harness: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-explorer-'));
    const dbPath = join(dir, 'fixture.sqlite');
    const engine = new Engine({ dbPath, resourcesDir: findResourcesDir(), actor: 'e2e' });
    buildFixture(engine);
    engine.close();
    const harness = await startWebServer({ dbPath, seedIfEmpty: false });
    await use(harness);
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ page, harness }, use) => {
    await page.goto(harness.url);
    await expect(page.getByTestId('graph')).toHaveAttribute('data-node-count', '6');
    await use(page);
  },
});

async function drawn(page: Page, nodes: number, edges: number) {
  const graph = page.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', String(nodes));
  await expect(graph).toHaveAttribute('data-edge-count', String(edges));
}

const check = (page: Page, group: string, label: string) =>
  page.getByTestId(`filter-${group}`).getByRole('checkbox', { name: label, exact: false }).first().click();

test('each filter redraws the expected organisations and ties, and one action clears them', async ({ app }) => {
  await expect(app.getByTestId('counts')).toHaveText('6 of 6 organisations · 6 of 6 ties');
  await check(app, 'regions', 'Africa');
  await drawn(app, 2, 1);
  await expect(app.getByTestId('counts')).toHaveText('2 of 6 organisations · 1 of 6 ties');
  await app.getByTestId('clear-filters').click();
  await drawn(app, 6, 6);

  await check(app, 'sectors', 'Civil society');
  await drawn(app, 2, 0);
  await app.getByTestId('clear-filters').click();

  await app.getByText('Partnership kind').click();
  await check(app, 'partnershipKinds', 'Public-private partnership');
  await drawn(app, 3, 3);
  await app.getByTestId('clear-filters').click();
  await drawn(app, 6, 6);

  // Minimum tie weight 2: only A-B shares two connectors.
  await app.getByText('Tie weight').click();
  const weight = app.getByTestId('min-weight');
  await weight.focus();
  await weight.press('ArrowRight');
  await drawn(app, 2, 1);
  await app.getByTestId('undo').click();
  await drawn(app, 6, 6);
});

test('the timeline counts partnerships and events per year and narrows by date', async ({ app }) => {
  const timeline = app.getByTestId('timeline');
  await expect(timeline.locator('title', { hasText: '2018: 1 partnerships, 0 events' })).toHaveCount(1);
  await expect(timeline.locator('title', { hasText: '2019: 0 partnerships, 1 events' })).toHaveCount(1);
  // Up to 2019: P1 (2018-2020), V1 (2019-05-10) and R1 (from 2015) overlap it.
  const to = app.getByTestId('year-to');
  await to.fill('2019');
  await expect(app.getByTestId('year-range')).toHaveText(/–2019$/);
  await drawn(app, 4, 4);
  await app.getByTestId('clear-filters').click();
  await drawn(app, 6, 6);
});

test('search selects and centres a result, and offers to show one the filters hide', async ({ app }) => {
  await app.keyboard.press('Control+f');
  const search = app.getByRole('combobox', { name: 'Search by name or acronym' });
  await expect(search).toBeFocused();
  await search.fill('AMC');
  const results = app.getByTestId('search-results');
  await expect(results.getByRole('option').first()).toContainText('Alpha Ministry of Communications');
  await search.press('Enter');
  await expect(app.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText('Alpha Ministry of Communications (AMC)');
  await expect.poll(() => app.evaluate(() => window.atlasGraph!.selected())).toEqual(['A']);

  await check(app, 'sectors', 'Civil society');
  await drawn(app, 2, 0);
  await search.fill('charlie');
  await results.getByRole('option', { name: /Charlie Cloud Inc/ }).click();
  await expect(app.getByTestId('hidden-notice')).toContainText('Charlie Cloud Inc is not drawn');
  await app.getByTestId('hidden-notice').getByRole('button', { name: 'Show it' }).click();
  await drawn(app, 6, 6);
  await expect(app.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText('Charlie Cloud Inc (CCI)');
});

test('the result list stays open when the box is left and typed in again at once', async ({ app }) => {
  const search = app.getByRole('combobox', { name: 'Search by name or acronym' });
  const results = app.getByTestId('search-results');
  await search.fill('AMC');
  await expect(results.getByRole('option').first()).toContainText('Alpha Ministry');
  // The focus leaves for a button and comes straight back, as a click then typing does: the list
  // answered meanwhile must not close when the blur's delay runs out (it closed after 150 ms).
  await app.getByRole('button', { name: 'Clear all' }).focus();
  await search.fill('Charlie');
  await expect(results.getByRole('option').first()).toContainText('Charlie Cloud Inc');
  await app.waitForTimeout(400);
  await expect(results.getByRole('option').first()).toContainText('Charlie Cloud Inc');
});

test('ego network at depth 1 and 2, and back', async ({ app }) => {
  await clickNode(app, 'A');
  const details = app.getByTestId('details');
  await details.getByRole('button', { name: 'Neighbours' }).click();
  await drawn(app, 4, 4);
  await expect(app.getByTestId('ego-banner')).toContainText('Alpha Ministry of Communications');
  await details.getByRole('button', { name: '2 steps' }).click();
  await drawn(app, 5, 6);
  await app.getByTestId('ego-banner').getByRole('button', { name: 'Back to the whole network' }).click();
  await drawn(app, 6, 6);
});

test('the shortest path is found and explained step by step', async ({ app }) => {
  await clickNode(app, 'B');
  await app.getByRole('button', { name: 'Find a path from here…' }).click();
  await clickNode(app, 'D');
  await app.getByRole('button', { name: /Path to here from Bravo/ }).click();
  const steps = app.getByTestId('path-step');
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText('Bravo Digital Rights Forum → Charlie Cloud Inc through Ransomware PPP');
  await expect(steps.nth(1)).toContainText('Charlie Cloud Inc → Delta University through Capacity Network');
  expect(await app.evaluate(() => window.atlasGraph!.classesOf('C'))).toContain('path');
  expect(await app.evaluate(() => window.atlasGraph!.classesOf('F'))).toContain('off-path');
});

test('hide, fade and isolate the selection, and undo', async ({ app }) => {
  await clickNode(app, 'F');
  await app.getByRole('button', { name: 'Hide', exact: true }).click();
  await drawn(app, 5, 6);
  await app.getByTestId('undo').click();
  await drawn(app, 6, 6);
  await clickNode(app, 'D');
  await app.getByRole('button', { name: 'Fade', exact: true }).click();
  await expect.poll(() => app.evaluate(() => window.atlasGraph!.classesOf('D'))).toContain('faded');
  await clickNode(app, 'A');
  await expect.poll(() => app.evaluate(() => window.atlasGraph!.selected())).toEqual(['A']);
  await app.getByRole('button', { name: 'Isolate', exact: true }).click();
  await drawn(app, 4, 4); // A with B, C, E and the ties among them
  await app.getByRole('button', { name: 'Show all' }).click();
  await drawn(app, 6, 6);
  await app.keyboard.press('Control+z');
  await drawn(app, 4, 4);
});

test('switching to the full view keeps the selection', async ({ app }) => {
  await clickNode(app, 'C');
  await app.getByRole('button', { name: 'With partnerships and events' }).click();
  await drawn(app, 10, 10);
  await expect(app.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText('Charlie Cloud Inc (CCI)');
  await expect.poll(() => app.evaluate(() => window.atlasGraph!.selected())).toEqual(['C']);
});

test('a saved view restores the same filters and node positions', async ({ app }) => {
  await check(app, 'regions', 'Africa');
  await drawn(app, 2, 1);
  await app.getByTestId('layout').selectOption('grid');
  await expect(app.getByTestId('graph')).toHaveAttribute('data-layout', 'grid');
  const before = await app.evaluate(() => ({ a: window.atlasGraph!.position('A'), b: window.atlasGraph!.position('B') }));
  await app.getByTestId('tab-views').click();
  await app.getByLabel('Save what you see now').fill('Africa only');
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByTestId('saved-view')).toHaveCount(1);

  await app.getByTestId('clear-filters').click();
  await drawn(app, 6, 6);
  await app.getByRole('button', { name: 'Africa only' }).click();
  await drawn(app, 2, 1);
  await expect(
    app
      .getByTestId('filter-regions')
      .getByRole('checkbox', { name: /Africa/ })
      .first(),
  ).toBeChecked();
  await expect
    .poll(() => app.evaluate(() => ({ a: window.atlasGraph!.position('A'), b: window.atlasGraph!.position('B') })))
    .toEqual(before);

  await app.getByRole('button', { name: 'Rename' }).click();
  await app.getByLabel('New name').fill('Africa, 2 organisations');
  await app.getByRole('button', { name: 'OK' }).click();
  await expect(app.getByTestId('saved-view')).toContainText('Africa, 2 organisations');
  app.once('dialog', (d) => void d.accept());
  await app.getByRole('button', { name: 'Delete' }).click();
  await expect(app.getByTestId('saved-view')).toHaveCount(0);
});

test('a saved view keeps an ego network and a layout by a metric', async ({ app }) => {
  await clickNode(app, 'A');
  await app.getByTestId('details').getByRole('button', { name: 'Neighbours' }).click();
  await drawn(app, 4, 4);
  await app.getByTestId('layout').selectOption('concentric:betweenness');
  await expect(app.getByTestId('graph')).toHaveAttribute('data-layout', 'concentric');
  await app.getByTestId('tab-views').click();
  await app.getByLabel('Save what you see now').fill('Around Alpha');
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByTestId('saved-view')).toHaveCount(1);

  await app.getByTestId('ego-banner').getByRole('button', { name: 'Back to the whole network' }).click();
  await drawn(app, 6, 6);
  await app.getByRole('button', { name: 'Around Alpha' }).click();
  await drawn(app, 4, 4);
  await expect(app.getByTestId('ego-banner')).toContainText('Alpha Ministry of Communications');
});

test('the table lists every drawn node, sorts, and selects from the keyboard', async ({ app }) => {
  await app.getByTestId('tab-table').click();
  const table = app.getByTestId('node-table');
  await expect(table.locator('[role=row][data-id]')).toHaveCount(6);
  await table.locator('[role=row][data-id]').first().click();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('Enter');
  await expect(table.locator('[role=row][aria-selected=true]')).toHaveCount(1);
  await app.getByTestId('tab-details').click();
  await expect(app.getByTestId('details').getByRole('heading', { level: 2 })).not.toBeEmpty();
});

test('analysis, charts, styling by community, and panels that collapse', async ({ app }) => {
  await app.getByTestId('tab-analysis').click();
  const summary = app.getByTestId('metrics-summary');
  await expect(summary).toContainText(/communit/i);
  await app.getByTestId('tab-charts').click();
  await expect(app.getByTestId('chart-sector')).toBeVisible();
  await expect(app.getByTestId('chart-degree')).toBeVisible();
  // Styling is a menu in the toolbar: it opens, changes the colours, and closes on Escape.
  await app.getByTestId('style-menu').locator('summary').click();
  await app.getByTestId('colour-by').selectOption('community');
  await expect(app.getByTestId('legend')).toContainText('Community 1');
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('colour-by')).toBeHidden();
  await app.screenshot({ path: test.info().outputPath('explorer-analysis.png') });

  await app.getByTestId('graph').focus();
  await app.keyboard.press('p');
  await expect(app.getByTestId('filter-panel')).toHaveCount(0);
  await expect(app.getByTestId('show-side')).toBeVisible();
  await app.screenshot({ path: test.info().outputPath('explorer-presentation.png') });
  await app.keyboard.press('p');
  await expect(app.getByTestId('filter-panel')).toBeVisible();
});

test('at 1280 px the toolbar keeps to two rows beside the wide tabs, and the zoom buttons on the graph zoom', async ({ app }) => {
  await app.getByTestId('tab-charts').click();
  await expect(app.getByTestId('chart-sector')).toBeVisible();
  const toolbar = await app.getByRole('toolbar', { name: 'Graph tools' }).boundingBox();
  // One row of controls is about 33 px; three rows would be over 100.
  expect(toolbar!.height).toBeLessThan(90);

  const gap = async () => {
    await layoutLanded(app);
    const [a, b] = await app.evaluate(() => [window.atlasGraph!.renderedPosition('A')!, window.atlasGraph!.renderedPosition('B')!]);
    return Math.hypot(a.x - b.x, a.y - b.y);
  };
  const zoom = app.getByRole('group', { name: 'Zoom' });
  // The layout has settled when two looks 400 ms apart agree.
  let before = 0;
  const settled = async () => {
    const g = await gap();
    const same = Math.abs(g - before) < 0.5;
    before = g;
    return same;
  };
  await expect.poll(settled, { intervals: [400] }).toBe(true);
  await zoom.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(gap).toBeGreaterThan(before * 1.2);
  await zoom.getByRole('button', { name: 'Zoom out' }).click();
  await zoom.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(gap).toBeLessThan(before);
});
