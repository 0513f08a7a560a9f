// The store's shape, every slice's state and actions in one place (the slices in their own files
// implement them). Kept apart from atlas.ts, which combines the slices, so that a slice can be
// typed against the whole store without importing the file that imports it.
import type { StateCreator } from 'zustand';
import type { GraphView } from '../../../shared/domain';
import type { ConcentricMetric, GroupBy, StyleSettings } from '../../../shared/saved-view-style';
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
import type { ViewState } from './view';

export type AtlasState = ViewingSlice &
  FetchingSlice &
  SelectionSlice &
  PathSlice &
  MetricsSlice &
  LayoutSlice &
  PanelsSlice &
  SavedViewsSlice;

/** One slice's part of the store: its creator reads and sets the whole state. */
export type AtlasSlice<T> = StateCreator<AtlasState, [], [], T>;

export interface ViewingSlice {
  vs: ViewState;
  history: ViewState[];
  /** The search box's text (Clear all clears it too). */
  search: string;
  /** What the last "Clear all" cleared, said under the filters' heading until the next change. */
  cleared: string | null;

  /** Changes what is looked at; `remember: false` leaves it out of undo (the timeline playing). */
  change(patch: Partial<ViewState>, remember?: boolean): Promise<void>;
  setFilters(filters: Filters): Promise<void>;
  patchFilters(patch: Partial<Filters>): Promise<void>;
  /** Clears every filter, the focus, what is hidden, and the search; says what it cleared. */
  clearFilters(): Promise<void>;
  setSearch(text: string): void;
  undo(): Promise<void>;
  setView(view: GraphView): Promise<void>;
  setStyle(patch: Partial<StyleSettings>): Promise<void>;
  showAll(): Promise<void>;
  setEgo(id: string, name: string, depth: 1 | 2 | 3): Promise<void>;
  clearEgo(): Promise<void>;
  expandGroup(group: AggregateGroup): Promise<void>;
}

export type Status = 'loading' | 'ready' | 'error';

export interface FetchingSlice {
  status: Status;
  error: string | null;
  info: Info | null;
  facets: Facets | null;
  /** The engine's answer for `vs`, before hiding and isolating. */
  raw: Slice | null;
  /** What is drawn: `raw` minus hidden nodes, cut if too large. Null while aggregated. */
  slice: Slice | null;
  aggregate: Aggregate | null;
  cut: { drawn: number; of: number } | null;
  timeline: Timeline | null;

  /** Everything again, from the network's info on (at start, and when another network is shown). */
  load(): Promise<void>;
  /** The slice for `vs` (and the timeline, and metrics if they are wanted). */
  refresh(): Promise<void>;
}

export type NodeType = Details['type'];

export interface SelectionSlice {
  selectedId: string | null;
  selectedType: NodeType | null;
  /** Shift-click adds to it; hide, fade and isolate act on it. */
  selection: string[];
  details: Details | null;
  detailsError: string | null;
  /** A chosen search result that the current view does not draw. */
  notice: { id: string; name: string; type: NodeType } | null;
  /** A group of the aggregated view, clicked to see what it holds. */
  group: AggregateGroup | null;

  select(id: string | null, type?: NodeType): Promise<void>;
  setSelection(ids: string[]): void;
  selectGroup(group: AggregateGroup | null): void;
  hideSelection(): Promise<void>;
  fadeSelection(): Promise<void>;
  isolateSelection(): Promise<void>;
  /** Selects a record (a search result) and centres on it, or says that the view does not draw it. */
  reveal(id: string, type: NodeType, name: string): Promise<void>;
  dismissNotice(): void;
}

export interface PathState {
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

export interface MetricsSlice {
  metrics: Metrics | null;
  /** What `metrics` were computed for (see metricsKeyOf). */
  metricsKey: string | null;
  metricsStatus: 'idle' | 'computing' | 'ready' | 'error';
  metricsError: string | null;

  /** Asks for the metrics of the current view unless they are there or on their way. */
  ensureMetrics(): Promise<void>;
}

export type LayoutChoice =
  | { name: 'forceatlas2' | 'circle' | 'grid' | 'auto' }
  | { name: 'concentric'; metric: ConcentricMetric }
  | { name: 'grouped'; groupBy: GroupBy }
  | { name: 'preset'; positions: Record<string, { x: number; y: number }> };

export interface LayoutSlice {
  layout: LayoutChoice;
  /** Bumped to ask the canvas to run the layout again. */
  layoutRun: number;
  /** ForceAtlas2 while it runs (the canvas reports it), so that it can be shown and stopped. */
  layoutActive: { iterations: number } | null;
  layoutError: string | null;
  /** Bumped to ask the canvas to fit the graph, or to centre on one node. */
  fitRequest: { n: number; id: string | null };
  /** ForceAtlas2 keeps nodes from overlapping; null: as suits the size drawn (see preventsOverlap). */
  preventOverlap: boolean | null;

  setLayout(layout: LayoutChoice): void;
  /** Turns ForceAtlas2's prevent-overlap on or off, and runs the layout again if it is ForceAtlas2. */
  setPreventOverlap(on: boolean): void;
  requestFit(id?: string): void;
  /** The canvas started a layout; `shown` when it runs long enough to be shown and stopped (ForceAtlas2). */
  layoutStarted(shown: boolean): void;
  layoutProgressed(iterations: number): void;
  /** The canvas's layout ended, or failed with `error`. */
  layoutEnded(error?: string): void;
}

export type SideTab = 'details' | 'analysis' | 'table' | 'charts' | 'views';

export interface PanelsSlice {
  panels: { filters: boolean; side: boolean };
  sideTab: SideTab;

  togglePanel(panel: 'filters' | 'side', open?: boolean): void;
  /** Both panels open, or both away (presentation). */
  showPanels(open: boolean): void;
  setSideTab(tab: SideTab): void;
}

export interface SavedViewsSlice {
  savedViews: SavedView[];
  importedLayout: { file: string; viewId: string } | null;

  loadSavedViews(): Promise<void>;
  saveView(name: string, positions: Record<string, { x: number; y: number }>): Promise<SavedView>;
  restoreView(id: string): Promise<void>;
  renameView(id: string, name: string): Promise<void>;
  deleteView(id: string): Promise<void>;
  dismissImportedLayout(): void;
}
