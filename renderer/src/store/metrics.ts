// Network metrics of what is looked at, computed by the engine's worker, and only while something
// shows them (the analysis, table and charts tabs, styling or a layout by a metric).
import { call, errorText } from '../api/client';
import { useAttributes } from '../features/attributes/store';
import type { AtlasSlice, AtlasState, MetricsSlice } from './state';
import { cleanFilters, type ViewState } from './view';

let metricsTicket = 0;

/** Metrics depend on the filters, the ego network and what ties are weighed by, not on styling or what is hidden. */
export const metricsKeyOf = (vs: ViewState) =>
  JSON.stringify([cleanFilters(vs.filters), vs.ego && [vs.ego.id, vs.ego.depth], useAttributes.getState().weight]);

/** Whether anything on screen needs metrics. */
export function metricsWanted(s: AtlasState): boolean {
  return (
    s.sideTab === 'analysis' ||
    s.sideTab === 'table' ||
    s.sideTab === 'charts' ||
    s.vs.style.colourBy === 'community' ||
    s.vs.style.sizeBy === 'betweenness' ||
    (s.layout.name === 'concentric' && s.layout.metric !== 'degree')
  );
}

export const createMetricsSlice: AtlasSlice<MetricsSlice> = (set, get) => ({
  metrics: null,
  metricsKey: null,
  metricsStatus: 'idle',
  metricsError: null,

  async ensureMetrics() {
    const { vs, metricsKey, metricsStatus, raw } = get();
    const weight = useAttributes.getState().weight;
    const key = metricsKeyOf(vs);
    if (raw?.aggregate) return;
    if (key === metricsKey && metricsStatus !== 'error') return;
    const ticket = ++metricsTicket;
    set({ metricsKey: key, metricsStatus: 'computing', metricsError: null });
    try {
      const filters = cleanFilters(vs.filters);
      const metrics = await call('graph.metrics', {
        filters,
        ...(vs.ego ? { ego: { organisationId: vs.ego.id, depth: vs.ego.depth } } : {}),
        ...(weight !== null ? { weight } : {}),
      });
      if (ticket === metricsTicket) set({ metrics, metricsStatus: 'ready' });
    } catch (err) {
      if (ticket === metricsTicket) set({ metricsStatus: 'error', metricsError: errorText(err) });
    }
  },
});
