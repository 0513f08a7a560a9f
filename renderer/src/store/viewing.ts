// What is looked at (a ViewState) and its undo: every change goes through `change`, which keeps the
// previous value, so one undo covers filters, focus, hiding and styling alike.
import type { Filters } from '../../../shared/schemas';
import { capSlice } from '../features/graph/cap';
import { clearedText } from '../features/filters/filter-groups';
import type { AtlasSlice, ViewingSlice } from './state';
import { metricsWanted } from './metrics';
import { cleanFilters, DEFAULT_VIEW, finerLevel, HISTORY_LIMIT, visiblePart } from './view';

export const createViewingSlice: AtlasSlice<ViewingSlice> = (set, get) => ({
  vs: DEFAULT_VIEW,
  history: [],
  search: '',
  cleared: null,

  async change(patch, remember = true) {
    const { vs, history } = get();
    const next = { ...vs, ...patch };
    set({ vs: next, history: remember ? [...history.slice(-(HISTORY_LIMIT - 1)), vs] : history, notice: null, cleared: null });
    const drawingOnly = Object.keys(patch).every((k) => k === 'style' || k === 'hidden' || k === 'faded' || k === 'isolated');
    const raw = get().raw;
    if (drawingOnly && raw && !raw.aggregate) {
      // Hiding, fading and styling need no new answer from the engine.
      const capped = capSlice(visiblePart(raw, next));
      set({ slice: capped.slice, cut: capped.cut });
      if (metricsWanted(get())) void get().ensureMetrics();
      return;
    }
    await get().refresh();
  },

  setFilters: (filters) => get().change({ filters: cleanFilters(filters) }),
  patchFilters: (patch) => get().change({ filters: cleanFilters({ ...get().vs.filters, ...patch }) }),
  async clearFilters() {
    const { vs, search } = get();
    const cleared = clearedText(vs.filters, {
      search,
      ego: vs.ego?.name ?? null,
      hidden: vs.hidden.length,
      faded: vs.faded.length,
      isolated: vs.isolated !== null,
    });
    const done = get().change({ filters: {}, ego: null, hidden: [], faded: [], isolated: null, aggregateBy: 'region' });
    set({ search: '', cleared });
    await done;
  },
  setSearch: (text) => set({ search: text }),

  async undo() {
    const { history } = get();
    const previous = history[history.length - 1];
    if (!previous) return;
    set({ vs: previous, history: history.slice(0, -1), notice: null });
    await get().refresh();
  },

  setView: (view) => (view === get().vs.view ? Promise.resolve() : get().change({ view })),
  setStyle: (patch) => get().change({ style: { ...get().vs.style, ...patch } }),
  showAll: () => get().change({ hidden: [], faded: [], isolated: null }),

  setEgo: (id, name, depth) => get().change({ ego: { id, name, depth } }),
  clearEgo: () => get().change({ ego: null }),

  async expandGroup(group) {
    const f = get().vs.filters;
    if (group.key === null) {
      // Organisations without a country are international bodies: show them by sector instead.
      return get().change({ filters: cleanFilters({ ...f, countries: [] }), aggregateBy: 'country' });
    }
    const patch: Partial<Filters> =
      group.by === 'region'
        ? { regions: [group.key] }
        : group.by === 'subRegion'
          ? { subRegions: [group.key] }
          : { countries: [group.key] };
    await get().change({ filters: cleanFilters({ ...f, ...patch }), aggregateBy: finerLevel(group.by) });
  },
});
