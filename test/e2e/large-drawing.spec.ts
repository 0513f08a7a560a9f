// A drawing of 5,000 organisations and 23,000 ties, below the aggregation threshold: painted by
// the large drawing (graph/large/), which must filter, bring nodes back where they were, select
// on click and pin on drag as Cytoscape's drawing does.
import { readFileSync } from 'node:fs';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { WebServer } from '../../electron/web/server';
import { generatedHarness } from './fixtures';

const test = base.extend<{}, { harness: WebServer }>({
  harness: [async ({}, use) => generatedHarness(5000, 42, use), { scope: 'worker' }],
});

/** Opens the app on the 5,000 organisations and waits until they are drawn by the large drawing and laid out. */
async function openLarge(page: Page, harness: WebServer): Promise<Locator> {
  test.setTimeout(120_000);
  await page.goto(harness.url);
  const graph = page.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '5000', { timeout: 30_000 });
  await expect(graph).toHaveAttribute('data-renderer', 'large');
  await expect(page.getByTestId('layout-stop')).toHaveCount(0, { timeout: 60_000 });
  return graph;
}

test('5,000 organisations are drawn by the large drawing: filters, positions kept, click selects, drag pins', async ({ page, harness }) => {
  const graph = await openLarge(page, harness);
  const ties = await graph.getAttribute('data-edge-count');
  expect(Number(ties)).toBeGreaterThan(20_000);
  const before = await page.evaluate(() => window.atlasLayout!.positions());

  // One sector: exactly its organisations; cleared: everything back, where it was.
  const box = page.getByTestId('filter-sectors').getByRole('checkbox').first();
  const label = await box.locator('xpath=..').innerText();
  const count = Number(/([\d,]+)\s*$/.exec(label)![1]!.replace(/,/g, ''));
  await box.check();
  await expect(graph).toHaveAttribute('data-node-count', String(count));
  await box.uncheck();
  await expect(graph).toHaveAttribute('data-node-count', '5000');
  await expect(graph).toHaveAttribute('data-edge-count', ties!);
  const after = await page.evaluate(() => window.atlasLayout!.positions());
  const ids = Object.keys(before);
  expect(Object.keys(after)).toHaveLength(5000);
  for (const id of ids.slice(0, 200)) expect(after[id]).toEqual(before[id]);

  // A click on a node selects it and shows its details.
  const target = await page.evaluate(() => {
    const all = Object.entries(window.atlasLayout!.positions());
    // The node furthest from the centre: nothing else is painted over it.
    all.sort((a, b) => Math.hypot(b[1].x, b[1].y) - Math.hypot(a[1].x, a[1].y));
    return all[0]![0];
  });
  const at = await page.evaluate((n) => window.atlasGraph!.renderedPosition(n), target);
  expect(at).not.toBeNull();
  await page.mouse.click(at!.x, at!.y);
  // The node clicked (the one painted on top there, which may overlap the one aimed at).
  await expect.poll(() => page.evaluate(() => window.atlasGraph!.selected().length)).toBe(1);
  const id = (await page.evaluate(() => window.atlasGraph!.selected()))[0]!;
  const hit = await page.evaluate((n) => window.atlasGraph!.renderedPosition(n), id);
  expect(Math.hypot(hit!.x - at!.x, hit!.y - at!.y)).toBeLessThan(40);
  await expect(page.getByRole('region', { name: 'Details' })).not.toHaveClass(/empty/);

  // Dragging it moves it and pins it.
  const from = await page.evaluate((n) => window.atlasGraph!.position(n), id);
  await page.mouse.move(at!.x, at!.y);
  await page.mouse.down();
  await page.mouse.move(at!.x + 40, at!.y + 30, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate((n) => window.atlasGraph!.classesOf(n), id)).toContain('pinned');
  const to = await page.evaluate((n) => window.atlasGraph!.position(n), id);
  expect(Math.hypot(to!.x - from!.x, to!.y - from!.y)).toBeGreaterThan(1);
  await page.screenshot({ path: test.info().outputPath('large-drawing.png') });
});

