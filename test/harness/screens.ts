// Screenshots of the main screens, for looking at them: `node --import tsx test/harness/screens.ts OUTDIR [--orgs N] [--width PX]`.
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
  await page.screenshot({ path: join(out, `${scheme}-main.png`) });
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
