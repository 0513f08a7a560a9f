// A browser-mode harness per test, on a fresh database in a temp folder (so no test sees another's
// imports), with a page opened at its tokenised URL.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from '../../electron/engine/engine';
import { findResourcesDir } from '../../electron/engine/paths';
import { startWebServer, type WebServer } from '../../electron/web/server';

export const test = base.extend<{ app: Page; harness: WebServer }>({
  harness: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
    const harness = await startWebServer({ dbPath: join(dir, 'atlas.sqlite') });
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

/** A harness on a generated network of `organisations` (in a temp folder, removed after `use`). */
export async function generatedHarness(
  organisations: number,
  seed: number,
  use: (h: WebServer) => Promise<void>,
  ties?: number,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-generated-'));
  const dbPath = join(dir, 'generated.sqlite');
  const engine = new Engine({ dbPath, resourcesDir: findResourcesDir(), actor: 'e2e' });
  engine.generate({ organisations, seed, ...(ties === undefined ? {} : { ties }) });
  engine.close();
  const harness = await startWebServer({ dbPath, seedIfEmpty: false });
  try {
    await use(harness);
  } finally {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Waits until no layout is running (data-layout-state, written by GraphCanvas): the Automatic
 * layout (cose) and ForceAtlas2 compute in workers and land later, so a node is where it is drawn
 * for good only then.
 */
export async function layoutLanded(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=graph][data-layout-state=done]', { timeout: 30_000 });
}

/** Clicks a drawn node where Cytoscape draws it, once the layout has landed. */
export async function clickNode(page: Page, id: string): Promise<void> {
  await layoutLanded(page);
  const xy = await page.evaluate((nodeId) => window.atlasGraph?.renderedPosition(nodeId) ?? null, id);
  if (!xy) throw new Error(`Node ${id} is not drawn`);
  await page.mouse.click(xy.x, xy.y);
}

/**
 * A synthetic network of `organisations`, exported by the real engine as a snapshot to pick in the
 * window (its bytes, named `name`); the temporary database and file are removed before returning.
 */
export async function syntheticSnapshot(organisations: number, name: string, seed = 5) {
  const { Engine } = await import('../../electron/engine/engine');
  const { findResourcesDir } = await import('../../electron/engine/paths');
  const dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-file-'));
  try {
    const engine = new Engine({ dbPath: join(dir, 'network.sqlite'), resourcesDir: findResourcesDir(), actor: 'e2e' });
    engine.generate({ organisations, seed });
    await engine.call('export.run', { format: 'snapshot', path: join(dir, name) });
    engine.close();
    return { name, mimeType: 'application/octet-stream', buffer: readFileSync(join(dir, name)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A harness on a database holding only `fixture`, imported as a person would; `ids` maps each
 * organisation's ID in the file to its record's.
 */
export function importedTest(fixture: string) {
  return base.extend<{ imported: Page; ids: Record<string, string> }>({
    ids: async ({}, use) => use({}),
    imported: async ({ page, ids }, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-imported-'));
      const dbPath = join(dir, 'atlas.sqlite');
      const engine = new Engine({ dbPath, resourcesDir: findResourcesDir(), actor: 'e2e' });
      await engine.call('import.run', { path: fixture });
      for (const o of engine.call('organisation.list', { limit: 100 }).items) ids[String(o.attributes['id in file'])] = o.id;
      engine.close();
      const harness: WebServer = await startWebServer({ dbPath, seedIfEmpty: false });
      await page.goto(harness.url);
      await use(page);
      await harness.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** Ten organisations with attributes and twelve weighted relations, as networkx writes them. */
export const attributesTest = importedTest(
  fileURLToPath(new URL('../fixtures/graphml/networkx-attributes-weighted.graphml', import.meta.url)),
);

/** The modifier of the app's shortcuts (Ctrl+Z, Ctrl+K…) on this platform. */
export const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Calls the contract as the page does (its session token), returning the value or throwing the engine's message. */
export async function api<T>(page: Page, name: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([n, i]) => {
      const r = await fetch(`/api/${n}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('atlas-token')}` },
        body: JSON.stringify(i),
      });
      const body = (await r.json()) as { ok: boolean; value: unknown; error?: { message: string } };
      if (!body.ok) throw new Error(body.error!.message);
      return body.value;
    },
    [name, input] as const,
  ) as Promise<T>;
}
