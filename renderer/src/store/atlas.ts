// The renderer's state: one zustand store made of slices (zustand's slices pattern), one file per
// concern: what is looked at and its undo (viewing.ts), the engine's answers for it (fetching.ts),
// selection and details (selection.ts), the shortest path (path.ts), metrics (metrics.ts), the
// layout and the canvas's requests (layout.ts), panels (panels.ts) and saved views
// (saved-views.ts). Panels read from here; the canvas draws `slice`. Every slice is handed the
// whole store, because most actions cross concerns (a filter change fetches, and may need metrics).
import { create } from 'zustand';
import { createFetchingSlice } from './fetching';
import { createLayoutSlice } from './layout';
import { createMetricsSlice } from './metrics';
import { createPanelsSlice } from './panels';
import { createPathSlice } from './path';
import { createSavedViewsSlice } from './saved-views';
import { createSelectionSlice } from './selection';
import type { AtlasState } from './state';
import { createViewingSlice } from './viewing';

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
