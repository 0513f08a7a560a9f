// The renderer's state: what the analyst looks at (a ViewState with undo), what the engine answered
// for it (slice, timeline, metrics), and what is selected. Panels read from here; the canvas
// draws `slice`. Answers that arrive after a newer request are dropped, so fast filter changes
// (the timeline playing) never draw an older state over a newer one.
import { create } from 'zustand';
import type { GraphView } from '../../../shared/domain';
import type {
  Aggregate,
  AggregateGroup,
  Details,
  Facets,
  Filters,
  Info,
  Metrics,
  PathResult,
  SavedView,
  Slice,
  Timeline,
} from '../../../shared/schemas';
import { ApiError, call } from '../api/client';
import { capSlice } from '../features/graph/cap';
import { sliceInput, takeOpeningSlice } from './opening';
import {
  cleanFilters,
  DEFAULT_STYLE,
  DEFAULT_VIEW,
  finerLevel,
  HISTORY_LIMIT,
  type StyleSettings,
  type ViewState,
  visiblePart,
} from './view';

export type Status = 'loading' | 'ready' | 'error';
export type SideTab = 'details' | 'analysis' | 'table' | 'charts' | 'views';
export type LayoutChoice =
  | { name: 'forceatlas2' | 'circle' | 'grid' | 'auto' }
  | { name: 'concentric'; metric: 'degree' | 'betweenness' | 'pagerank' }
  | { name: 'grouped'; groupBy: 'region' | 'sector' }
  | { name: 'preset'; positions: Record<string, { x: number; y: number }> };
type NodeType = Details['type'];

interface PathState {
  from: { id: string; name: string };
  to: { id: string; name: string } | null;
  result: PathResult | null;
  error: string | null;
}

interface AtlasState {
  status: Status;
  error: string | null;
  info: Info | null;
  facets: Facets | null;
  vs: ViewState;
  history: ViewState[];
  /** The engine's answer for `vs`, before hiding and isolating. */
  raw: Slice | null;
  /** What is drawn: `raw` minus hidden nodes, cut if too large. Null while aggregated. */
  slice: Slice | null;
  aggregate: Aggregate | null;
  cut: { drawn: number; of: number } | null;
  timeline: Timeline | null;
  metrics: Metrics | null;
  metricsKey: string | null;
  metricsStatus: 'idle' | 'computing' | 'ready' | 'error';
  metricsError: string | null;
  selectedId: string | null;
  selectedType: NodeType | null;
  /** Shift-click adds to it; hide, fade and isolate act on it. */
  selection: string[];
  details: Details | null;
  detailsError: string | null;
  /** A chosen search result that the current view does not draw. */
  notice: { id: string; name: string; type: NodeType } | null;
  /** The layout a file just imported brought with it (a saved view), offered until used or dismissed. */
  importedLayout: { file: string; viewId: string } | null;
  path: PathState | null;
  layout: LayoutChoice;
  /** Bumped to ask the canvas to run the layout again. */
  layoutRun: number;
  /** ForceAtlas2 while it runs (the canvas reports it), so that it can be shown and stopped. */
  layoutActive: { iterations: number } | null;
  layoutError: string | null;
  /** Bumped to ask the canvas to fit the graph, or to centre on one node. */
  fitRequest: { n: number; id: string | null };
  panels: { filters: boolean; side: boolean };
  sideTab: SideTab;
  savedViews: SavedView[];

  load(): Promise<void>;
  refresh(): Promise<void>;
  /** Changes what is looked at; `remember: false` leaves it out of undo (the timeline playing). */
  change(patch: Partial<ViewState>, remember?: boolean): Promise<void>;
  setFilters(filters: Filters): Promise<void>;
  patchFilters(patch: Partial<Filters>): Promise<void>;
  clearFilters(): Promise<void>;
  undo(): Promise<void>;
  setView(view: GraphView): Promise<void>;
  setStyle(patch: Partial<StyleSettings>): Promise<void>;
  select(id: string | null, type?: NodeType): Promise<void>;
  setSelection(ids: string[]): void;
  hideSelection(): Promise<void>;
  fadeSelection(): Promise<void>;
  isolateSelection(): Promise<void>;
  showAll(): Promise<void>;
  setEgo(id: string, name: string, depth: 1 | 2 | 3): Promise<void>;
  clearEgo(): Promise<void>;
  expandGroup(group: AggregateGroup): Promise<void>;
  reveal(id: string, type: NodeType, name: string): Promise<void>;
  pathFrom(id: string, name: string): void;
  pathTo(id: string, name: string): Promise<void>;
  clearPath(): void;
  ensureMetrics(): Promise<void>;
  setLayout(layout: LayoutChoice): void;
  requestFit(id?: string): void;
  togglePanel(panel: 'filters' | 'side', open?: boolean): void;
  setSideTab(tab: SideTab): void;
  loadSavedViews(): Promise<void>;
  saveView(name: string, positions: Record<string, { x: number; y: number }>): Promise<SavedView>;
  restoreView(id: string): Promise<void>;
  renameView(id: string, name: string): Promise<void>;
  deleteView(id: string): Promise<void>;
}

