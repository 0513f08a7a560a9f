// Layouts for the explorer: what the toolbar offers (ForceAtlas2 in a worker, concentric by a
// metric, grouped by region or sector, circle, grid, saved positions) and pinning by dragging. The
// hook for end-to-end tests and benchmarks (hook.ts) is imported by the test hooks alone.
export type { LayoutGroup, LayoutRequest } from './types';
export { cancelLayout, runLayout, stopLayout } from './run';
export { enablePinning, unpinAll } from './pinning';
export type { LayoutNode, LayoutEdge, LayoutSurface, Preview } from './surface';
export { cytoscapeSurface } from './cytoscape-surface';
