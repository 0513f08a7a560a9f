// Shared by the walkthrough specs (issue 18): the six-organisation fixture of explorer.spec.ts
// with one more relation, of a type another tool named ('cooperation', kept as 'other'), and
// small readers of what the drawing shows.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../electron/engine/engine';
import { findResourcesDir } from '../../electron/engine/paths';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { buildFixture } from '../engine/helpers';

/** A: Ghana gov, B: Kenya CSO, C: US company, D: Brazil university, E: international body, F: Japan CSO (no ties). */
export function fixtureDatabase(): { dir: string; dbPath: string } {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-walkthrough-'));
  const dbPath = join(dir, 'fixture.sqlite');
  const engine = new Engine({ dbPath, resourcesDir: findResourcesDir(), actor: 'e2e' });
  buildFixture(engine);
  engine.call('relation.create', { id: 'R2', sourceId: 'B', targetId: 'C', type: 'other', attributes: { type: 'cooperation' } });
  engine.close();
  return { dir, dbPath };
}

export const fixtureTest = base.extend<{ app: Page; harness: WebServer; dbPath: string }>({
  dbPath: async ({}, use) => {
    const { dir, dbPath } = fixtureDatabase();
    await use(dbPath);
    rmSync(dir, { recursive: true, force: true });
  },
  harness: async ({ dbPath }, use) => {
    const harness = await startWebServer({ dbPath, seedIfEmpty: false });
    await use(harness);
    await harness.close();
  },
  app: async ({ page, harness }, use) => {
    await page.goto(harness.url);
    await expect(page.getByTestId('graph')).toHaveAttribute('data-node-count', '6');
    await use(page);
  },
});

export async function drawn(page: Page, nodes: number, edges: number) {
  const graph = page.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', String(nodes));
  await expect(graph).toHaveAttribute('data-edge-count', String(edges));
}

export const check = (page: Page, group: string, label: string) =>
  page.getByTestId(`filter-${group}`).getByRole('checkbox', { name: label, exact: false }).first().click();

/** Every drawn node lies inside the graph's box on screen. */
export async function allInView(page: Page) {
  await expect
    .poll(
      async () => {
        const v = await page.evaluate(() => window.atlasGraph!.inView());
        return v.drawn > 0 && v.inView === v.drawn;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
}

export const zoomOf = (page: Page) => page.evaluate(() => window.atlasGraph!.zoom());

/** Waits until no layout is running (they land from workers) and the drawing's zoom stops changing. */
export async function settled(page: Page) {
  await page.waitForSelector('[data-testid=graph][data-layout-state=done]', { timeout: 30_000 });
  let before = -1;
  await expect
    .poll(
      async () => {
        const z = await zoomOf(page);
        const same = Math.abs(z - before) < 1e-6;
        before = z;
        return same;
      },
      { intervals: [300], timeout: 15_000 },
    )
    .toBe(true);
}

interface Box {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Pairs of boxes that overlap by more than `slack` px each way. */
export function overlapping(boxes: Box[], slack = 0.5): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x1 < b.x2 - slack && b.x1 < a.x2 - slack && a.y1 < b.y2 - slack && b.y1 < a.y2 - slack) out.push([a.id, b.id]);
    }
  return out;
}

/** Pairs of round nodes drawn over each other (centres closer than their radii add up). */
export function touchingNodes(boxes: Box[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const d = Math.hypot((a.x1 + a.x2) / 2 - (b.x1 + b.x2) / 2, (a.y1 + a.y2) / 2 - (b.y1 + b.y2) / 2);
      if (d < (a.x2 - a.x1 + b.x2 - b.x1) / 2 - 1) out.push([a.id, b.id]);
    }
  return out;
}
