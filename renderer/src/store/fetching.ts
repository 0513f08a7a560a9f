// What the engine answered for the view: the slice (or the aggregated view), the timeline, and the
// network's info and facets. Answers that arrive after a newer request are dropped, so fast filter
// changes (the timeline playing) never draw an older state over a newer one.
import type { Filters } from '../../../shared/schemas';
import { call, errorText } from '../api/client';
import { capSlice } from '../features/graph/cap';
import type { AtlasSlice, AtlasState, FetchingSlice } from './state';
import { metricsWanted } from './metrics';
import { sliceInput, takeOpeningSlice } from './opening';
import { anySession, keepSession, keptSession } from './session';
import { cleanFilters, visiblePart } from './view';

let sliceTicket = 0;
let timelineKey: string | null = null;
let stopKeeping: () => void = () => {};

export const createFetchingSlice: AtlasSlice<FetchingSlice> = (set, get, api) => ({
  status: 'loading',
  error: null,
  info: null,
  facets: null,
  raw: null,
  slice: null,
  aggregate: null,
  cut: null,
  timeline: null,

  async load() {
    set({ status: 'loading', error: null });
    try {
      set({ metrics: null, metricsKey: null });
      timelineKey = null;
      stopKeeping();
      // The work left on this database comes back (session.ts); which database it is must be
      // known first, asked only when some work is kept at all.
      const known = anySession() ? await call('meta.info', {}) : null;
      const kept = known ? keptSession(known) : null;
      if (kept) set({ vs: kept.vs, history: [], layout: kept.layout });
      // The drawing is asked first: the engine answers in order, and counting every facet of a
      // large network takes longer than the slice.
      const drawing = get().refresh();
      const [info, facets] = await Promise.all([known ?? call('meta.info', {}), call('graph.facets', {})]);
      set({ info, facets });
      await drawing;
      if (kept?.selected) void get().select(kept.selected.id, kept.selected.type);
      stopKeeping = keepSession(api, info);
      void get().loadSavedViews();
    } catch (err) {
      set({ status: 'error', error: errorText(err) });
    }
  },

  async refresh() {
    const ticket = ++sliceTicket;
    const { vs } = get();
    const filters = cleanFilters(vs.filters);
    try {
      const input = sliceInput(vs);
      const raw = vs.ego
        ? await call('graph.ego', { organisationId: vs.ego.id, depth: vs.ego.depth, filters, view: vs.view })
        : await (takeOpeningSlice(input) ?? call('graph.slice', input));
      if (ticket !== sliceTicket) return;
      const aggregate = raw.aggregate ?? null;
      const capped = aggregate ? { slice: null, cut: null } : capSlice(visiblePart(raw, vs));
      set({ raw, aggregate, slice: capped.slice, cut: capped.cut, status: 'ready', error: null });
    } catch (err) {
      if (ticket === sliceTicket) set({ status: 'error', error: errorText(err) });
      return;
    }
    void refreshTimeline(set, filters);
    if (metricsWanted(get())) void get().ensureMetrics();
  },
});

/** The timeline ignores the date range (it is what the range is chosen on), so it is asked only when the rest changes. */
async function refreshTimeline(set: (patch: Partial<AtlasState>) => void, filters: Filters) {
  const { dateFrom: _f, dateTo: _t, ...rest } = filters;
  const key = JSON.stringify(rest);
  if (key === timelineKey) return;
  timelineKey = key;
  try {
    const timeline = await call('graph.timeline', { filters: rest });
    if (timelineKey === key) set({ timeline });
  } catch {
    if (timelineKey === key) timelineKey = null;
  }
}
