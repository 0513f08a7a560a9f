// A compact undirected weighted graph (compressed sparse rows) that every metric walks: typed
// arrays only, so a BFS over 20,000 nodes touches no objects.

export interface WeightedEdge {
  source: number;
  target: number;
  weight: number;
}

export interface Csr {
  n: number;
  /** Neighbours of v are adj[offsets[v] .. offsets[v + 1]). */
  offsets: Int32Array;
  adj: Int32Array;
  weight: Float64Array;
}

/**
 * Builds the graph from index pairs. Self-loops are dropped (a tie needs two organisations) and
 * parallel edges are merged with their weights summed, as networkx's Graph would.
 */
export function buildCsr(n: number, edges: readonly WeightedEdge[]): Csr {
  const deg = new Int32Array(n + 1);
  for (const e of edges) {
    const { source: s, target: t } = e;
    if (!(s >= 0 && s < n && t >= 0 && t < n) || !Number.isInteger(s) || !Number.isInteger(t)) {
      throw new RangeError(`Edge ${s}-${t} is outside 0..${n - 1}`);
    }
    if (s === t) continue;
    deg[s]!++;
    deg[t]!++;
  }
  const start = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) start[v + 1] = start[v]! + deg[v]!;
  const fill = start.slice(0, n);
  const adj = new Int32Array(start[n]!);
  const weight = new Float64Array(start[n]!);
  for (const e of edges) {
    const { source: s, target: t } = e;
    if (s === t) continue;
    const w = e.weight;
    adj[fill[s]!] = t;
    weight[fill[s]!++] = w;
    adj[fill[t]!] = s;
    weight[fill[t]!++] = w;
  }
  // Merge parallel edges in place: the write position never passes the read position.
  const offsets = new Int32Array(n + 1);
  const mark = new Int32Array(n).fill(-1);
  const pos = new Int32Array(n);
  let write = 0;
  for (let u = 0; u < n; u++) {
    offsets[u] = write;
    for (let r = start[u]!, end = start[u + 1]!; r < end; r++) {
      const v = adj[r]!;
      if (mark[v] === u) {
        weight[pos[v]!]! += weight[r]!;
      } else {
        mark[v] = u;
        pos[v] = write;
        adj[write] = v;
        weight[write++] = weight[r]!;
      }
    }
  }
  offsets[n] = write;
  return { n, offsets, adj: adj.subarray(0, write), weight: weight.subarray(0, write) };
}

export function degrees(g: Csr): { degree: Int32Array; weighted: Float64Array } {
  const degree = new Int32Array(g.n);
  const weighted = new Float64Array(g.n);
  for (let v = 0; v < g.n; v++) {
    degree[v] = g.offsets[v + 1]! - g.offsets[v]!;
    let s = 0;
    for (let e = g.offsets[v]!, end = g.offsets[v + 1]!; e < end; e++) s += g.weight[e]!;
    weighted[v] = s;
  }
  return { degree, weighted };
}
