// The layout chosen and how its run goes (the canvas runs it and reports here), and the canvas's
// requests: run the layout again, fit the graph or centre on one node.
import type { AtlasSlice, LayoutSlice } from './state';
import { metricsWanted } from './metrics';

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
