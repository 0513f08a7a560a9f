// Curation from the graph and the table in Chromium: a relation drawn by Alt-dragging from one
// organisation to another, in Cytoscape's drawing and in the large drawing, then its type chosen;
// bulk edit of the selected organisations from the table, undone in one step.
import type { Page } from '@playwright/test';
import { api, expect, generatedHarness, layoutLanded, mod, test } from './fixtures';

async function altDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.keyboard.down('Alt');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Alt');
}

const at = async (page: Page, id: string) => {
  await layoutLanded(page);
  return page.evaluate((n) => window.atlasGraph!.renderedPosition(n), id);
};

test('Alt-drag from one organisation to another draws a relation in the Cytoscape drawing, then its type is chosen', async ({ app }) => {
  const graph = app.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await expect(graph).toHaveAttribute('data-renderer', 'cytoscape');
  await api(app, 'preferences.set', { analystName: 'Analyst' });
  await app.reload();
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await app.waitForTimeout(1000);
  const orgs = (await api<{ items: { id: string; name: string }[] }>(app, 'organisation.list', {})).items;
  const a = orgs.find((o) => o.name === 'Microsoft')!;
  const b = orgs.find((o) => o.name === 'CyberPeace Institute')!;
  const before = await at(app, a.id);
  await altDrag(app, (await at(app, a.id))!, (await at(app, b.id))!);
  const form = app.getByTestId('form-relation');
  await expect(form).toBeVisible();
  await expect(form.getByTestId('field-relation-sourceId')).toHaveValue('Microsoft');
  await expect(form.getByTestId('field-relation-targetId')).toHaveValue('CyberPeace Institute');
  await expect(form.getByTestId('field-relation-type')).toBeFocused();
  await app.keyboard.press('s'); // Supports
  await form.getByTestId('form-save').click();
  await expect(form).toBeHidden();
  const rels = await api<{ items: { sourceId: string; targetId: string; type: string }[] }>(app, 'relation.list', {});
  expect(rels.items).toContainEqual(expect.objectContaining({ sourceId: a.id, targetId: b.id, type: 'supports' }));
  // The drag moved nothing.
  expect(await at(app, a.id)).toEqual(before);
});

test('bulk edit sets a sector on the selected organisations from the table, and one Ctrl+Z takes it back', async ({ app }) => {
  const graph = app.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await api(app, 'preferences.set', { analystName: 'Analyst' });
  await app.reload();
  await expect(graph).toHaveAttribute('data-node-count', '7');
  const orgs = (await api<{ items: { id: string; name: string; sector: string }[] }>(app, 'organisation.list', {})).items;
  const two = orgs.filter((o) => o.sector !== 'academia').slice(0, 2);
  for (const o of two) {
    const p = (await at(app, o.id))!;
    await app.keyboard.down('Shift');
    await app.mouse.click(p.x, p.y);
    await app.keyboard.up('Shift');
  }
  await app.getByTestId('tab-table').click();
  await app.getByTestId('bulk-open').click();
  const bulk = app.getByTestId('bulk-edit');
  await expect(bulk.getByTestId('bulk-scope')).toContainText('The 2 selected');
  await bulk.getByTestId('bulk-value').selectOption('academia');
  await bulk.getByTestId('bulk-apply').click();
  await expect(bulk.getByTestId('bulk-message')).toContainText('Changed 2 organisations');
  for (const o of two) expect((await api<{ sector: string }>(app, 'organisation.get', { id: o.id })).sector).toBe('academia');
  // Tags on every organisation in the table.
  await bulk.getByTestId('bulk-scope').selectOption('all');
  await bulk.getByTestId('bulk-what').selectOption('addTags');
  await bulk.getByTestId('bulk-value').fill('reviewed 2026');
  await bulk.getByTestId('bulk-apply').click();
  await expect(bulk.getByTestId('bulk-message')).toContainText('Changed 7 organisations');
  await app.getByTestId('graph').focus();
  await app.keyboard.press(`${mod}+z`);
  await expect(app.getByTestId('undo-toast')).toContainText('Set tags on 7 organisations');
  await app.keyboard.press(`${mod}+z`);
  await expect(app.getByTestId('undo-toast')).toContainText('Set sector on 2 organisations');
  for (const o of two) expect((await api<{ sector: string }>(app, 'organisation.get', { id: o.id })).sector).toBe(o.sector);
});

test('Alt-drag draws a relation in the large drawing too', async ({ page }) => {
  test.setTimeout(180_000);
  await generatedHarness(3200, 11, async (harness) => {
    await page.goto(harness.url);
    const graph = page.getByTestId('graph');
    await expect(graph).toHaveAttribute('data-renderer', 'large', { timeout: 60_000 });
    await expect(page.getByTestId('layout-stop')).toHaveCount(0, { timeout: 90_000 });
    await api(page, 'preferences.set', { analystName: 'Analyst' });
    await page.reload();
    await expect(graph).toHaveAttribute('data-renderer', 'large', { timeout: 60_000 });
    await expect(page.getByTestId('layout-stop')).toHaveCount(0, { timeout: 90_000 });
    const box = (await graph.boundingBox())!;
    // Two organisations drawn well apart, near the middle of the view.
    const ids = await page.evaluate(() => Object.keys(window.atlasLayout!.positions()));
    const points: { id: string; x: number; y: number }[] = [];
    for (const id of ids.slice(0, 400)) {
      const p = await at(page, id);
      if (p && p.x > box.x + 40 && p.x < box.x + box.width - 40 && p.y > box.y + 40 && p.y < box.y + box.height - 40)
        points.push({ id, ...p });
    }
    const a = points[0]!;
    const b = points.find((p) => Math.hypot(p.x - a.x, p.y - a.y) > 150)!;
    const before = (await api<{ total: number }>(page, 'relation.list', {})).total;
    await altDrag(page, a, b);
    const form = page.getByTestId('form-relation');
    await expect(form).toBeVisible();
    await expect(form.getByTestId('field-relation-sourceId')).not.toHaveValue('');
    await expect(form.getByTestId('field-relation-targetId')).not.toHaveValue('');
    await form.getByTestId('field-relation-type').selectOption('collaborates_with');
    await form.getByTestId('form-save').click();
    await expect(form).toBeHidden();
    expect((await api<{ total: number }>(page, 'relation.list', {})).total).toBe(before + 1);
  });
});
