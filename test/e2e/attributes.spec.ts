// Drawing, filtering and exporting by the attributes an imported file brought, as an analyst does
// after opening a networkx file: colour by a categorical column, size by a numeric one, filter on
// a value, and export without a column.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { attributesTest as test, clickNode, expect } from './fixtures';

const looks = (page: Page, id: string) => page.evaluate((nodeId) => window.atlasGraph?.looksOf(nodeId) ?? null, id);

test('colour by an imported category and size by an imported number, with a legend saying how', async ({ imported: app, ids }) => {
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '10');
  await app.getByTestId('style-menu').locator('summary').click();
  await app.getByTestId('colour-by').selectOption('attr:family');
  const legend = app.getByTestId('legend');
  await expect(legend.locator('h3').first()).toHaveText('family');
  await expect(legend).toContainText('cert (3)');
  await expect(legend).toContainText('law enforcement (2)');
  // The three CERTs share a colour, which the two law-enforcement units do not have.
  const cert = await Promise.all(['n2', 'n6', 'n9'].map((n) => looks(app, ids[n]!)));
  const police = await Promise.all(['n0', 'n1'].map((n) => looks(app, ids[n]!)));
  expect(new Set(cert.map((l) => l?.colour)).size).toBe(1);
  expect(new Set(police.map((l) => l?.colour)).size).toBe(1);
  expect(cert[0]!.colour).not.toBe(police[0]!.colour);

  await app.getByTestId('size-by').selectOption('attr:budget');
  await expect(legend).toContainText('Size: budget, from 0.4 (smallest) to 40.25 (largest)');
  // The largest budget is the largest node, the smallest the smallest; no budget at all is smallest too.
  await expect.poll(async () => (await looks(app, ids.n1!))?.size).toBe(64);
  expect((await looks(app, ids.n3!))?.size).toBe(14);
  expect(Number((await looks(app, ids.n2!))?.size)).toBeGreaterThan(Number((await looks(app, ids.n8!))?.size));

  await app.getByTestId('ties-style').selectOption('attr:weight');
  await expect(legend).toContainText('Line width: weight, from 0.25 (smallest) to 4 (largest)');
});

test('filter on an imported category and on a range, combined, then cleared', async ({ imported: app }) => {
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '10');
  const panel = app.getByTestId('filter-panel');
  await panel.getByTestId('add-attribute-filter').selectOption({ label: 'family (text, 10)' });
  const block = panel.getByTestId('attr-filter-family');
  await expect(block).toContainText('cert');
  await block.getByTestId('attr-value-family-cert').check();
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '3');

  await panel.getByTestId('add-attribute-filter').selectOption({ label: 'budget (number, 9)' });
  const budget = panel.getByTestId('attr-filter-budget');
  await budget.getByTestId('attr-min-budget').fill('1');
  await budget.getByTestId('attr-min-budget').press('Enter');
  // CERTs with a budget of at least 1: CNCERT (33) and maCERT (2).
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '2');
  await panel.getByTestId('clear-filters').click();
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '10');
});

test('export without an attribute: the file does not carry it and the dialog says so', async ({ imported: app }) => {
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '10');
  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByTestId('export-dialog');
  await dialog.getByTestId('omit-fields').locator('summary').click();
  await dialog.getByTestId('omit-attr-budget').check();
  const download = app.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const text = readFileSync((await (await download).path())!, 'utf8');
  expect(text).toContain('for="family"');
  expect(text).not.toContain('budget');
  await expect(dialog.getByTestId('export-message')).toContainText('Left out: attribute budget');
});

test('weigh ties by an imported number: the Analysis panel and the shortest path say how they used it', async ({ imported: app, ids }) => {
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '10');
  await app.getByTestId('tab-analysis').click();
  const used = app.getByTestId('metrics-weight-used');
  await expect(used).toContainText('Betweenness, closeness and shortest paths count steps');
  await app.getByTestId('metrics-weight').selectOption('weight');
  await expect(used).toContainText('a tie’s length is 1 / weight, so a strong tie is a short one');
  await expect(app.getByTestId('metrics-summary')).toContainText('paths over 1 / “weight”');
  await app.screenshot({ path: test.info().outputPath('analysis-weight.png') });

  // From n3 to n8: three ties by count, five strong ones by weight (networkx's path, attributes.test.ts).
  await clickNode(app, ids.n3!);
  await app.getByRole('button', { name: 'Find a path from here…' }).click();
  await clickNode(app, ids.n8!);
  await app.getByRole('button', { name: /Path to here from/ }).click();
  await expect(app.getByTestId('path-step')).toHaveCount(5);
  await expect(app.getByTestId('path-by')).toContainText('The shortest by “weight” read as tie strength');
  await expect(app.getByTestId('path-by')).toContainText('2.25 in all');
});

test('a saved view keeps attribute filters, colour, size and width by attribute, and restores them after a reload', async ({
  imported: app,
  ids,
}) => {
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '10');
  const panel = app.getByTestId('filter-panel');
  // CERTs and law enforcement (five), with a budget of at least 2: n0 (12.5), n1 (40.25), n2 (33), n6 (2).
  await panel.getByTestId('add-attribute-filter').selectOption({ label: 'family (text, 10)' });
  await panel.getByTestId('attr-value-family-cert').check();
  await panel.getByTestId('attr-value-family-law enforcement').check();
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '5');
  await panel.getByTestId('add-attribute-filter').selectOption({ label: 'budget (number, 9)' });
  await panel.getByTestId('attr-min-budget').fill('2');
  await panel.getByTestId('attr-min-budget').press('Enter');
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '4');

  await app.getByTestId('style-menu').locator('summary').click();
  await app.getByTestId('colour-by').selectOption('attr:family');
  await app.getByTestId('size-by').selectOption('attr:budget');
  await app.getByTestId('ties-style').selectOption('attr:weight');
  const legend = app.getByTestId('legend');
  await expect(legend).toContainText('Line width: weight');
  const kept = ['n0', 'n1', 'n2', 'n6'].map((n) => ids[n]!);
  await expect.poll(async () => (await looks(app, ids.n1!))?.size).toBe(64);
  const legendBefore = await legend.innerText();
  const looksBefore = await Promise.all(kept.map((id) => looks(app, id)));
  expect(new Set(looksBefore.map((l) => l?.colour)).size).toBe(2);

  await app.getByTestId('tab-views').click();
  await app.getByLabel('Save what you see now').fill('Well-funded CERTs and police');
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByTestId('saved-view')).toHaveCount(1);

  // Everything back to the start, then a reload: nothing of it is left in the window.
  await panel.getByTestId('clear-filters').click();
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '10');
  await app.getByTestId('style-menu').locator('summary').click();
  await app.getByTestId('colour-by').selectOption('sector');
  await app.getByTestId('size-by').selectOption('degree');
  await app.getByTestId('ties-style').selectOption('both');
  await app.reload();
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '10');
  await expect(legend).not.toContainText('family');

  await app.getByTestId('tab-views').click();
  await app.getByRole('button', { name: 'Well-funded CERTs and police' }).click();
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '4');
  await expect(panel.getByTestId('attr-value-family-cert')).toBeChecked();
  await expect(panel.getByTestId('attr-value-family-law enforcement')).toBeChecked();
  await expect(panel.getByTestId('attr-min-budget')).toHaveValue('2');
  await expect.poll(() => legend.innerText()).toBe(legendBefore);
  await expect.poll(() => Promise.all(kept.map((id) => looks(app, id)))).toEqual(looksBefore);
});
