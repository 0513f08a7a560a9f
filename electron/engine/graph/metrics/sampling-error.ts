// What sampled betweenness and closeness are worth: their error against the exact values,
// measured on networks made by this app's generator (`npm run bench -- --only sampling-error`,
// test/bench/sampling-error.bench.ts, which prints these rows) at each number of pivots, the
// worst of several seeds. The error of a pivot estimate depends on the number of pivots, not on
// the network's size (each pivot's dependencies, as a share of the network, vary alike in a
// network of 2,000 or 50,000 organisations of the same kind), so the Analysis panel states the
// row measured with at most as many pivots as its estimate used.
import type { Metrics } from '../../../../shared/schemas';

type Row = NonNullable<NonNullable<Metrics['sampling']>['error']>;

const graphs = 'atlas generate, 2,000 organisations / 8,630 ties and 5,000 / 50,000, five seeds each';
const row = (r: Omit<Row, 'graphs'>): Row => ({ ...r, graphs });

/** By pivots, for paths counted in steps (measured 2026-12-02). */
const STEPS: Row[] = [
  row({ pivots: 32, maxAbs: 0.058, meanAbs: 0.00038, top20Rank: 0.59, top20Kept: 10, closenessRel: 0.14 }),
  row({ pivots: 64, maxAbs: 0.036, meanAbs: 0.00034, top20Rank: 0.67, top20Kept: 14, closenessRel: 0.1 }),
  row({ pivots: 128, maxAbs: 0.021, meanAbs: 0.00026, top20Rank: 0.75, top20Kept: 16, closenessRel: 0.061 }),
  row({ pivots: 256, maxAbs: 0.013, meanAbs: 0.0002, top20Rank: 0.85, top20Kept: 17, closenessRel: 0.044 }),
];
/** By pivots, for paths over 1 / weight (the tie counts as weights). */
const INVERSE: Row[] = [
  row({ pivots: 32, maxAbs: 0.077, meanAbs: 0.00041, top20Rank: 0.57, top20Kept: 11, closenessRel: 0.14 }),
  row({ pivots: 64, maxAbs: 0.047, meanAbs: 0.00037, top20Rank: 0.84, top20Kept: 14, closenessRel: 0.098 }),
  row({ pivots: 128, maxAbs: 0.03, meanAbs: 0.00028, top20Rank: 0.92, top20Kept: 15, closenessRel: 0.055 }),
  row({ pivots: 256, maxAbs: 0.017, meanAbs: 0.00021, top20Rank: 0.95, top20Kept: 17, closenessRel: 0.032 }),
];

export function samplingError(pivots: number, inverse: boolean): Row | null {
  let best: Row | null = null;
  for (const row of inverse ? INVERSE : STEPS) if (row.pivots <= pivots && (!best || row.pivots > best.pivots)) best = row;
  return best;
}
