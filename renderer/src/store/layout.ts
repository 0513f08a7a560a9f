// The layout chosen and how its run goes (the canvas runs it and reports here), and the canvas's
// requests: run the layout again, fit the graph or centre on one node.
import type { ConcentricMetric, GroupBy } from '../../../shared/saved-view-style';
import type { AtlasSlice } from './atlas';
import { metricsWanted } from './metrics';

export type LayoutChoice =
  | { name: 'forceatlas2' | 'circle' | 'grid' | 'auto' }
  | { name: 'concentric'; metric: ConcentricMetric }
  | { name: 'grouped'; groupBy: GroupBy }
  | { name: 'preset'; positions: Record<string, { x: number; y: number }> };

export interface LayoutSlice {
  layout: LayoutChoice;
  /** Bumped to ask the canvas to run the layout again. */
  layoutRun: number;
  /** ForceAtlas2 while it runs (the canvas reports it), so that it can be shown and stopped. */
  layoutActive: { iterations: number } | null;
  layoutError: string | null;
  /** Bumped to ask the canvas to fit the graph, or to centre on one node. */
  fitRequest: { n: number; id: string | null };

  setLayout(layout: LayoutChoice): void;
  requestFit(id?: string): void;
  /** The canvas started a layout; `shown` when it runs long enough to be shown and stopped (ForceAtlas2). */
  layoutStarted(shown: boolean): void;
  layoutProgressed(iterations: number): void;
  /** The canvas's layout ended, or failed with `error`. */
  layoutEnded(error?: string): void;
}

export const createLayoutSlice: AtlasSlice<LayoutSlice> = (set, get) => ({
  layout: { name: 'auto' },
  layoutRun: 0,
  layoutActive: null,
  layoutError: null,
  fitRequest: { n: 0, id: null },

  setLayout(layout) {
    set({ layout, layoutRun: get().layoutRun + 1 });
    if (metricsWanted(get())) void get().ensureMetrics();
  },
  requestFit(id) {
    set({ fitRequest: { n: get().fitRequest.n + 1, id: id ?? null } });
  },
  layoutStarted(shown) {
    set({ layoutActive: shown ? { iterations: 0 } : null, layoutError: null });
  },
  layoutProgressed(iterations) {
    set({ layoutActive: { iterations } });
  },
  layoutEnded(error) {
    set(error === undefined ? { layoutActive: null } : { layoutActive: null, layoutError: error });
  },
});
