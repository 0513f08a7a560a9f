// Which panels are open, and the side panel's tab.
import type { AtlasSlice, PanelsSlice } from './state';
import { metricsWanted } from './metrics';

export const createPanelsSlice: AtlasSlice<PanelsSlice> = (set, get) => ({
  panels: { filters: true, side: true },
  sideTab: 'details',

  togglePanel(panel, open) {
    const panels = get().panels;
    set({ panels: { ...panels, [panel]: open ?? !panels[panel] } });
  },
  showPanels(open) {
    set({ panels: { filters: open, side: open } });
  },
  setSideTab(tab) {
    set({ sideTab: tab, panels: { ...get().panels, side: true } });
    if (metricsWanted(get())) void get().ensureMetrics();
  },
});
