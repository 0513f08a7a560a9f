// What the analyst is looking at, as one value: filters, view, focus, what is hidden, and how it is
// styled. Every change of it goes through the store's `change`, which keeps the previous value for
// undo; saved views store it (with layout and positions) in the database.
import type { GraphView } from '../../../shared/domain';
import { DEFAULT_STYLE, type StyleSettings } from '../../../shared/saved-view-style';
import type { AggregateLevel, Filters, Slice } from '../../../shared/schemas';

export interface Ego {
  id: string;
  name: string;
  depth: 1 | 2 | 3;
}

export interface ViewState {
  filters: Filters;
  view: GraphView;
  ego: Ego | null;
  /** Nodes taken out of the drawing by hand. */
  hidden: string[];
  /** Nodes drawn pale. */
  faded: string[];
  /** When set, only these nodes are drawn. */
  isolated: string[] | null;
  aggregateBy: AggregateLevel;
  style: StyleSettings;
}

export const DEFAULT_VIEW: ViewState = {
  filters: {},
  view: 'organisations',
  ego: null,
  hidden: [],
  faded: [],
  isolated: null,
  aggregateBy: 'region',
  style: DEFAULT_STYLE,
};

/** Above this many organisations in the filter the app draws regions or countries instead. */
export const AGGREGATE_ABOVE = 5000;

export const HISTORY_LIMIT = 100;

/** Drops empty lists and blank values, so "no filter" has one shape and compares equal. */
export function cleanFilters(f: Filters): Filters {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as Filters;
}

export function activeFilterCount(f: Filters): number {
  return Object.keys(cleanFilters(f)).length;
}

/** The engine's slice minus what is hidden by hand, or only what is isolated. */
export function visiblePart(slice: Slice, vs: Pick<ViewState, 'hidden' | 'isolated'>): Slice {
  if (vs.hidden.length === 0 && !vs.isolated) return slice;
  const hidden = new Set(vs.hidden);
  const only = vs.isolated ? new Set(vs.isolated) : null;
  const nodes = slice.nodes.filter((n) => !hidden.has(n.id) && (!only || only.has(n.id)));
  const kept = new Set(nodes.map((n) => n.id));
  const edges = slice.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  return { ...slice, nodes, edges };
}

/** The next level down when a group of an aggregated view is opened. */
export function finerLevel(by: AggregateLevel): AggregateLevel {
  return by === 'region' ? 'subRegion' : 'country';
}
