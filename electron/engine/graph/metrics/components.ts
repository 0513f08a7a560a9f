// Connected components, numbered by size (0 is the largest; equal sizes by their lowest node).
import type { Csr } from './csr';

export interface Components {
  /** Component number of each node. */
  of: Int32Array;
  count: number;
  /** Size of each component. */
  sizes: Int32Array;
  /** Nodes grouped by component: component c is members[starts[c] .. starts[c + 1]). */
  members: Int32Array;
  starts: Int32Array;
}

export function components(g: Csr): Components {
  const { n, offsets, adj } = g;
  const raw = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  const rawStart: number[] = [];
  let tail = 0;
  let count = 0;
  for (let s = 0; s < n; s++) {
    if (raw[s] !== -1) continue;
    rawStart.push(tail);
    raw[s] = count;
    let head = tail;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++]!;
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
        const w = adj[e]!;
        if (raw[w] === -1) {
          raw[w] = count;
          order[tail++] = w;
        }
      }
    }
    count++;
  }
  rawStart.push(n);
  // Raw numbers follow the lowest node, so a stable sort by size keeps that as the tie-break.
  const bySize = Array.from({ length: count }, (_, c) => c).sort(
    (x, y) => rawStart[y + 1]! - rawStart[y]! - (rawStart[x + 1]! - rawStart[x]!),
  );
  const rank = new Int32Array(count);
  const sizes = new Int32Array(count);
  const starts = new Int32Array(count + 1);
  const members = new Int32Array(n);
  let at = 0;
  for (let c = 0; c < count; c++) {
    const r = bySize[c]!;
    rank[r] = c;
    sizes[c] = rawStart[r + 1]! - rawStart[r]!;
    starts[c] = at;
    members.set(order.subarray(rawStart[r]!, rawStart[r + 1]!), at);
    at += sizes[c]!;
  }
  starts[count] = n;
  const of = new Int32Array(n);
  for (let v = 0; v < n; v++) of[v] = rank[raw[v]!]!;
  return { of, count, sizes, members, starts };
}
