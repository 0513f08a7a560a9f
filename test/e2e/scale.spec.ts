// A network large enough that each level of the drill-down is itself too large to draw (issue 17):
// 40,000 organisations and 250,000 ties made by the generator. The window opens on the regions,
// Africa opens on its sub-regions, Sub-Saharan Africa on its countries, and a country is drawn,
// each level agreeing with the filter panel's counts.
import { test as base, expect, type Page } from '@playwright/test';
import type { WebServer } from '../../electron/web/server';
import { generatedHarness } from './fixtures';

const ORGS = 40_000;
const TIES = 250_000;

const test = base.extend<{}, { harness: WebServer }>({
  harness: [async ({}, use) => generatedHarness(ORGS, 11, use, TIES), { scope: 'worker', timeout: 180_000 }],
});
test.setTimeout(180_000);

async function open(page: Page, group: string) {
  const xy = await page.evaluate((id) => window.atlasGraph!.renderedPosition(id), group);
  expect(xy, `${group} is drawn`).not.toBeNull();
  await page.mouse.dblclick(xy!.x, xy!.y);
}

test('a million-tie-class network drills from regions to sub-regions to countries to a drawing', async ({ page, harness }) => {
  await page.goto(harness.url);
  const graph = page.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-aggregated', 'region', { timeout: 60_000 });
  await expect(page.getByTestId('counts')).toContainText('40,000 of 40,000 organisations');
  await expect(page.getByTestId('counts')).toContainText(/2\d\d,\d{3} ties/);
  await page.screenshot({ path: test.info().outputPath('regions.png') });
  // The drawing's canvases, whose size the banners and the legend coming and going must not change.
  const canvasSizes = () =>
    page
      .locator('[data-testid=graph] canvas')
      .evaluateAll((cs) => cs.map((c) => `${(c as HTMLCanvasElement).width}x${(c as HTMLCanvasElement).height}`));
  const sizesAtOpen = await canvasSizes();

  await open(page, 'region:Africa');
  await expect(graph).toHaveAttribute('data-aggregated', 'subRegion', { timeout: 30_000 });
  await expect(page.getByTestId('filter-regions').getByRole('checkbox', { name: /^Africa/ })).toBeChecked();
  const subRegions = Number(await graph.getAttribute('data-node-count'));
  expect(subRegions).toBeGreaterThanOrEqual(2);

  await open(page, 'subRegion:Sub-Saharan Africa');
  await expect(graph).toHaveAttribute('data-aggregated', 'country', { timeout: 30_000 });
  const countries = Number(await graph.getAttribute('data-node-count'));
  expect(countries).toBeGreaterThan(40);
  await page.screenshot({ path: test.info().outputPath('sub-saharan-africa.png') });

  await open(page, 'country:NG');
  await expect(graph).not.toHaveAttribute('data-aggregated', /./, { timeout: 30_000 });
  const checkbox = page.getByTestId('filter-countries').getByRole('checkbox', { name: /^Nigeria/ });
  await expect(checkbox).toBeChecked();
  const label = await checkbox.locator('xpath=..').innerText();
  const count = Number(/([\d,]+)\s*$/.exec(label)![1]!.replace(/,/g, ''));
  expect(count).toBeGreaterThan(50);
  await expect(graph).toHaveAttribute('data-node-count', String(count), { timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath('nigeria.png') });
  // The aggregated view's banner went and the legend grew, and the canvases kept their size; the
  // organisations are fitted in the part of the drawing on screen (the graph's box ends at the legend).
  await expect(page.getByTestId('aggregated')).toHaveCount(0);
  expect(await canvasSizes()).toEqual(sizesAtOpen);
  await expect(graph).toHaveAttribute('data-layout-state', 'done', { timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => window.atlasGraph!.inView())).toEqual({ drawn: count, inView: count });
});

test('the country list of a large network draws a window of its rows, and every country is reached by scrolling or narrowing', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await expect(page.getByTestId('graph')).toHaveAttribute('data-aggregated', 'region', { timeout: 60_000 });
  await page.getByTestId('filter-panel').locator('summary', { hasText: 'Country' }).click();
  const list = page.getByTestId('filter-countries');
  const rows = list.locator('li[aria-posinset]');
  await expect(rows.first()).toBeVisible();
  // Every country of the generator's network is a row, but only a window of them is drawn.
  const countries = Number(await rows.first().getAttribute('aria-setsize'));
  expect(countries).toBeGreaterThan(150);
  expect(await rows.count()).toBeLessThanOrEqual(30);
  await expect(rows.first()).toHaveAttribute('aria-posinset', '1');

  // Scrolled to its end, the list shows its last rows, each where the whole list would have it.
  await list.evaluate((ul) => ul.scrollTo(0, ul.scrollHeight));
  const last = list.locator(`li[aria-posinset="${countries}"]`);
  await expect(last).toBeVisible();
  const box = (await list.boundingBox())!;
  const lastBox = (await last.boundingBox())!;
  expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(box.y + box.height + 1);
  expect(lastBox.y + lastBox.height).toBeGreaterThan(box.y + box.height - 30);

  // Narrowed after scrolling, the list starts again from its top, its first rows drawn.
  const narrowBox = page.getByRole('searchbox', { name: 'Narrow countries' });
  await narrowBox.fill('a');
  const narrowed = Number(await rows.first().getAttribute('aria-setsize'));
  expect(narrowed).toBeGreaterThan(60);
  await expect(list.locator('li[aria-posinset="1"]')).toBeVisible();
  await narrowBox.fill('');
  await list.evaluate((ul) => ul.scrollTo(0, ul.scrollHeight));
  await expect(last).toBeVisible();

  // A country far down the list, ticked from there, filters the drawing; narrowing finds it too.
  const name = (await last.locator('.check-label').innerText()).trim();
  await last.getByRole('checkbox').check();
  await expect(page.getByTestId('counts')).not.toContainText('40,000 of 40,000', { timeout: 30_000 });
  await narrowBox.fill(name);
  await expect(list.getByRole('checkbox')).toHaveCount(1);
  await expect(list.getByRole('checkbox', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })).toBeChecked();
});
