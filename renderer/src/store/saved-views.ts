// Saved views: what is looked at (the ViewState), the layout and every node's position, kept in the
// database under a name, and put back exactly as they were left. Also the layout a file just
// imported brought with it (the engine keeps it as a saved view), offered until used or dismissed,
// and what the last import landed.
import type { GraphView } from '../../../shared/domain';
import { restoreStyle, type SavedViewStyle } from '../../../shared/saved-view-style';
import type { Filters } from '../../../shared/schemas';
import { call } from '../api/client';
import type { AtlasSlice, LayoutChoice, SavedViewsSlice } from './state';
import { cleanFilters, type ViewState } from './view';

type Positions = Record<string, { x: number; y: number }>;

/** What is looked at, as a saved view keeps it (and the session, session.ts). */
export interface ViewRecord {
  filters: Filters;
  view: GraphView;
  layout: string;
  positions: Positions;
  style: SavedViewStyle;
}

export function viewRecord(vs: ViewState, layout: LayoutChoice, positions: Positions): ViewRecord {
  return {
    filters: cleanFilters(vs.filters),
    view: vs.view,
    layout: layout.name === 'preset' ? 'preset' : layout.name,
    positions,
    style: {
      ...vs.style,
      ego: vs.ego ? { id: vs.ego.id, name: vs.ego.name, depth: vs.ego.depth } : null,
      hidden: vs.hidden,
      faded: vs.faded,
      isolated: vs.isolated,
      aggregateBy: vs.aggregateBy,
      layoutOptions:
        layout.name === 'concentric' ? { metric: layout.metric } : layout.name === 'grouped' ? { groupBy: layout.groupBy } : null,
    },
  };
}

/** A kept view as the store takes it back: what is looked at, and the layout (saved positions first). */
export function restoredView(v: { filters: unknown; view: GraphView; layout: string | null; positions: Positions; style: unknown }): {
  patch: ViewState;
  layout: LayoutChoice;
} {
  const { ego, hidden, faded, isolated, aggregateBy, layoutOptions, ...style } = restoreStyle(v.style);
  const patch: ViewState = {
    filters: cleanFilters((v.filters ?? {}) as Filters),
    view: v.view,
    ego,
    hidden,
    faded,
    isolated,
    aggregateBy,
    style,
  };
  const name = v.layout ?? 'auto';
  const layout: LayoutChoice =
    Object.keys(v.positions).length > 0
      ? { name: 'preset', positions: v.positions }
      : name === 'concentric'
        ? { name, metric: layoutOptions.metric }
        : name === 'grouped'
          ? { name, groupBy: layoutOptions.groupBy }
          : name === 'forceatlas2' || name === 'circle' || name === 'grid'
            ? { name }
            : { name: 'auto' };
  return { patch, layout };
}

export const createSavedViewsSlice: AtlasSlice<SavedViewsSlice> = (set, get) => ({
  savedViews: [],
  importedLayout: null,
  landedImport: null,

  async loadSavedViews() {
    try {
      const r = await call('savedView.list', { limit: 1000, sort: 'name', order: 'asc' });
      set({ savedViews: r.items });
    } catch {
      // The list is a convenience; the panel offers to try again.
    }
  },
  async saveView(name, positions) {
    const { vs, layout } = get();
    const saved = await call('savedView.create', { name, ...viewRecord(vs, layout, positions) });
    await get().loadSavedViews();
    return saved;
  },
  async restoreView(id) {
    const v = await call('savedView.get', { id });
    const { patch, layout } = restoredView(v);
    await get().change(patch);
    // Saved positions win over any layout: the view comes back exactly as it was left.
    get().setLayout(layout);
  },
  async renameView(id, name) {
    await call('savedView.update', { id, patch: { name } });
    await get().loadSavedViews();
  },
  async deleteView(id) {
    await call('savedView.delete', { id });
    await get().loadSavedViews();
  },
  dismissImportedLayout() {
    set({ importedLayout: null });
  },
  dismissLandedImport() {
    set({ landedImport: null });
  },
});
