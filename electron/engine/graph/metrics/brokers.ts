// Brokers: organisations that are the only link between some organisations and the rest of their
// part of the network, so that without them those organisations would be cut off (cut vertices).
// Each is counted by how many organisations it alone joins to the rest: its component minus
// itself minus the largest part left if it were taken away. Ranked by that count, then by
// betweenness; at most BROKER_LIMIT. The rule names a bridge however small the network (the seed's
// UNODC Civil Society Unit joins two organisations to the rest), and names none where every
// organisation has another way in. Found in one depth-first pass (Hopcroft–Tarjan), iteratively,
// so that 50,000 organisations need no deep recursion.
import type { Csr } from './csr';

const BROKER_LIMIT = 25;

export interface Broker {
  node: number;
  /** How many organisations would be cut off from the rest without it. */
  joins: number;
}

export function brokers(g: Csr, betweenness: Float64Array, limit = BROKER_LIMIT): Broker[] {
  const { n, offsets, adj } = g;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const size = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const next = new Int32Array(n);
  /** Per node: how many nodes lie in the parts below it that only it holds, and the largest such part. */
  const apartSum = new Int32Array(n);
  const apartMax = new Int32Array(n);
  const stack = new Int32Array(n);
  const seen = new Int32Array(n);
  const out: Broker[] = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    const first = time;
    let top = 0;
    stack[top++] = root;
    disc[root] = low[root] = time;
    seen[time++] = root;
    size[root] = 1;
    next[root] = offsets[root]!;
    while (top > 0) {
      const v = stack[top - 1]!;
      if (next[v]! < offsets[v + 1]!) {
        const w = adj[next[v]!]!;
        next[v]!++;
        if (disc[w] === -1) {
          parent[w] = v;
          disc[w] = low[w] = time;
          seen[time++] = w;
          size[w] = 1;
          next[w] = offsets[w]!;
          stack[top++] = w;
        } else if (w !== parent[v] && disc[w]! < low[v]!) low[v] = disc[w]!;
        continue;
      }
      top--;
      const p = parent[v]!;
      if (p < 0) continue;
      size[p]! += size[v]!;
      if (low[v]! < low[p]!) low[p] = low[v]!;
      if (low[v]! >= disc[p]!) {
        apartSum[p]! += size[v]!;
        if (size[v]! > apartMax[p]!) apartMax[p] = size[v]!;
      }
    }
    const others = size[root]! - 1;
    for (let i = first; i < time; i++) {
      const v = seen[i]!;
      const rest = others - apartSum[v]!;
      const joins = others - Math.max(apartMax[v]!, rest);
      if (joins > 0) out.push({ node: v, joins });
    }
  }
  out.sort((x, y) => y.joins - x.joins || betweenness[y.node]! - betweenness[x.node]! || x.node - y.node);
  return out.slice(0, limit);
}
