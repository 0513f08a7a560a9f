// The window while a large network's graph index still loads (issue 17): the aggregated view, the
// search box and the filter panel are usable at once. The index's preparation is held halfway by
// the worker's test gate (WorkerData.holdPreparing), so a network of 6,000 organisations stands in
// for one of a million ties: search is answered by the quick engine without the index; a filter
// chosen meanwhile shows "Preparing the network… 50%", stays chosen, and is drawn once the index
// is ready.
import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../electron/engine/engine';
import { findResourcesDir } from '../../electron/engine/paths';
import { startWebServer } from '../../electron/web/server';

interface Network {
  dbPath: string;
  governments: number;
  total: number;
}

const test = base.extend<{}, { network: Network }>({
  network: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-preparing-'));
      const dbPath = join(dir, 'network.sqlite');
      const engine = new Engine({ dbPath, resourcesDir: findResourcesDir(), actor: 'e2e' });
      engine.generate({ organisations: 6000, seed: 3 });
      engine.call('organisation.create', {
        name: 'Agence nationale de la sécurité',
        acronym: 'ANSSI-SN',
        sector: 'government',
        country: 'SN',
      });
      engine.call('organisation.create', { name: 'Лаборатория Касперского', acronym: null, sector: 'private_sector', country: 'RU' });
      const aggregate = { above: 5000, by: 'region' as const };
      const total = engine.call('graph.slice', { aggregate }).counts.organisations.total;
      const governments = engine.call('graph.slice', { filters: { sectors: ['government'] }, aggregate }).counts.organisations.shown;
      engine.close(); // keeps the index and the summary beside the database, as the app does
      await use({ dbPath, governments, total });
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});
test.setTimeout(90_000);

const n = (x: number) => x.toLocaleString('en');

test('search and a filter work while the graph index is still being prepared', async ({ page, network }) => {
  const gate = new Int32Array(new SharedArrayBuffer(4));
  const harness = await startWebServer({ dbPath: network.dbPath, seedIfEmpty: false, holdPreparing: gate.buffer as SharedArrayBuffer });
  try {
    await page.goto(harness.url);
    const graph = page.getByTestId('graph');
    // The aggregated view comes from the kept summary while the index is held.
    await expect(graph).toHaveAttribute('data-aggregated', 'region', { timeout: 30_000 });
    await expect(page.getByTestId('counts')).toContainText(`${n(network.total)} of ${n(network.total)} organisations`);

    // Search: answered without the index, across scripts and accents.
    await page.keyboard.press('Control+f');
    const search = page.getByRole('combobox', { name: 'Search by name or acronym' });
    await search.fill('securite');
    const results = page.getByTestId('search-results');
    await expect(results.getByRole('option').first()).toContainText('Agence nationale de la sécurité', { timeout: 5_000 });
    await search.fill('КАСПЕРСКОГО');
    await expect(results.getByRole('option').first()).toContainText('Лаборатория Касперского', { timeout: 5_000 });
    await search.press('Escape');

    // A filter needs the index: the window says how far its preparation has got, and keeps the choice.
    const government = page.getByTestId('filter-sectors').getByRole('checkbox', { name: /^Government/ });
    await government.click();
    await expect(page.getByTestId('progress')).toContainText('Preparing the network… 50%', { timeout: 10_000 });
    await expect(government).toBeChecked();
    await expect(page.getByTestId('counts')).toContainText(`${n(network.total)} of ${n(network.total)} organisations`);
    await page.screenshot({ path: test.info().outputPath('preparing.png') });

    // The index is ready: the filter is drawn, and nothing waits any more.
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    await expect(page.getByTestId('counts')).toContainText(`${n(network.governments)} of ${n(network.total)} organisations`, {
      timeout: 30_000,
    });
    await expect(government).toBeChecked();
    await expect(page.getByTestId('progress')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('filtered.png') });
  } finally {
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    await harness.close();
  }
});
