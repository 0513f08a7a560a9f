// Helpers for benchmarks that measure the renderer in Chromium: a temp database filled by the
// engine, the browser-mode harness on it (the built renderer and the real engine worker, as the
// end-to-end tests use them), and Debian's Chromium driven by Playwright, headless.
//
//   await withApp((engine) => engine.generate({ organisations: 5000, seed: 1 }), async (page) => { … });
import { chromium, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../electron/engine/engine';
import { findResourcesDir } from '../../electron/engine/paths';
import { startWebServer, type WebServer } from '../../electron/web/server';

import { CHROMIUM, CHROMIUM_ARGS } from '../harness/chromium';
import { requireTestBuild } from '../harness/test-build';

export interface AppContext {
  page: Page;
  browser: Browser;
  harness: WebServer;
  dbPath: string;
}

export interface AppOptions {
  viewport?: { width: number; height: number };
  /** How long to wait for the first drawing. */
  timeoutMs?: number;
  /** Leave the page blank (not navigated): for callers that time the opening themselves. */
  skipFirstPage?: boolean;
}

/** A database in a temp folder, set up by `setup` through the engine, removed afterwards. */
export async function withDatabase<T>(setup: (engine: Engine) => void, fn: (dbPath: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-browser-'));
  const dbPath = join(dir, 'bench.sqlite');
  try {
    const engine = new Engine({ dbPath, resourcesDir: findResourcesDir(), actor: 'bench' });
    try {
      setup(engine);
    } finally {
      engine.close();
    }
    return await fn(dbPath);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens the app on an existing database and waits until the graph is drawn. */
export async function withAppOn<T>(dbPath: string, fn: (ctx: AppContext) => Promise<T>, opts: AppOptions = {}): Promise<T> {
  requireTestBuild();
  const harness = await startWebServer({ dbPath, seedIfEmpty: false });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: opts.viewport ?? { width: 1280, height: 800 } });
    page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
    if (!opts.skipFirstPage) {
      await page.goto(harness.url);
      await waitForGraph(page, opts.timeoutMs ?? 60_000);
    }
    return await fn({ page, browser, harness, dbPath });
  } finally {
    await browser?.close().catch(() => {});
    await harness.close();
  }
}

/** A fresh database set up by `setup`, the app opened on it, `fn` run with the page. */
export function withApp<T>(
  setup: (engine: Engine) => void,
  fn: (page: Page, ctx: AppContext) => Promise<T>,
  opts: AppOptions = {},
): Promise<T> {
  return withDatabase(setup, (dbPath) => withAppOn(dbPath, (ctx) => fn(ctx.page, ctx), opts));
}

/** Waits until the canvas has drawn at least one node (and the layout hook is there). */
async function waitForGraph(page: Page, timeoutMs = 60_000): Promise<number> {
  await page.waitForSelector('[data-testid=graph][data-node-count]', { timeout: timeoutMs });
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid=graph]')?.getAttribute('data-node-count')) > 0 && !!window.atlasLayout,
    undefined,
    { timeout: timeoutMs, polling: 100 },
  );
  return Number(await page.getByTestId('graph').getAttribute('data-node-count'));
}

/** Settles with 'timeout' after `ms`, so a benchmark can give up on a step that would take too long. */
export function timeout<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([p, new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)))]).finally(() => clearTimeout(timer));
}
