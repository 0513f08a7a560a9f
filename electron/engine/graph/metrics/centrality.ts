// Betweenness (Brandes) and Wasserman–Faust closeness, from one shortest-path search per source:
// breadth-first when ties count as steps, Dijkstra when each tie has a length (a weight read as a
// strength, length = 1 / weight; see lengthsOf). Exact: every node is a source. Sampled: each
// component gets pivots at one shared rate (at least MIN_PIVOTS, or all its nodes when smaller),
// chosen with a seeded PRNG; the rate comes from a work budget (pivotPlan) or from an explicit
// number of samples; betweenness is scaled by size/pivots (unbiased, as networkx's n/k), closeness
// of a non-pivot comes from its distances to the pivots (Eppstein–Wang), of a pivot from its own
// search.
import type { Components } from './components';
import type { Csr } from './csr';
import { Heap } from './heap';

/** Below this, a component gets all its nodes as sources: cheap, and one pivot would say little. */
const MIN_PIVOTS = 32;
/**
 * Work allowed to a sampled run, in adjacency entries visited (a source costs its component's
 * nodes plus twice its ties, once in the search and once in the dependencies). About 0.5 s on this
 * project's 2-core machine idle for breadth-first searches (measured by test/bench/metrics.bench.ts);
 * Dijkstra costs about three times as much per entry, so it gets a third.
 */
const WORK_BUDGET = 24_000_000;
/** Equal lengths within this relative margin count as one shortest distance (sums of 1/w in floating point). */
const EPS = 1e-12;

export interface Centrality {
  /** Normalised as networkx: divided by (n-1)(n-2)/2 for an undirected graph. */
  betweenness: Float64Array;
  /** Reachable share times inverse mean distance (networkx wf_improved=True). */
  closeness: Float64Array;
  estimated: boolean;
  /** Sources used (equal to n when exact). */
  sources: number;
  /** When estimated: the pivots of the largest sampled component, and its size. */
  pivots: { k: number; of: number } | null;
}

export interface CentralityOptions {
  /** Sample when false. */
  exact: boolean;
  /** The pivot budget for the whole graph when sampling; by default chosen from WORK_BUDGET. */
  samples?: number;
  random: () => number;
  /** The length of each adjacency entry (Dijkstra), or null to count steps (BFS). */
  lengths: Float64Array | null;
  /** Told after each source (for progress and cancelling); may throw to stop. */
  tick?: (done: number, total: number) => void;
}

/**
 * Tie lengths for shortest paths from tie weights read as strengths: a tie twice as strong is half
 * as long (length = 1 / weight), as is usual for tie strength (networkx, igraph and Gephi take the
 * weight itself as the length; we hand them these lengths in the tests). A tie of weight 0 is no
 * path at all (length Infinity).
 */
export function lengthsOf(g: Csr): Float64Array {
  const out = new Float64Array(g.weight.length);
  for (let e = 0; e < out.length; e++) out[e] = g.weight[e]! > 0 ? 1 / g.weight[e]! : Infinity;
  return out;
}

/** How many pivots each component gets: all its nodes when exact, else one shared rate. */
function pivotPlan(g: Csr, comps: Components, opts: CentralityOptions): Int32Array {
  const k = new Int32Array(comps.count);
  const cost = (c: number) => {
    // Nodes plus twice the adjacency entries of the component (ties counted from both ends).
    let entries = 0;
    const from = comps.starts[c]!;
    for (let i = 0; i < comps.sizes[c]!; i++) {
      const v = comps.members[from + i]!;
      entries += g.offsets[v + 1]! - g.offsets[v]!;
    }
    return comps.sizes[c]! + 2 * entries;
  };
  if (opts.exact) {
    for (let c = 0; c < comps.count; c++) k[c] = comps.sizes[c]!;
    return k;
  }
  let rate: number;
  if (opts.samples !== undefined) rate = opts.samples / Math.max(1, g.n);
  else {
    // The rate r that spends the budget: Σ r·size·cost = budget over the components above the floor.
    const budget = opts.lengths ? WORK_BUDGET / 3 : WORK_BUDGET;
    let spent = 0;
    let weighted = 0;
    for (let c = 0; c < comps.count; c++) {
      const size = comps.sizes[c]!;
      if (size <= MIN_PIVOTS) spent += size * cost(c);
      else weighted += size * cost(c);
    }
    rate = weighted > 0 ? Math.max(0, budget - spent) / weighted : 1;
  }
  for (let c = 0; c < comps.count; c++) {
    const size = comps.sizes[c]!;
    k[c] = Math.min(size, Math.max(MIN_PIVOTS, Math.ceil(rate * size)));
  }
  return k;
}

