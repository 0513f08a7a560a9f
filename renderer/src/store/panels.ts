// Which panels are open, and the side panel's tab.
import type { AtlasSlice } from './atlas';
import { metricsWanted } from './metrics';

export type SideTab = 'details' | 'analysis' | 'table' | 'charts' | 'views';

export interface PanelsSlice {
  panels: { filters: boolean; side: boolean };
  sideTab: SideTab;

  togglePanel(panel: 'filters' | 'side', open?: boolean): void;
  /** Both panels open, or both away (presentation). */
  showPanels(open: boolean): void;
  setSideTab(tab: SideTab): void;
}

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
