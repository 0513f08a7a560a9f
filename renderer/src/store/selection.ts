// What is selected: one record with its details (a click), or several nodes (shift-click, a box)
// that hide, fade and isolate act on; and the notice for a search result the view does not draw.
import { call, errorText } from '../api/client';
import type { AtlasSlice, SelectionSlice } from './state';

export const createSelectionSlice: AtlasSlice<SelectionSlice> = (set, get) => ({
  selectedId: null,
  selectedType: null,
  selection: [],
  details: null,
  detailsError: null,
  notice: null,
  group: null,

  async select(id, type = 'organisation') {
    set({ selectedId: id, selectedType: id ? type : null, selection: id ? [id] : [], details: null, detailsError: null, group: null });
    if (!id) return;
    if (get().sideTab !== 'details' && get().sideTab !== 'table') set({ sideTab: 'details' });
    try {
      const details = await call('record.details', { type, id });
      if (get().selectedId === id) set({ details });
    } catch (err) {
      if (get().selectedId === id) set({ detailsError: errorText(err) });
    }
  },

  setSelection(ids) {
    set({ selection: ids });
  },
  selectGroup(group) {
    set({ group, selectedId: null, selectedType: null, selection: [], details: null, detailsError: null });
    if (group) set({ sideTab: 'details', panels: { ...get().panels, side: true } });
  },

  async hideSelection() {
    const { selection, vs } = get();
    if (selection.length === 0) return;
    await get().change({ hidden: [...new Set([...vs.hidden, ...selection])] });
  },
  async fadeSelection() {
    const { selection, vs } = get();
    if (selection.length === 0) return;
    await get().change({ faded: [...new Set([...vs.faded, ...selection])] });
  },
  async isolateSelection() {
    const { selection, raw } = get();
    if (selection.length === 0 || !raw) return;
    // Isolating keeps the selection and its direct neighbours, and the ties among them.
    const chosen = new Set(selection);
    const keep = new Set(selection);
    for (const e of raw.edges) {
      if (chosen.has(e.source) || chosen.has(e.target)) {
        keep.add(e.source);
        keep.add(e.target);
      }
    }
    await get().change({ isolated: [...keep] });
  },

  async reveal(id, type, name) {
    await get().select(id, type);
    const drawn = get().slice?.nodes.some((n) => n.id === id);
    if (drawn) {
      get().requestFit(id);
      return;
    }
    set({ notice: { id, name, type } });
  },
  dismissNotice() {
    set({ notice: null });
  },
});
