// The main thread's long tasks (over 50 ms, Chromium's Long Tasks API) seen while a person drills,
// filters and lays out, for the end-to-end test and the benchmark of issue 17 alike. The observer
// is registered before the app's first script runs (page.addInitScript), so nothing escapes it;
// each step is then a window of time in the page's clock, and the tasks that started in it are
// the step's.
import type { Page } from '@playwright/test';

/** The init script: every long task, kept in `window.__longTasks` as [start, duration] (ms). */
export const LONG_TASK_OBSERVER = `{
  const seen = (window.__longTasks = []);
  if (PerformanceObserver.supportedEntryTypes.includes('longtask'))
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
}`;

export interface StepTasks {
  step: string;
  /** Durations of the long tasks that started during the step (ms, rounded). */
  tasks: number[];
  /** How long the step took, from its action to the drawing settled (ms). */
  millis: number;
}

/** Called around each step (the benchmark's `--profile` records a CPU profile of each). */
export interface StepWatch {
  begin(step: string): Promise<void>;
  end(step: string): Promise<void>;
}

type Clocked = Window & { __longTasks?: [number, number][] };

/** The page's clock now. */
const pageNow = (page: Page) => page.evaluate(() => performance.now());

/** The long tasks that started at or after `since` (the page's clock). */
async function longTasksSince(page: Page, since: number): Promise<number[]> {
  return page.evaluate(
    (t0) => ((window as Clocked).__longTasks ?? []).filter(([start]) => start >= t0).map(([, d]) => Math.round(d)),
    since,
  );
}

/** Whether the page's Chromium reports long tasks at all (a test that saw none must know it could have). */
export const observesLongTasks = (page: Page) => page.evaluate(() => Array.isArray((window as Clocked).__longTasks));

/** How many layouts have landed in the drawing so far (GraphCanvas counts them on the element). */
const layoutsDone = (page: Page) =>
  page.evaluate(() => Number(document.querySelector('[data-testid=graph]')?.getAttribute('data-layouts-done') ?? 0));

/**
 * Waits until the drawing is still: `layoutsAfter` given, a layout landed after that many; no
 * layout running; then a quiet moment for late frames and long-task entries.
 */
async function settled(page: Page, layoutsAfter?: number, timeout = 60_000): Promise<void> {
  if (layoutsAfter !== undefined)
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid=graph]')?.getAttribute('data-layouts-done') ?? 0) > n,
      layoutsAfter,
      { timeout },
    );
  await page.waitForSelector('[data-testid=graph][data-layout-state=done]', { timeout });
  // Long-task entries are delivered after their task; one more frame, then a pause, catches them.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 400))));
}

/**
 * Runs the steps a person takes through a large network, each from its action until the drawing is
 * settled, and returns the long tasks of each: opening on the regions; drilling into Africa,
 * Sub-Saharan Africa and `country` (drawn with the Automatic layout); ticking and unticking the
 * first sector; then every layout of the toolbar. The page must have LONG_TASK_OBSERVER installed
 * and not be navigated yet.
 */
export async function drillFilterLayOut(
  page: Page,
  url: string,
  country: string,
  layouts: string[],
  watch?: StepWatch,
): Promise<StepTasks[]> {
  const out: StepTasks[] = [];
  const graph = page.getByTestId('graph');
  /** One step: its action, what says it happened, and whether it ends with a layout landing. */
  const step = async (name: string, act: () => Promise<void>, until: () => Promise<void>, laysOut: boolean) => {
    await watch?.begin(name);
    const t0 = await pageNow(page);
    const landed = await layoutsDone(page);
    await act();
    await until();
    await settled(page, laysOut ? landed : undefined);
    const t1 = await pageNow(page);
    out.push({ step: name, tasks: await longTasksSince(page, t0), millis: Math.round(t1 - t0) });
    await watch?.end(name);
  };
  const open = async (group: string) => {
    const xy = await page.evaluate((id) => window.atlasGraph!.renderedPosition(id), group);
    if (!xy) throw new Error(`${group} is not drawn`);
    await page.mouse.dblclick(xy.x, xy.y);
  };
  const aggregated = (level: string) => () =>
    page.waitForSelector(`[data-testid=graph][data-aggregated=${level}]`, { timeout: 60_000 }).then(() => {});

  // Headless Chromium pauses animation frames in tabs that are not in front.
  await page.bringToFront();
  // The page's clock starts at navigation: the first step counts from 0.
  const opening = 'open the aggregated view (regions)';
  await watch?.begin(opening);
  await page.goto(url);
  await aggregated('region')();
  await settled(page, 0);
  out.push({ step: opening, tasks: await longTasksSince(page, 0), millis: Math.round(await pageNow(page)) });
  await watch?.end(opening);
  await step('drill into Africa (sub-regions)', () => open('region:Africa'), aggregated('subRegion'), true);
  await step('drill into Sub-Saharan Africa (countries)', () => open('subRegion:Sub-Saharan Africa'), aggregated('country'), true);
  const organisations = async () => {
    await page.waitForSelector('[data-testid=graph]:not([data-aggregated])', { timeout: 60_000 });
  };
  await step(`drill into ${country} (Automatic layout)`, () => open(`country:${country}`), organisations, true);
  const drawn = async () => Number(await graph.getAttribute('data-node-count'));
  const before = await drawn();
  const sector = page.getByTestId('filter-sectors').getByRole('checkbox').first();
  const changed = (from: number) => async () => {
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=graph]')?.getAttribute('data-node-count')) !== n, from, {
      timeout: 30_000,
    });
  };
  await step('tick a sector filter', () => sector.check(), changed(before), false);
  const filtered = await drawn();
  await step('untick it', () => sector.uncheck(), changed(filtered), false);
  for (const layout of layouts)
    await step(
      `layout: ${layout}`,
      () =>
        page
          .getByTestId('layout')
          .selectOption(layout)
          .then(() => {}),
      async () => {},
      true,
    );
  return out;
}
