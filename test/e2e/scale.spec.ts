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
});
