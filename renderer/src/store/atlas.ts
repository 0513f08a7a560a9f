// The renderer's state: one zustand store made of slices (zustand's slices pattern), one file per
// concern: what is looked at and its undo (viewing.ts), the engine's answers for it (fetching.ts),
// selection and details (selection.ts), the shortest path (path.ts), metrics (metrics.ts), the
// layout and the canvas's requests (layout.ts), panels (panels.ts) and saved views
// (saved-views.ts). Panels read from here; the canvas draws `slice`. Every slice is handed the
// whole store, because most actions cross concerns (a filter change fetches, and may need metrics).
import { create, type StateCreator } from 'zustand';
import { createFetchingSlice, type FetchingSlice } from './fetching';
import { createLayoutSlice, type LayoutSlice } from './layout';
import { createMetricsSlice, type MetricsSlice } from './metrics';
import { createPanelsSlice, type PanelsSlice } from './panels';
import { createPathSlice, type PathSlice } from './path';
import { createSavedViewsSlice, type SavedViewsSlice } from './saved-views';
import { createSelectionSlice, type SelectionSlice } from './selection';
import { createViewingSlice, type ViewingSlice } from './viewing';

export type AtlasState = ViewingSlice & FetchingSlice & SelectionSlice & PathSlice & MetricsSlice & LayoutSlice & PanelsSlice & SavedViewsSlice;

/** One slice's part of the store: its creator reads and sets the whole state. */
export type AtlasSlice<T> = StateCreator<AtlasState, [], [], T>;

export const useAtlas = create<AtlasState>()((...a) => ({
  ...createViewingSlice(...a),
  ...createFetchingSlice(...a),
  ...createSelectionSlice(...a),
  ...createPathSlice(...a),
  ...createMetricsSlice(...a),
  ...createLayoutSlice(...a),
  ...createPanelsSlice(...a),
  ...createSavedViewsSlice(...a),
}));
