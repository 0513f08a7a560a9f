// Issue 18's defects on large generated networks: a filter that brings 5,000 organisations below
// the large drawing's threshold must land fitted (defect 1), and the aggregated view by country
// must be readable and say what a group holds (defect 7).
import { test, expect } from '@playwright/test';
import { generatedHarness } from './fixtures';
import { allInView, check, overlapping, settled, zoomOf } from './walkthrough.helpers';

test('1. on 5,000 organisations, a filter re-fits what is drawn, unless the person moved the view', async ({ page }) => {
  test.setTimeout(120_000);
  await generatedHarness(5000, 3, async (harness) => {
    await page.goto(harness.url);
    const graph = page.getByTestId('graph');
    await expect(graph).toHaveAttribute('data-renderer', 'large', { timeout: 30_000 });
    await expect(page.getByTestId('layout-stop')).toHaveCount(0, { timeout: 30_000 });
    await check(page, 'sectors', 'Academia');
    await expect(graph).toHaveAttribute('data-renderer', 'cytoscape', { timeout: 30_000 });
    await allInView(page);
    // Once the person zooms, what they chose stays.
    await settled(page);
    const box = (await graph.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await settled(page);
    const zoomed = await zoomOf(page);
    await check(page, 'sectors', 'Civil society');
    await expect(page.getByTestId('counts')).not.toContainText(/^\s*$/);
    await page.waitForTimeout(800);
    expect(await zoomOf(page)).toBeCloseTo(zoomed, 5);
  });
});

test('7. grouped by country: labelled largest first without overlaps, sized and coloured by content, a click shows the group', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await generatedHarness(6000, 3, async (harness) => {
    await page.goto(harness.url);
    const graph = page.getByTestId('graph');
    await expect(graph).toHaveAttribute('data-aggregated', 'region', { timeout: 30_000 });
    await page.getByRole('combobox', { name: 'Group by' }).selectOption('country');
    await expect(graph).toHaveAttribute('data-aggregated', 'country', { timeout: 30_000 });
    await settled(page);
    const labelled = await page.evaluate(() => window.atlasGraph!.labelled());
    expect(labelled.length).toBeGreaterThan(5);
    const labels = await page.evaluate(() => window.atlasGraph!.labelBoxes());
    expect(overlapping(labels)).toEqual([]);
    // Sizes and colours differ with what the groups hold.
    const nodes = await page.evaluate(() => window.atlasGraph!.nodeBoxes());
    const widths = new Set(nodes.map((b) => Math.round(b.x2 - b.x1)));
    expect(widths.size).toBeGreaterThan(3);
    const colours = await page.evaluate((ids) => ids.map((id) => window.atlasGraph!.colourOf(id)), labelled);
    expect(new Set(colours).size).toBeGreaterThan(1);
    // The largest group is labelled.
    const largest = nodes.reduce((a, b) => (b.x2 - b.x1 > a.x2 - a.x1 ? b : a));
    expect(labelled).toContain(largest.id);

    const at = await page.evaluate((id) => window.atlasGraph!.renderedPosition(id), largest.id);
    await page.mouse.click(at!.x, at!.y);
    const group = page.getByTestId('group-details');
    await expect(group).toBeVisible();
    await expect(group).toContainText(/Organisations\s*[\d,]+/);
    await expect(group.getByTestId('group-sectors')).toContainText(/Government|Civil society|Academia|Private sector/);
    await expect(group.getByTestId('group-links').locator('li').first()).toContainText(/ties?/);
    await page.screenshot({ path: test.info().outputPath('by-country.png') });
  });
});
