// The errors of a sampled estimate against the exact metrics of the same graph: what
// sampling-error.bench.ts measures and test/engine/metrics.test.ts holds the stated figures to.
import type { MetricsResult } from '../../electron/engine/graph/metrics/index';

function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2;
    i = j + 1;
  }
  return r;
}

/** Spearman's rank correlation, ties given their mean rank. */
export function spearman(a: number[], b: number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (ra.length - 1) / 2;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i]! - mean) * (rb[i]! - mean);
    da += (ra[i]! - mean) ** 2;
    db += (rb[i]! - mean) ** 2;
  }
  return da === 0 || db === 0 ? 1 : num / Math.sqrt(da * db);
}

const topIndices = (xs: number[], k: number) =>
  xs
    .map((x, i) => [x, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, k)
    .map(([, i]) => i);

export function samplingErrors(exact: MetricsResult, sampled: MetricsResult) {
  const a = exact.nodes.map((n) => n.betweenness);
  const b = sampled.nodes.map((n) => n.betweenness);
  let maxAbs = 0;
  let sum = 0;
  let closenessRel = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    maxAbs = Math.max(maxAbs, d);
    sum += d;
    const c = exact.nodes[i]!.closeness;
    if (c > 0) closenessRel = Math.max(closenessRel, Math.abs(sampled.nodes[i]!.closeness - c) / c);
  }
  const top = topIndices(a, 20);
  const topSampled = new Set(topIndices(b, 20));
  return {
    maxAbs,
    meanAbs: sum / Math.max(1, a.length),
    top20Rank: spearman(
      top.map((i) => a[i]!),
      top.map((i) => b[i]!),
    ),
    top20Kept: top.filter((i) => topSampled.has(i)).length,
    closenessRel,
  };
}
