// A browser-mode harness per test, on a fresh database in a temp folder (so no test sees another's
// imports), with a page opened at its tokenised URL.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from '../harness/server';

export const test = base.extend<{ app: Page; harness: Harness }>({
  harness: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
    const harness = await startHarness({ dbPath: join(dir, 'atlas.sqlite') });
    await use(harness);
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ page, harness }, use) => {
    await page.goto(harness.url);
    await use(page);
  },
});
export { expect };

/** Clicks a drawn node where Cytoscape draws it. */
export async function clickNode(page: Page, id: string): Promise<void> {
  const xy = await page.evaluate((nodeId) => window.atlasGraph?.renderedPosition(nodeId) ?? null, id);
  if (!xy) throw new Error(`Node ${id} is not drawn`);
  await page.mouse.click(xy.x, xy.y);
}
