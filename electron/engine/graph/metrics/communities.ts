// Louvain communities (graphology-communities-louvain) on the tie weights, with a seeded rng so
// the same slice always gets the same communities. Numbered by size, largest first.
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { Csr } from './csr';

export interface Communities {
  of: Int32Array;
  count: number;
  modularity: number;
}

export function communities(g: Csr, random: () => number): Communities {
  const { n, offsets, adj, weight } = g;
  const of = new Int32Array(n);
  if (n === 0) return { of, count: 0, modularity: 0 };
  if (adj.length === 0) {
    for (let v = 0; v < n; v++) of[v] = v;
    return { of, count: n, modularity: 0 };
  }
  const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (let v = 0; v < n; v++) graph.addNode(v);
  for (let v = 0; v < n; v++) {
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
      const w = adj[e]!;
      if (w > v) graph.addEdge(v, w, { weight: weight[e]! });
    }
  }
  const out = louvain.detailed(graph, { getEdgeWeight: 'weight', rng: random });
  const raw = new Int32Array(n);
  let rawCount = 0;
  for (let v = 0; v < n; v++) {
    raw[v] = out.communities[v]!;
    if (raw[v]! >= rawCount) rawCount = raw[v]! + 1;
  }
  const size = new Int32Array(rawCount);
  const first = new Int32Array(rawCount).fill(n);
  for (let v = 0; v < n; v++) {
    size[raw[v]!]!++;
    if (first[raw[v]!] === n) first[raw[v]!] = v;
  }
  const used = Array.from({ length: rawCount }, (_, c) => c)
    .filter((c) => size[c]! > 0)
    .sort((x, y) => size[y]! - size[x]! || first[x]! - first[y]!);
  const rank = new Int32Array(rawCount);
  used.forEach((c, i) => (rank[c] = i));
  for (let v = 0; v < n; v++) of[v] = rank[raw[v]!]!;
  return { of, count: used.length, modularity: Number.isFinite(out.modularity) ? out.modularity : 0 };
}