test('the full view of a large network draws partnerships as diamonds, events as squares and relations dashed with arrowheads', async ({
  page,
  harness,
}) => {
  const graph = await openLarge(page, harness);
  await page.getByRole('button', { name: 'With partnerships and events' }).click();
  // Organisations with their partnerships and events: more than the window draws at once.
  await expect(page.getByText(/Drawing the 5,000 most connected of [\d,]+ nodes/)).toBeVisible();
  await expect(graph).toHaveAttribute('data-renderer', 'large');
  await expect(page.getByTestId('layout-stop')).toHaveCount(0, { timeout: 60_000 });

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByLabel('Format').selectOption('svg');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = readFileSync((await (await download).path())!, 'utf8');
  // The drawing itself: the SVG inside the picture's frame (which adds the legend's keys and text).
  const svg = file.slice(file.indexOf('<svg', 1), file.indexOf('</svg>') + 6);
  expect(file).toContain('>Partnership</text>');
  const count = (re: RegExp) => (svg.match(re) ?? []).length;
  // One shape per node: discs for organisations, diamonds for partnerships, squares for events.
  const discs = count(/<circle /g);
  const diamonds = count(/<polygon points="[^"]+" fill="#[^"]*"\/>/g);
  const squares = count(/<rect x=/g) - 1; // less the background
  expect(discs).toBeGreaterThan(0);
  expect(diamonds).toBeGreaterThan(0);
  expect(squares).toBeGreaterThan(0);
  expect(discs + diamonds + squares).toBe(5000);
  // Direct relations: dashed, each with its arrowhead.
  const dashed = count(/stroke-dasharray/g);
  expect(dashed).toBeGreaterThan(0);
  expect(count(/stroke="none"\/>/g)).toBeGreaterThan(0);
  await page.screenshot({ path: test.info().outputPath('large-full-view.png') });
});

test('in a large drawing, search centres and selects, the selection hides and fades, and a shortest path is marked', async ({
  page,
  harness,
}) => {
  const graph = await openLarge(page, harness);
  const search = page.getByRole('combobox', { name: 'Search by name or acronym' });
  const choose = async (acronym: string) => {
    await search.fill(acronym);
    await expect(page.getByTestId('search-results').getByRole('option').first()).toContainText(acronym);
    await search.press('Enter');
    await expect(page.getByTestId('details').getByRole('heading', { level: 2 })).toContainText(acronym);
    return (await page.evaluate(() => window.atlasGraph!.selected()))[0]!;
  };

  // Search: the result is selected and brought to the middle of the drawing.
  const first = await choose('SYN000100');
  expect(first).toBeTruthy();
  const box = (await graph.boundingBox())!;
  await expect
    .poll(async () => {
      const at = await page.evaluate((id) => window.atlasGraph!.renderedPosition(id), first);
      return Math.hypot(at!.x - (box.x + box.width / 2), at!.y - (box.y + box.height / 2));
    })
    .toBeLessThan(5);

  // Fade, then hide it and undo.
  await page.getByRole('button', { name: 'Fade', exact: true }).click();
  await expect.poll(() => page.evaluate((id) => window.atlasGraph!.classesOf(id), first)).toContain('faded');
  await page.getByRole('button', { name: 'Hide', exact: true }).click();
  await expect(graph).toHaveAttribute('data-node-count', '4999');
  await page.getByTestId('undo').click();
  await expect(graph).toHaveAttribute('data-node-count', '5000');

  // A shortest path between two organisations (with ties: the first was one without): both ends
  // on it, the rest of the drawing off it.
  const from = await choose('SYN004321');
  await page.getByRole('button', { name: 'Find a path from here…' }).click();
  const to = await choose('SYN001909');
  await page.getByRole('button', { name: /Path to here from/ }).click();
  await expect(page.getByTestId('path-step').first()).toBeVisible();
  const steps = await page.getByTestId('path-step').count();
  expect(steps).toBeGreaterThan(0);
  for (const id of [from, to]) expect(await page.evaluate((n) => window.atlasGraph!.classesOf(n), id)).toContain('path');
  const others = await page.evaluate(() => Object.keys(window.atlasLayout!.positions()).slice(0, 50));
  const off = await page.evaluate((ids) => ids.filter((n) => window.atlasGraph!.classesOf(n).includes('off-path')).length, others);
  expect(off).toBeGreaterThan(50 - steps - 2);
});

