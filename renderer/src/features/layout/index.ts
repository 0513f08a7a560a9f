// Layouts for the explorer: what the toolbar offers (ForceAtlas2 in a worker, concentric by a
// metric, grouped by region or sector, circle, grid, saved positions), pinning by dragging, and
// a hook for end-to-end tests and benchmarks.
export type { LayoutGroup, LayoutName, LayoutProgress, LayoutRequest, LayoutResult, LayoutRun } from './types';
export { cancelLayout, runLayout, stopLayout } from './run';
export { enablePinning, unpinAll } from './pinning';
export { installLayoutHook, type LayoutHook, type HookRequest, type HookResult } from './hook';
export type { LayoutNode, LayoutEdge, LayoutSurface, Preview } from './surface';
export { cytoscapeSurface } from './cytoscape-surface';
