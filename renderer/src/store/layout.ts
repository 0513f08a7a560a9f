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
  preventOverlap: null,

  setLayout(layout) {
    set({ layout, layoutRun: get().layoutRun + 1 });
    if (metricsWanted(get())) void get().ensureMetrics();
  },
  setPreventOverlap(on) {
    set({ preventOverlap: on });
    const { layout } = get();
    if (layout.name === 'forceatlas2' || layout.name === 'auto') set({ layoutRun: get().layoutRun + 1 });
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

/** Up to this many nodes, ForceAtlas2 prevents overlaps unless told otherwise (its second phase costs time on large graphs). */
const PREVENT_OVERLAP_UP_TO = 3000;

/** Whether ForceAtlas2 keeps nodes apart on a drawing of `nodes` nodes. */
export function preventsOverlap(choice: boolean | null, nodes: number): boolean {
  return choice ?? nodes <= PREVENT_OVERLAP_UP_TO;
}