test('quick add in a large drawing: the new organisation is drawn in the middle of the view, nothing else moves, and Ctrl+Z takes it back', async ({
  page,
  harness,
}) => {
  const graph = await openLarge(page, harness);
  // One sector (5,001 organisations would be drawn by region, past the 5,000 that stay readable).
  const civil = page.getByTestId('filter-sectors').getByRole('checkbox', { name: /Civil society/ });
  const label = await civil.locator('xpath=..').innerText();
  const count = Number(/([\d,]+)\s*$/.exec(label)![1]!.replace(/,/g, ''));
  await civil.check();
  await expect(graph).toHaveAttribute('data-node-count', String(count));
  await expect(graph).toHaveAttribute('data-renderer', 'large');
  const before = await page.evaluate(() => window.atlasLayout!.positions());
  await graph.focus();
  await page.keyboard.press('n');
  const quick = page.getByTestId('quick-add');
  await expect(quick.locator('#quick-name')).toBeFocused();
  await page.keyboard.type('Observatoire de la cybercriminalité du Sahel');
  await page.keyboard.press('Tab');
  await page.keyboard.type('c');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Niger');
  await page.keyboard.press('Enter');
  const ask = page.getByTestId('name-dialog');
  await expect(ask).toBeVisible();
  await page.keyboard.type('Facilitator');
  await page.keyboard.press('Enter');
  await expect(quick.getByTestId('quick-added')).toContainText('Observatoire de la cybercriminalité du Sahel');
  await expect(graph).toHaveAttribute('data-node-count', String(count + 1));
  await expect(graph).toHaveAttribute('data-renderer', 'large');
  await page.keyboard.press('Escape');
  await expect(quick).toBeHidden();
  const after = await page.evaluate(() => window.atlasLayout!.positions());
  const added = Object.keys(after).filter((id) => !(id in before));
  expect(added).toHaveLength(1);
  // Drawn where the person is looking: inside the canvas.
  const at = await page.evaluate((id) => window.atlasGraph!.renderedPosition(id), added[0]!);
  const box = (await graph.boundingBox())!;
  expect(at!.x).toBeGreaterThan(0);
  expect(at!.x).toBeLessThan(box.width);
  expect(at!.y).toBeGreaterThan(0);
  expect(at!.y).toBeLessThan(box.height);
  // No layout ran: every other node is where it was.
  for (const id of Object.keys(before)) expect(after[id]).toEqual(before[id]);
  await graph.focus();
  await page.keyboard.press('Control+z');
  await expect(graph).toHaveAttribute('data-node-count', String(count));
});

test('a layout cut short when the drawing changes hands is run again on the new drawing, and ends', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await page.goto(harness.url);
  const graph = page.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-renderer', 'large', { timeout: 30_000 });
  // While ForceAtlas2 lays out the 5,000, the smallest sector is ticked: few enough for Cytoscape.
  await expect(page.getByTestId('layout-stop')).toBeVisible({ timeout: 30_000 });
  const rows = page.getByTestId('filter-sectors').getByRole('checkbox');
  await expect(rows.first()).toBeVisible();
  const counts = await page
    .getByTestId('filter-sectors')
    .locator('li')
    .evaluateAll((lis) => lis.map((li) => Number(li.querySelector('.count')!.textContent!.replace(/,/g, ''))));
  const smallest = counts.indexOf(Math.min(...counts));
  await rows.nth(smallest).check();
  await expect(graph).toHaveAttribute('data-renderer', 'cytoscape', { timeout: 30_000 });
  await expect(graph).toHaveAttribute('data-node-count', String(counts[smallest]), { timeout: 30_000 });
  // The new drawing is laid out, and the window says so: no layout left running.
  await expect(page.getByTestId('layout-stop')).toHaveCount(0, { timeout: 60_000 });
  await expect(graph).toHaveAttribute('data-layout-state', 'done');
  const positions = await page.evaluate(() => Object.values(window.atlasLayout!.positions()));
  expect(positions).toHaveLength(counts[smallest]!);
  expect(new Set(positions.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)).size).toBeGreaterThan(counts[smallest]! * 0.9);
  await rows.nth(smallest).uncheck(); // the window keeps its filters for this database
});
