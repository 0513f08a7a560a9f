// Explorer benchmarks (issue 3), in headless Chromium through the browser mode:
// - the seed network drawn after the window opens (target 1 s);
// - a 50,000-organisation database opening to its aggregated view (target 2 s);
// - a filter change on a slice of 5,000 organisations redrawn (target 300 ms);
// - metrics for that slice asked from the window (the engine's worker computes them).
// Times are taken in the page: from navigation start, or from the click, to the frame after the
// graph's data-node-count changed.
import type { Page } from '@playwright/test';
import { withAppOn, withDatabase } from './browser';
import type { Row } from './engine.bench';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;

/** Milliseconds from navigation start to the frame after the graph first shows `selector`. */
async function timeToFirstDraw(page: Page, selector: string, url: string): Promise<number> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  await page.addInitScript(`{
    const sel = ${JSON.stringify(selector)};
    const obs = new MutationObserver(() => {
      if (!document.querySelector(sel)) return;
      obs.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => (window.__drawnAt = performance.now())));
    });
    obs.observe(document, { subtree: true, childList: true, attributes: true });
  }`);
  // Headless Chromium pauses animation frames in tabs that are not in front.
  await page.bringToFront();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __drawnAt?: number }).__drawnAt !== undefined, undefined, { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { __drawnAt: number }).__drawnAt);
}

/** Clicks `selector` in the page and times until the graph's node count changes and a frame is drawn. */
async function timeRedraw(page: Page, selector: string): Promise<{ millis: number; nodes: number; edges: number }> {
  return page.evaluate(
    (sel) =>
      new Promise<{ millis: number; nodes: number; edges: number }>((resolve) => {
        const graph = document.querySelector('[data-testid=graph]')!;
        const before = graph.getAttribute('data-node-count');
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (graph.getAttribute('data-node-count') === before) return;
          obs.disconnect();
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              resolve({
                millis: performance.now() - t0,
                nodes: Number(graph.getAttribute('data-node-count')),
                edges: Number(graph.getAttribute('data-edge-count')),
              }),
            ),
          );
        });
        obs.observe(graph, { attributes: true });
        (document.querySelector(sel) as HTMLElement).click();
      }),
    selector,
  );
}

/** Waits until the layout running ends by itself (ForceAtlas2 stops within 5 s), so the nodes are spread as a user sees them. */
async function finish(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=layout-stop]', { state: 'detached', timeout: 60_000 });
  await page.waitForTimeout(200);
}

async function seedDrawn(): Promise<Row> {
  const times = await withDatabase(
    (engine) => engine.seed(),
    (dbPath) =>
      withAppOn(dbPath, async ({ browser, harness }) => {
        const out: number[] = [];
        for (let i = 0; i < 5; i++) {
          const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
          out.push(await timeToFirstDraw(page, '[data-testid=graph][data-node-count="7"]', harness.url));
          await page.close();
        }
        return out;
      }),
  );
  return {
    what: 'seed network drawn after the window opens (5 openings)',
    figure: `median ${ms(median(times))}, first ${ms(times[0]!)}`,
    target: '≤ 1 s',
    ok: median(times) <= 1000,
  };
}

async function aggregatedOpen(): Promise<Row> {
  const times: number[] = [];
  await withDatabase(
    (engine) => engine.generate({ organisations: 50_000, seed: 42 }),
    async (dbPath) => {
      // A fresh harness each time: the engine opens the database cold, as when the app starts.
      for (let i = 0; i < 3; i++) {
        await withAppOn(
          dbPath,
          async ({ browser, harness }) => {
            const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
            times.push(await timeToFirstDraw(page, '[data-testid=graph][data-aggregated]', harness.url));
          },
          { skipFirstPage: true },
        );
      }
    },
  );
  return {
    what: '50,000-organisation database opens to the aggregated view (cold engine, 3 openings)',
    figure: `median ${ms(median(times))} (${times.map(ms).join(', ')})`,
    target: '≤ 2 s',
    ok: median(times) <= 2000,
  };
}

async function filterChange(): Promise<Row[]> {
  return withDatabase(
    (engine) => engine.generate({ organisations: 5000, seed: 42 }),
    (dbPath) =>
      withAppOn(
        dbPath,
        async ({ page }) => {
          // Let the first layout finish so it does not share the measured frames.
          await finish(page);
          await page.getByTestId('tab-details').click();
          const first = await page.getByTestId('graph').getAttribute('data-edge-count');
          const removeTimes: number[] = [];
          const addTimes: number[] = [];
          let narrowed = { nodes: 0, edges: 0 };
          for (let i = 0; i < 5; i++) {
            // Narrow to one sector (elements removed), then widen again (elements added back).
            const r = await timeRedraw(page, '[data-testid=filter-sectors] input[type=checkbox]');
            narrowed = r;
            removeTimes.push(r.millis);
            addTimes.push((await timeRedraw(page, '[data-testid=filter-sectors] input[type=checkbox]')).millis);
            await finish(page);
          }
          const rows: Row[] = [
            {
              what: `filter change on 5,000 organisations / ${Number(first).toLocaleString('en')} ties → one sector (${narrowed.nodes.toLocaleString('en')} / ${narrowed.edges.toLocaleString('en')}), redrawn`,
              figure: `median ${ms(median(removeTimes))}, worst ${ms(Math.max(...removeTimes))}`,
              target: '≤ 300 ms',
              ok: median(removeTimes) <= 300,
            },
            {
              what: 'the same filter cleared: 5,000 organisations drawn again',
              figure: `median ${ms(median(addTimes))}, worst ${ms(Math.max(...addTimes))}`,
              target: '≤ 300 ms',
              ok: median(addTimes) <= 300,
            },
          ];
          // Metrics asked from the window, as the Analysis tab does.
          const metricsMs = await page.evaluate(async () => {
            const t0 = performance.now();
            const res = await fetch('/api/graph.metrics', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('atlas-token')}` },
              body: '{}',
            });
            const body = (await res.json()) as { ok: boolean; value: { millis: number; estimated: boolean; nodes: unknown[] } };
            return {
              total: performance.now() - t0,
              engine: body.value.millis,
              nodes: body.value.nodes.length,
              estimated: body.value.estimated,
            };
          });
          rows.push({
            what: `metrics of the 5,000-organisation slice asked from the window (${metricsMs.estimated ? 'sampled' : 'exact'} betweenness)`,
            figure: `${ms(metricsMs.total)} round trip (engine ${ms(metricsMs.engine)})`,
            target: '(20,000 / 40,000 target: see metrics rows)',
            ok: true,
          });
          return rows;
        },
        { timeoutMs: 120_000 },
      ),
  );
}

export async function explorerBench(): Promise<Row[]> {
  return [await seedDrawn(), ...(await filterChange()), await aggregatedOpen()];
}