const message = (err: unknown) => (err instanceof ApiError || err instanceof Error ? err.message : String(err));
let sliceTicket = 0;
let metricsTicket = 0;
let timelineKey: string | null = null;

/** Metrics depend on the filters and the ego network, not on styling or what is hidden. */
const metricsKeyOf = (vs: ViewState) => JSON.stringify([cleanFilters(vs.filters), vs.ego && [vs.ego.id, vs.ego.depth]]);

function metricsWanted(s: AtlasState): boolean {
  return (
    s.sideTab === 'analysis' ||
    s.sideTab === 'table' ||
    s.sideTab === 'charts' ||
    s.vs.style.colourBy === 'community' ||
    s.vs.style.sizeBy === 'betweenness' ||
    (s.layout.name === 'concentric' && s.layout.metric !== 'degree')
  );
}

export const useAtlas = create<AtlasState>((set, get) => ({
  status: 'loading',
  error: null,
  info: null,
  facets: null,
  vs: DEFAULT_VIEW,
  history: [],
  raw: null,
  slice: null,
  aggregate: null,
  cut: null,
  timeline: null,
  metrics: null,
  metricsKey: null,
  metricsStatus: 'idle',
  metricsError: null,
  selectedId: null,
  selectedType: null,
  selection: [],
  details: null,
  detailsError: null,
  notice: null,
  importedLayout: null,
  path: null,
  layout: { name: 'auto' },
  layoutRun: 0,
  layoutActive: null,
  layoutError: null,
  fitRequest: { n: 0, id: null },
  panels: { filters: true, side: true },
  sideTab: 'details',
  savedViews: [],

  async load() {
    set({ status: 'loading', error: null });
    try {
      set({ metrics: null, metricsKey: null });
      timelineKey = null;
      // The drawing is asked first: the engine answers in order, and counting every facet of a
      // large network takes longer than the slice.
      const drawing = get().refresh();
      const [info, facets] = await Promise.all([call('meta.info', {}), call('graph.facets', {})]);
      set({ info, facets });
      await drawing;
      void get().loadSavedViews();
    } catch (err) {
      set({ status: 'error', error: message(err) });
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
      if (ticket === sliceTicket) set({ status: 'error', error: message(err) });
      return;
    }
    void refreshTimeline(filters);
    if (metricsWanted(get())) void get().ensureMetrics();
  },

  async change(patch, remember = true) {
    const { vs, history } = get();
    const next = { ...vs, ...patch };
    set({ vs: next, history: remember ? [...history.slice(-(HISTORY_LIMIT - 1)), vs] : history, notice: null });
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
  clearFilters: () => get().change({ filters: {}, ego: null, hidden: [], faded: [], isolated: null, aggregateBy: 'region' }),

  async undo() {
    const { history } = get();
    const previous = history[history.length - 1];
    if (!previous) return;
    set({ vs: previous, history: history.slice(0, -1), notice: null });
    await get().refresh();
  },

  setView: (view) => (view === get().vs.view ? Promise.resolve() : get().change({ view })),
  setStyle: (patch) => get().change({ style: { ...get().vs.style, ...patch } }),

  async select(id, type = 'organisation') {
    set({ selectedId: id, selectedType: id ? type : null, selection: id ? [id] : [], details: null, detailsError: null });
    if (!id) return;
    if (get().sideTab !== 'details' && get().sideTab !== 'table') set({ sideTab: 'details' });
    try {
      const details = await call('record.details', { type, id });
      if (get().selectedId === id) set({ details });
    } catch (err) {
      if (get().selectedId === id) set({ detailsError: message(err) });
    }
  },

  setSelection(ids) {
    set({ selection: ids });
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
      group.by === 'region' ? { regions: [group.key] } : group.by === 'subRegion' ? { subRegions: [group.key] } : { countries: [group.key] };
    await get().change({ filters: cleanFilters({ ...f, ...patch }), aggregateBy: finerLevel(group.by) });
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
      if (get().path?.to?.id === id) set({ path: { ...get().path!, error: message(err) } });
    }
  },
  clearPath() {
    set({ path: null });
  },

  async ensureMetrics() {
    const { vs, metricsKey, metricsStatus, raw } = get();
    const key = metricsKeyOf(vs);
    if (raw?.aggregate) return;
    if (key === metricsKey && metricsStatus !== 'error') return;
    const ticket = ++metricsTicket;
    set({ metricsKey: key, metricsStatus: 'computing', metricsError: null });
    try {
      const filters = cleanFilters(vs.filters);
      const metrics = await call('graph.metrics', vs.ego ? { filters, ego: { organisationId: vs.ego.id, depth: vs.ego.depth } } : { filters });
      if (ticket === metricsTicket) set({ metrics, metricsStatus: 'ready' });
    } catch (err) {
      if (ticket === metricsTicket) set({ metricsStatus: 'error', metricsError: message(err) });
    }
  },

  setLayout(layout) {
    set({ layout, layoutRun: get().layoutRun + 1 });
    if (metricsWanted(get())) void get().ensureMetrics();
  },
  requestFit(id) {
    set({ fitRequest: { n: get().fitRequest.n + 1, id: id ?? null } });
  },
  togglePanel(panel, open) {
    const panels = get().panels;
    set({ panels: { ...panels, [panel]: open ?? !panels[panel] } });
  },
  setSideTab(tab) {
    set({ sideTab: tab, panels: { ...get().panels, side: true } });
    if (metricsWanted(get())) void get().ensureMetrics();
  },

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
    const saved = await call('savedView.create', {
      name,
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
        layoutOptions: layout.name === 'concentric' ? { metric: layout.metric } : layout.name === 'grouped' ? { groupBy: layout.groupBy } : null,
      },
    });
    await get().loadSavedViews();
    return saved;
  },
  async restoreView(id) {
    const v = await call('savedView.get', { id });
    const s = v.style as Record<string, unknown>;
    const str = (k: string, ok: readonly string[], fallback: string) => (ok.includes(s[k] as string) ? (s[k] as string) : fallback);
    const ego = s.ego as ViewState['ego'];
    await get().change({
      filters: cleanFilters(v.filters),
      view: v.view,
      ego: ego && typeof ego.id === 'string' ? ego : null,
      hidden: Array.isArray(s.hidden) ? (s.hidden as string[]) : [],
      faded: Array.isArray(s.faded) ? (s.faded as string[]) : [],
      isolated: Array.isArray(s.isolated) ? (s.isolated as string[]) : null,
      aggregateBy: str('aggregateBy', ['region', 'subRegion', 'country'], 'region') as ViewState['aggregateBy'],
      style: {
        colourBy: str('colourBy', ['sector', 'region', 'community'], DEFAULT_STYLE.colourBy) as StyleSettings['colourBy'],
        sizeBy: str('sizeBy', ['degree', 'betweenness', 'partnerships', 'uniform'], DEFAULT_STYLE.sizeBy) as StyleSettings['sizeBy'],
        edgeWidth: str('edgeWidth', ['weight', 'uniform'], DEFAULT_STYLE.edgeWidth) as StyleSettings['edgeWidth'],
        edgeColour: str('edgeColour', ['type', 'uniform'], DEFAULT_STYLE.edgeColour) as StyleSettings['edgeColour'],
      },
    });
    // Saved positions win over any layout: the view comes back exactly as it was left.
    if (Object.keys(v.positions).length > 0) get().setLayout({ name: 'preset', positions: v.positions });
    else {
      const opts = (s.layoutOptions ?? {}) as Record<string, string>;
      const name = v.layout ?? 'auto';
      if (name === 'concentric') get().setLayout({ name, metric: (opts.metric as 'degree') ?? 'degree' });
      else if (name === 'grouped') get().setLayout({ name, groupBy: (opts.groupBy as 'region') ?? 'region' });
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
}));

async function refreshTimeline(filters: Filters) {
  const { dateFrom: _f, dateTo: _t, ...rest } = filters;
  const key = JSON.stringify(rest);
  if (key === timelineKey) return;
  timelineKey = key;
  try {
    const timeline = await call('graph.timeline', { filters: rest });
    if (timelineKey === key) useAtlas.setState({ timeline });
  } catch {
    if (timelineKey === key) timelineKey = null;
  }
}
