// Weighted PageRank by power iteration, as networkx's pagerank: each undirected tie is followed
// both ways in proportion to its weight; a node without ties (or with zero total weight) spreads
// its rank evenly over every node; stop when the L1 change is below n × tolerance.
import type { Csr } from './csr';

export function pagerank(g: Csr, alpha = 0.85, tolerance = 1e-6, maxIterations = 100): Float64Array {
  const { n, offsets, adj, weight } = g;
  let x = new Float64Array(n).fill(n > 0 ? 1 / n : 0);
  if (n === 0) return x;
  let last = new Float64Array(n);
  // Transition probability of each adjacency entry, and the dangling nodes.
  const p = new Float64Array(adj.length);
  const dangling: number[] = [];
  for (let v = 0; v < n; v++) {
    let total = 0;
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) total += weight[e]!;
    if (!(total > 0)) {
      dangling.push(v);
      continue;
    }
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) p[e] = weight[e]! / total;
  }
  const base = (1 - alpha) / n;
  for (let it = 0; it < maxIterations; it++) {
    const t = last;
    last = x;
    x = t;
    let dangle = 0;
    for (const v of dangling) dangle += last[v]!;
    x.fill(base + (alpha * dangle) / n);
    for (let v = 0; v < n; v++) {
      const out = alpha * last[v]!;
      if (out === 0) continue;
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) x[adj[e]!]! += out * p[e]!;
    }
    let err = 0;
    for (let v = 0; v < n; v++) err += Math.abs(x[v]! - last[v]!);
    if (err < n * tolerance) break;
  }
  return x;
}
