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
