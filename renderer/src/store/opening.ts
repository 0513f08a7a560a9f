// The window's first slice, asked before the rest of the bundle is evaluated: main.tsx imports
// this module first, so the request leaves while React and Cytoscape are still being set up (a
// quarter to half a second in software) instead of after, and the engine answers meanwhile.
import type { CallInput } from '../../../shared/contract';
import type { Slice } from '../../../shared/schemas';
import { call } from '../api/client';
import { AGGREGATE_ABOVE, cleanFilters, DEFAULT_VIEW, type ViewState } from './view';

type SliceInput = CallInput<'graph.slice'>;

/** What the store's first refresh asks for (see refresh in atlas.ts). */
export const sliceInput = (vs: ViewState): SliceInput => ({
  filters: cleanFilters(vs.filters),
  view: vs.view,
  aggregate: { above: AGGREGATE_ABOVE, by: vs.aggregateBy },
});

const asked = JSON.stringify(sliceInput(DEFAULT_VIEW));
let first: Promise<Slice> | null = call('graph.slice', sliceInput(DEFAULT_VIEW));
// Whoever takes it handles a failure; until then it must not count as unhandled.
first.catch(() => {});

/** The answer already asked for, if `input` is that first request; only once. */
export function takeOpeningSlice(input: SliceInput): Promise<Slice> | null {
  if (!first || JSON.stringify(input) !== asked) return null;
  const answer = first;
  first = null;
  return answer;
}
