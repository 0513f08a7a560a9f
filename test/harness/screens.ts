// Screenshots of the main screens, for looking at them:
// `node --import tsx test/harness/screens.ts OUTDIR [--orgs N] [--width PX] [--by region|subRegion|country]`
// (--by: above 5,000 organisations, the aggregated view grouped so, with one group clicked).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { Engine } from '../../electron/engine/engine';
import { findResourcesDir } from '../../electron/engine/paths';
import { startWebServer } from '../../electron/web/server';

const out = process.argv[2] ?? 'screens';
const orgsArg = process.argv.indexOf('--orgs');
const orgs = orgsArg > 0 ? Number(process.argv[orgsArg + 1]) : 0;
const widthArg = process.argv.indexOf('--width');
const width = widthArg > 0 ? Number(process.argv[widthArg + 1]) : 1440;
const byArg = process.argv.indexOf('--by');
const by = byArg > 0 ? process.argv[byArg + 1] : null;
const dir = mkdtempSync(join(tmpdir(), 'atlas-screens-'));
const dbPath = join(dir, 'atlas.sqlite');
if (orgs > 0) {
  const engine = new Engine({ dbPath, resourcesDir: findResourcesDir(), actor: 'screens' });
  engine.generate({ organisations: orgs, seed: 11 });
  engine.close();
}
const harness = await startWebServer({ dbPath, seedIfEmpty: orgs === 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const scheme of ['light', 'dark'] as const) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
  await page.goto(harness.url);
  await page.waitForSelector('[data-testid=graph][data-node-count]:not([data-node-count="0"])');
  await page.waitForTimeout(2500);
  if (by) {
    await page.getByRole('combobox', { name: 'Group by' }).selectOption(by);
    await page.waitForSelector(`[data-testid=graph][data-aggregated=${by}]`, { state: 'attached', timeout: 90_000 });
    await page.waitForTimeout(2500);
  }
  await page.screenshot({ path: join(out, `${scheme}-main.png`) });
  if (by) {
    // The largest group is first in the aggregate, and drawn largest: click it for its details.
    const at = await page.evaluate(() => {
      const boxes = window.atlasGraph!.nodeBoxes();
      const largest = boxes.reduce((a, b) => (b.x2 - b.x1 > a.x2 - a.x1 ? b : a));
      return { x: (largest.x1 + largest.x2) / 2, y: (largest.y1 + largest.y2) / 2 };
    });
    await page.mouse.click(at.x, at.y);
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(out, `${scheme}-group.png`) });
  }
  await page.getByTestId('style-menu').locator('summary').click();
  await page.screenshot({ path: join(out, `${scheme}-style-menu.png`) });
  await page.keyboard.press('Escape');
  if (scheme === 'dark') {
    await page.close();
    continue;
  }
  for (const tab of ['analysis', 'table', 'charts', 'views']) {
    await page.getByTestId(`tab-${tab}`).click();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(out, `${scheme}-${tab}.png`) });
  }
  await page.close();
}
await browser.close();
await harness.close();
rmSync(dir, { recursive: true, force: true });