export function centrality(g: Csr, comps: Components, opts: CentralityOptions): Centrality {
  const { n, offsets, adj } = g;
  const lengths = opts.lengths;
  const betweenness = new Float64Array(n);
  const closeness = new Float64Array(n);
  const dist = new Float64Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  // Nodes in the order their distance was settled (BFS queue or Dijkstra's pops).
  const order = new Int32Array(n);
  // Predecessors of w on shortest paths, stored in w's own adjacency slots (there are never more).
  const pred = new Int32Array(adj.length);
  const predCount = new Int32Array(n);
  const settled = new Uint8Array(n);
  const distSum = new Float64Array(n);
  const raw = new Float64Array(n);
  const isPivot = new Uint8Array(n);
  const heap = lengths ? new Heap(1024) : null;
  const plan = pivotPlan(g, comps, opts);
  let total = 0;
  for (let c = 0; c < comps.count; c++) total += plan[c]!;
  let estimated = false;
  let sources = 0;
  let pivotsOf: { k: number; of: number } | null = null;

  /** Breadth-first from s; returns how many nodes were reached. */
  const bfs = (s: number): number => {
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = order[head++]!;
      const dv = dist[v]! + 1;
      const sv = sigma[v]!;
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
        const w = adj[e]!;
        const dw = dist[w]!;
        if (dw < 0) {
          dist[w] = dv;
          sigma[w] = sv;
          order[tail++] = w;
          pred[offsets[w]!] = v;
          predCount[w] = 1;
        } else if (dw === dv) {
          sigma[w]! += sv;
          pred[offsets[w]! + predCount[w]!++] = v;
        }
      }
    }
    return tail;
  };

  /** Dijkstra from s over the tie lengths; returns how many nodes were reached. */
  const dijkstra = (s: number, h: Heap, len: Float64Array): number => {
    let tail = 0;
    dist[s] = 0;
    sigma[s] = 1;
    h.push(0, s);
    while (h.size > 0) {
      h.pop();
      const v = h.topVal;
      if (settled[v] || h.topKey > dist[v]!) continue;
      settled[v] = 1;
      order[tail++] = v;
      const sv = sigma[v]!;
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
        const l = len[e]!;
        if (l === Infinity) continue;
        const w = adj[e]!;
        if (settled[w]) continue;
        const d = dist[v]! + l;
        const dw = dist[w]!;
        if (dw < 0 || d < dw - EPS * dw) {
          dist[w] = d;
          sigma[w] = sv;
          pred[offsets[w]!] = v;
          predCount[w] = 1;
          h.push(d, w);
        } else if (d <= dw + EPS * dw) {
          sigma[w]! += sv;
          pred[offsets[w]! + predCount[w]!++] = v;
        }
      }
    }
    return tail;
  };

  for (let c = 0; c < comps.count; c++) {
    const size = comps.sizes[c]!;
    const from = comps.starts[c]!;
    let pivots = comps.members.subarray(from, from + size);
    const k = plan[c]!;
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
      pivotsOf ??= { k, of: size };
    }

    for (let p = 0; p < k; p++) {
      const s = pivots[p]!;
      const reached = heap && lengths ? dijkstra(s, heap, lengths) : bfs(s);
      // Dependencies in reverse order of distance.
      for (let i = reached - 1; i > 0; i--) {
        const w = order[i]!;
        const coeff = (1 + delta[w]!) / sigma[w]!;
        for (let j = offsets[w]!, end = j + predCount[w]!; j < end; j++) {
          const v = pred[j]!;
          delta[v]! += sigma[v]! * coeff;
        }
        raw[w]! += delta[w]!;
      }
      let sum = 0;
      for (let i = 0; i < reached; i++) {
        const v = order[i]!;
        sum += dist[v]!;
        distSum[v]! += dist[v]!;
        dist[v] = -1;
        sigma[v] = 0;
        delta[v] = 0;
        settled[v] = 0;
      }
      // A source's own closeness is exact (over what it reaches: ties of weight 0 lead nowhere).
      closeness[s] = sum > 0 && n > 1 ? ((reached - 1) / sum) * ((reached - 1) / (n - 1)) : 0;
      isPivot[s] = 1;
      sources++;
      opts.tick?.(sources, total);
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
  return { betweenness, closeness, estimated, sources, pivots: pivotsOf };
}
