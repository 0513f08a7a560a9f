// `window.atlasLayout`, for end-to-end tests and benchmarks (test builds only: installed by
// graph/test-hooks.ts): runs a layout and reports, besides its result, every long task (> 50 ms on
// the main thread, Long Tasks API) seen between its start and its end. It also runs Cytoscape's
// cose and cytoscape-fcose with their defaults (animate off, randomised) on the main thread, for
// the layout benchmark's comparison only (the window's cose is the Automatic layout's, in its
// worker, reached through the toolbar): fcose is loaded
// only here, as a separate chunk, on first use, so the shipped bundle has none of it. On a large
// drawing (not Cytoscape's) those two run on a headless Cytoscape copy of it, timed without the
// copying, and their positions land in the drawing as any layout's do.
import type { Core, LayoutOptions } from 'cytoscape';
import type { Fa2Limits } from './fa2-protocol';
import { cancelLayout, runLayout, stopLayout } from './run';
import { fa2Stats, previewStats } from './stats';
import type { LayoutSurface } from './surface';
import type { LayoutRequest, LayoutResult } from './types';

export type HookRequest =
  (LayoutRequest & { /** ForceAtlas2 only: other stopping rules, for tests. */ limits?: Partial<Fa2Limits> }) | { name: 'cose' | 'fcose' };

export type HookResult = Omit<LayoutResult, 'name'> & {
  name: HookRequest['name'];
  /** Durations (ms) of the long tasks seen during the run. */
  longTasks: number[];
  /** Progress reports received (ForceAtlas2). */
  reports: number;
  /** ForceAtlas2 only: setup and landing times (ms), preview paints, and the long tasks split into
   *  those while it ran and those from the landing onwards (Cytoscape's one redraw). */
  fa2?: typeof fa2Stats & { duringRun: number[]; landing: number[]; preview: typeof previewStats };
};

export interface LayoutHook {
  run(req: HookRequest): Promise<HookResult>;
  /** Stops the layout running now, if any. */
  stop(): void;
  /** Where every node is now. */
  positions(): Record<string, { x: number; y: number }>;
}

declare global {
  interface Window {
    atlasLayout?: LayoutHook;
  }
}

// Cytoscape as the window loads it (in a chunk of its own, after the open: graph/GraphCanvas.tsx).
const loadCytoscape = () => import('cytoscape').then((m) => m.default);
let fcoseLoaded: Promise<void> | null = null;
function loadFcose(): Promise<void> {
  fcoseLoaded ??= Promise.all([loadCytoscape(), import('cytoscape-fcose')]).then(([cytoscape, m]) => {
    cytoscape.use(m.default);
  });
  return fcoseLoaded;
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** A headless Cytoscape holding what `drawing` draws, sized as drawn. */
async function headlessCopy(drawing: LayoutSurface): Promise<Core> {
  const cytoscape = await loadCytoscape();
  const cy = cytoscape({ headless: true, style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }] });
  const nodes = drawing.nodes().map((n) => ({
    group: 'nodes' as const,
    data: { id: n.id(), size: Number(n.data('size')) || n.width() },
    position: { ...n.position() },
  }));
  const edges = drawing
    .edges()
    .map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.data().source, target: e.data().target } }));
  cy.add([...nodes, ...edges]);
  return cy;
}

/** Runs Cytoscape's cose or fcose on the drawing; returns how long the layout itself took (ms). */
async function cytoscapeLayout(drawing: LayoutSurface, name: 'cose' | 'fcose'): Promise<number> {
  if (name === 'fcose') await loadFcose();
  const cy = drawing.cytoscape ?? (await headlessCopy(drawing));
  await nextFrame();
  const layout = cy.layout({ name, animate: false, randomize: true, fit: false } as LayoutOptions);
  const stopped = new Promise<void>((r) => layout.one('layoutstop', () => r()));
  const t0 = performance.now();
  layout.run();
  await stopped;
  const millis = Math.round(performance.now() - t0);
  if (cy !== drawing.cytoscape) {
    const list = drawing.nodes();
    const xy = new Float64Array(list.length * 2);
    list.forEach((n, i) => {
      const p = cy.getElementById(n.id()).position();
      xy[2 * i] = p.x;
      xy[2 * i + 1] = p.y;
    });
    cy.destroy();
    await drawing.land(list, xy);
  }
  return millis;
}

export function installLayoutHook(drawing: LayoutSurface): () => void {
  const hook: LayoutHook = {
    async run(req) {
      cancelLayout(drawing);
      const entries: PerformanceEntry[] = [];
      let observer: PerformanceObserver | null = null;
      if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
        observer = new PerformanceObserver((list) => void entries.push(...list.getEntries()));
        observer.observe({ type: 'longtask' });
      }
      let reports = 0;
      const progress = () => void reports++;
      try {
        let result: LayoutResult | (Omit<LayoutResult, 'name'> & { name: 'cose' | 'fcose' });
        if (req.name === 'cose' || req.name === 'fcose') {
          const millis = await cytoscapeLayout(drawing, req.name);
          result = { name: req.name, iterations: 0, millis, converged: true, stopped: false };
        } else {
          const limits = 'limits' in req ? req.limits : undefined;
          result = await runLayout(drawing, req as LayoutRequest, progress, limits).done;
        }
        // Long-task entries arrive after the task: let the page draw and the observer catch up.
        await nextFrame();
        await new Promise((r) => setTimeout(r, 60));
        if (observer) entries.push(...observer.takeRecords());
        const longTasks = entries.map((e) => Math.round(e.duration));
        if (req.name !== 'forceatlas2') return { ...result, longTasks, reports };
        // A task that ends after the landing started belongs to the landing.
        const landStart = fa2Stats.landedAt - fa2Stats.landMs;
        const duringRun = entries.filter((e) => e.startTime + e.duration < landStart).map((e) => Math.round(e.duration));
        const landing = entries.filter((e) => e.startTime + e.duration >= landStart).map((e) => Math.round(e.duration));
        return { ...result, longTasks, reports, fa2: { ...fa2Stats, duringRun, landing, preview: { ...previewStats } } };
      } finally {
        observer?.disconnect();
      }
    },
    stop() {
      stopLayout(drawing);
    },
    positions() {
      const out: Record<string, { x: number; y: number }> = {};
      for (const n of drawing.nodes()) {
        const p = n.position();
        out[n.id()] = { x: p.x, y: p.y };
      }
      return out;
    },
  };
  window.atlasLayout = hook;
  return () => {
    hook.stop();
    if (window.atlasLayout === hook) delete window.atlasLayout;
  };
}
