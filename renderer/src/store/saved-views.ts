// Saved views: what is looked at (the ViewState), the layout and every node's position, kept in the
// database under a name, and put back exactly as they were left. Also the layout a file just
// imported brought with it (the engine keeps it as a saved view), offered until used or dismissed.
import { restoreStyle, type SavedViewStyle } from '../../../shared/saved-view-style';
import { call } from '../api/client';
import type { AtlasSlice, SavedViewsSlice } from './state';
import { cleanFilters } from './view';

export const createSavedViewsSlice: AtlasSlice<SavedViewsSlice> = (set, get) => ({
  savedViews: [],
  importedLayout: null,

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
    const style: SavedViewStyle = {
      ...vs.style,
      ego: vs.ego ? { id: vs.ego.id, name: vs.ego.name, depth: vs.ego.depth } : null,
      hidden: vs.hidden,
      faded: vs.faded,
      isolated: vs.isolated,
      aggregateBy: vs.aggregateBy,
      layoutOptions:
        layout.name === 'concentric' ? { metric: layout.metric } : layout.name === 'grouped' ? { groupBy: layout.groupBy } : null,
    };
    const saved = await call('savedView.create', {
      name,
      filters: cleanFilters(vs.filters),
      view: vs.view,
      layout: layout.name === 'preset' ? 'preset' : layout.name,
      positions,
      style,
    });
    await get().loadSavedViews();
    return saved;
  },
  async restoreView(id) {
    const v = await call('savedView.get', { id });
    const { ego, hidden, faded, isolated, aggregateBy, layoutOptions, ...style } = restoreStyle(v.style);
    await get().change({
      filters: cleanFilters(v.filters),
      view: v.view,
      ego,
      hidden,
      faded,
      isolated,
      aggregateBy,
      style,
    });
    // Saved positions win over any layout: the view comes back exactly as it was left.
    if (Object.keys(v.positions).length > 0) get().setLayout({ name: 'preset', positions: v.positions });
    else {
      const name = v.layout ?? 'auto';
      if (name === 'concentric') get().setLayout({ name, metric: layoutOptions.metric });
      else if (name === 'grouped') get().setLayout({ name, groupBy: layoutOptions.groupBy });
      else if (name === 'forceatlas2' || name === 'circle' || name === 'grid') get().setLayout({ name });
      else get().setLayout({ name: 'auto' });
    }
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
});
