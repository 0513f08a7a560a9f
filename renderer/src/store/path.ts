// The shortest path between two organisations: the first chosen, then the second, then the answer.
import type { PathResult } from '../../../shared/schemas';
import { call, errorText } from '../api/client';
import type { AtlasSlice } from './atlas';
import { cleanFilters } from './view';

interface PathState {
  from: { id: string; name: string };
  to: { id: string; name: string } | null;
  result: PathResult | null;
  error: string | null;
}

export interface PathSlice {
  path: PathState | null;

  pathFrom(id: string, name: string): void;
  pathTo(id: string, name: string): Promise<void>;
  clearPath(): void;
}

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
      const result = await call('graph.path', { from: p.from.id, to: id, filters: cleanFilters(get().vs.filters) });
      if (get().path?.to?.id === id) set({ path: { ...get().path!, result } });
    } catch (err) {
      if (get().path?.to?.id === id) set({ path: { ...get().path!, error: errorText(err) } });
    }
  },
  clearPath() {
    set({ path: null });
  },
});
