// A network too large to draw whole: above 5,000 organisations in the filter the app draws one
// node per region instead, and double-clicking a region opens it.
import { test as base, expect } from '@playwright/test';
import type { WebServer } from '../../electron/web/server';
import { generatedHarness } from './fixtures';

const ORGS = 6000;

const test = base.extend<{}, { harness: WebServer; regions: { label: string; n: number }[] }>({
  harness: [async ({}, use) => generatedHarness(ORGS, 3, use), { scope: 'worker' }],
});

test('above 5,000 organisations the network is drawn by region, and a region opens on double-click', async ({ page, harness }) => {
  await page.goto(harness.url);
  const graph = page.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-aggregated', 'region', { timeout: 20_000 });
  await expect(page.getByTestId('aggregated')).toContainText('6,000 organisations match');
  await expect(page.getByTestId('counts')).toContainText('6,000 of 6,000 organisations');
  const groups = Number(await graph.getAttribute('data-node-count'));
  expect(groups).toBeGreaterThanOrEqual(5);
  expect(groups).toBeLessThanOrEqual(6);
  await page.screenshot({ path: test.info().outputPath('aggregated.png') });

  // Charts still read: the regions by their organisations, and the timeline.
  await page.getByTestId('tab-charts').click();
  const byRegion = page.getByTestId('chart-groups');
  await expect(byRegion).toContainText('Organisations by region');
  await expect(byRegion).toContainText('6,000 organisations in');
  await expect(byRegion.getByRole('row')).toHaveCount(groups + 1); // its table, with a heading row
  await expect(page.getByTestId('chart-timeline')).toBeVisible();
  await page.getByTestId('tab-details').click();

  // Africa's count is in its label; opening it draws exactly that many organisations.
  const africa = await page.evaluate(() => window.atlasGraph!.renderedPosition('region:Africa'));
  expect(africa).not.toBeNull();
  await page.mouse.dblclick(africa!.x, africa!.y);
  await expect(graph).not.toHaveAttribute('data-aggregated', /./, { timeout: 20_000 });
  const checkbox = page.getByTestId('filter-regions').getByRole('checkbox', { name: /^Africa/ });
  await expect(checkbox).toBeChecked();
  const label = await checkbox.locator('xpath=..').innerText();
  const count = Number(/([\d,]+)\s*$/.exec(label)![1]!.replace(/,/g, ''));
  await expect(graph).toHaveAttribute('data-node-count', String(count));
  await expect(page.getByTestId('counts')).toContainText(`${count.toLocaleString('en')} of 6,000 organisations`);
  await page.screenshot({ path: test.info().outputPath('africa.png') });
});
