// The shortest path between two organisations: the first chosen, then the second, then the answer,
// by fewest ties or, with a weight chosen in the Analysis panel, by least total 1 / weight.
import { call, errorText } from '../api/client';
import { useAttributes } from '../features/attributes/store';
import type { AtlasSlice, PathSlice } from './state';
import { cleanFilters } from './view';

export const createPathSlice: AtlasSlice<PathSlice> = (set, get) => ({
  path: null,

  pathFrom(id, name) {
    set({ path: { from: { id, name }, to: null, result: null, error: null } });
  },
  async pathTo(id, name) {
    const p = get().path;
    if (!p) return;
    set({ path: { ...p, to: { id, name }, result: null, error: null } });
    try {
      // The Analysis panel's weight, read as each tie's strength (the path of least total 1 / weight).
      const weight = useAttributes.getState().weight;
      const result = await call('graph.path', {
        from: p.from.id,
        to: id,
        filters: cleanFilters(get().vs.filters),
        ...(weight !== null ? { weight } : {}),
      });
      if (get().path?.to?.id === id) set({ path: { ...get().path!, result } });
    } catch (err) {
      if (get().path?.to?.id === id) set({ path: { ...get().path!, error: errorText(err) } });
    }
  },
  clearPath() {
    set({ path: null });
  },
});
