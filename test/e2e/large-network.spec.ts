// A network too large to draw whole: the window stays responsive, draws the most connected part
// and says so.
import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../electron/engine/engine';
import { findResourcesDir } from '../../electron/engine/paths';
import { startHarness, type Harness } from '../harness/server';

const test = base.extend<{}, { harness: Harness }>({
  harness: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-large-'));
      const dbPath = join(dir, 'large.sqlite');
      const engine = new Engine({ dbPath, resourcesDir: findResourcesDir(), actor: 'e2e' });
      engine.generate({ organisations: 4000, seed: 3 });
      engine.close();
      const harness = await startHarness({ dbPath, seedIfEmpty: false });
      await use(harness);
      await harness.close();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

test('draws the 2,500 most connected organisations of 4,000 and says so', async ({ page, harness }) => {
  await page.goto(harness.url);
  const graph = page.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '2500', { timeout: 20_000 });
  await expect(page.getByTestId('cut')).toContainText('2,500 most connected of 4,000');
  await expect(page.getByTestId('counts')).toContainText('4,000 organisations');
  await expect(page.getByRole('note').first()).toContainText('synthetic');
  await page.screenshot({ path: test.info().outputPath('large-network.png') });
});
