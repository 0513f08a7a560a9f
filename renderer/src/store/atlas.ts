// The renderer's state: what is drawn, what is selected, and how the last call went. The graph
// slice comes from the engine; the canvas applies it; panels read from here.
import { create } from 'zustand';
import type { GraphView } from '../../../shared/domain';
import type { Details, Info, Slice } from '../../../shared/schemas';
import { ApiError, call } from '../api/client';
import { capSlice } from '../features/graph/cap';

export type Status = 'loading' | 'ready' | 'error';

interface AtlasState {
  status: Status;
  error: string | null;
  info: Info | null;
  view: GraphView;
  slice: Slice | null;
  /** Set when the slice was too large to draw whole. */
  cut: { drawn: number; of: number } | null;
  selectedId: string | null;
  details: Details | null;
  detailsError: string | null;
  load(): Promise<void>;
  setView(view: GraphView): Promise<void>;
  select(id: string | null, type?: Details['type']): Promise<void>;
}

const message = (err: unknown) => (err instanceof ApiError || err instanceof Error ? err.message : String(err));

export const useAtlas = create<AtlasState>((set, get) => ({
  status: 'loading',
  error: null,
  info: null,
  view: 'organisations',
  slice: null,
  cut: null,
  selectedId: null,
  details: null,
  detailsError: null,

  async load() {
    set({ status: 'loading', error: null });
    try {
      const [info, slice] = await Promise.all([call('meta.info', {}), call('graph.slice', { view: get().view })]);
      set({ info, ...capSlice(slice), status: 'ready' });
    } catch (err) {
      set({ status: 'error', error: message(err) });
    }
  },

  async setView(view) {
    if (view === get().view) return;
    set({ view });
    try {
      set(capSlice(await call('graph.slice', { view })));
    } catch (err) {
      set({ status: 'error', error: message(err) });
    }
  },

  async select(id, type = 'organisation') {
    set({ selectedId: id, details: null, detailsError: null });
    if (!id) return;
    try {
      const details = await call('record.details', { type, id });
      if (get().selectedId === id) set({ details });
    } catch (err) {
      if (get().selectedId === id) set({ detailsError: message(err) });
    }
  },
}));
