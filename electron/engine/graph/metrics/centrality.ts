// Betweenness (Brandes, unweighted shortest paths) and Wasserman–Faust closeness, from one BFS
// per source. Exact: every node is a source. Sampled: each component gets pivots in proportion
// to its size (at least MIN_PIVOTS, or all its nodes when smaller), chosen with a seeded PRNG;
// betweenness is scaled by size/pivots (unbiased, as networkx's n/k), and closeness of a
// non-pivot comes from its distances to the pivots (Eppstein–Wang), of a pivot from its own BFS.
import type { Components } from './components';
import type { Csr } from './csr';

/** Below this, a component gets all its nodes as sources: cheap, and one pivot would say little. */
const MIN_PIVOTS = 32;

export interface Centrality {
  /** Normalised as networkx: divided by (n-1)(n-2)/2 for an undirected graph. */
  betweenness: Float64Array;
  /** Reachable share times inverse mean distance (networkx wf_improved=True). */
  closeness: Float64Array;
  estimated: boolean;
  /** Sources used (equal to n when exact). */
  sources: number;
}

export interface CentralityOptions {
  /** Sample when false; `samples` is then the pivot budget for the whole graph. */
  exact: boolean;
  samples: number;
  random: () => number;
}

export function centrality(g: Csr, comps: Components, opts: CentralityOptions): Centrality {
  const { n, offsets, adj } = g;
  const betweenness = new Float64Array(n);
  const closeness = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const queue = new Int32Array(n);
  // Predecessors of w on shortest paths, stored in w's own adjacency slots (there are never more).
  const pred = new Int32Array(adj.length);
  const predCount = new Int32Array(n);
  const distSum = new Float64Array(n);
  const raw = new Float64Array(n);
  const isPivot = new Uint8Array(n);
  let estimated = false;
  let sources = 0;

  for (let c = 0; c < comps.count; c++) {
    const size = comps.sizes[c]!;
    const from = comps.starts[c]!;
    let pivots = comps.members.subarray(from, from + size);
    let k = size;
    if (!opts.exact) k = Math.min(size, Math.max(MIN_PIVOTS, Math.ceil((opts.samples * size) / n)));
    if (k < size) {
      // Partial Fisher–Yates on a copy: the first k entries are a uniform sample.
      pivots = pivots.slice();
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(opts.random() * (size - i));
        const t = pivots[i]!;
        pivots[i] = pivots[j]!;
        pivots[j] = t;
      }
      pivots = pivots.subarray(0, k);
      estimated = true;
    }
    sources += k;

    for (let p = 0; p < k; p++) {
      const s = pivots[p]!;
      let head = 0;
      let tail = 0;
      queue[tail++] = s;
      dist[s] = 0;
      sigma[s] = 1;
      while (head < tail) {
        const v = queue[head++]!;
        const dv = dist[v]! + 1;
        const sv = sigma[v]!;
        for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
          const w = adj[e]!;
          const dw = dist[w]!;
          if (dw < 0) {
            dist[w] = dv;
            sigma[w] = sv;
            queue[tail++] = w;
            pred[offsets[w]!] = v;
            predCount[w] = 1;
          } else if (dw === dv) {
            sigma[w]! += sv;
            pred[offsets[w]! + predCount[w]!++] = v;
          }
        }
      }
      // Dependencies in reverse BFS order.
      for (let i = tail - 1; i > 0; i--) {
        const w = queue[i]!;
        const coeff = (1 + delta[w]!) / sigma[w]!;
        for (let j = offsets[w]!, end = j + predCount[w]!; j < end; j++) {
          const v = pred[j]!;
          delta[v]! += sigma[v]! * coeff;
        }
        raw[w]! += delta[w]!;
      }
      let total = 0;
      for (let i = 0; i < tail; i++) {
        const v = queue[i]!;
        total += dist[v]!;
        distSum[v]! += dist[v]!;
        dist[v] = -1;
        sigma[v] = 0;
        delta[v] = 0;
      }
      // A source's own closeness is exact.
      closeness[s] = total > 0 && n > 1 ? ((size - 1) / total) * ((size - 1) / (n - 1)) : 0;
      isPivot[s] = 1;
    }

    const scale = size / k;
    for (let i = 0; i < size; i++) {
      const v = comps.members[from + i]!;
      betweenness[v] = raw[v]! * scale;
      if (!isPivot[v] && distSum[v]! > 0) {
        // Mean distance to the rest of the component ≈ mean distance to the pivots.
        closeness[v] = (k / distSum[v]!) * ((size - 1) / (n - 1));
      }
    }
  }
  if (n > 2) {
    const norm = 1 / ((n - 1) * (n - 2));
    for (let v = 0; v < n; v++) betweenness[v]! *= norm;
  }
  return { betweenness, closeness, estimated, sources };
}
