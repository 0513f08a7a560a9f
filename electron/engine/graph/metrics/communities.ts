// Louvain communities (Blondel et al. 2008) on the tie weights, over the compact graph itself:
// local moving in a seeded random order, then each community folded into one node, until a level
// moves nothing. graphology-communities-louvain did the same on a graphology graph, but building
// that graph and its per-node objects cost more than the algorithm (23–37 s for 50,000 nodes and
// 250,000 ties on a loaded machine, against well under a second here); the tests hold this one's
// modularity to graphology's on the same graphs. Numbered by size, largest first.
import type { Csr } from './csr';

export interface Communities {
  of: Int32Array;
  count: number;
  modularity: number;
}

/** A level's graph: weighted adjacency without self-loops, and each node's internal weight (both directions). */
interface Level {
  n: number;
  offsets: Int32Array;
  adj: Int32Array;
  weight: Float64Array;
  loop: Float64Array;
}

/** A move must gain more than this (relative to the node's weight), so rounding never moves a node. */
const MIN_GAIN = 1e-12;
const MAX_VISITS_PER_NODE = 50;

/**
 * Moves nodes between communities until no move pays; returns each node's community and whether
 * any moved. Fast local moves (as Traag's Leiden and graphology's default): every node once in a
 * seeded random order, then only the neighbours of a node that moved, outside its new community.
 */
function localMoves(g: Level, m2: number, random: () => number): { of: Int32Array; moved: boolean } {
  const { n, offsets, adj, weight, loop } = g;
  const of = new Int32Array(n);
  const k = new Float64Array(n);
  const tot = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    of[v] = v;
    let s = loop[v]!;
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) s += weight[e]!;
    k[v] = s;
    tot[v] = s;
  }
  // A ring of nodes to visit, shuffled to start with.
  const queue = new Int32Array(n);
  const queued = new Uint8Array(n).fill(1);
  for (let v = 0; v < n; v++) queue[v] = v;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = queue[i]!;
    queue[i] = queue[j]!;
    queue[j] = t;
  }
  let head = 0;
  let waiting = n;
  const toComm = new Float64Array(n);
  const touched = new Int32Array(n);
  let moved = false;
  // A bound on visits, in case rounding lets two communities trade a node for ever.
  for (let visits = 0; waiting > 0 && visits < MAX_VISITS_PER_NODE * n; visits++) {
    const v = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    waiting--;
    queued[v] = 0;
    const kv = k[v]!;
    if (kv === 0) continue;
    const own = of[v]!;
    let count = 0;
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
      const c = of[adj[e]!]!;
      if (toComm[c] === 0) touched[count++] = c;
      toComm[c]! += weight[e]!;
    }
    tot[own]! -= kv;
    // Gain of joining c, up to a factor and terms shared by every choice: k_v,c − tot_c·k_v / 2m.
    const ratio = kv / m2;
    const ownGain = toComm[own]! - tot[own]! * ratio;
    let best = own;
    let bestGain = ownGain;
    for (let j = 0; j < count; j++) {
      const c = touched[j]!;
      const q = toComm[c]! - tot[c]! * ratio;
      if (q > bestGain + MIN_GAIN * kv) {
        best = c;
        bestGain = q;
      }
    }
    for (let j = 0; j < count; j++) toComm[touched[j]!] = 0;
    tot[best]! += kv;
    if (best === own) continue;
    of[v] = best;
    moved = true;
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
      const u = adj[e]!;
      if (queued[u] || of[u] === best) continue;
      queued[u] = 1;
      queue[(head + waiting) % n] = u;
      waiting++;
    }
  }
  return { of, moved };
}

/** The graph of communities: one node per community, ties between communities summed, internal weight as a loop. */
function fold(g: Level, of: Int32Array): { level: Level; renumbered: Int32Array } {
  const { n, offsets, adj, weight, loop } = g;
  const number = new Int32Array(n).fill(-1);
  let count = 0;
  const renumbered = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const c = of[v]!;
    if (number[c] === -1) number[c] = count++;
    renumbered[v] = number[c]!;
  }
  // Members grouped by community (counting sort).
  const start = new Int32Array(count + 1);
  for (let v = 0; v < n; v++) start[renumbered[v]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, count);
  const members = new Int32Array(n);
  for (let v = 0; v < n; v++) members[fill[renumbered[v]!]!++] = v;

  const newOffsets = new Int32Array(count + 1);
  const newAdj = new Int32Array(adj.length);
  const newWeight = new Float64Array(adj.length);
  const newLoop = new Float64Array(count);
  const pos = new Int32Array(count).fill(-1);
  let write = 0;
  for (let c = 0; c < count; c++) {
    newOffsets[c] = write;
    const rowStart = write;
    let inside = 0;
    for (let i = start[c]!; i < start[c + 1]!; i++) {
      const u = members[i]!;
      inside += loop[u]!;
      for (let e = offsets[u]!, end = offsets[u + 1]!; e < end; e++) {
        const d = renumbered[adj[e]!]!;
        if (d === c) {
          inside += weight[e]!;
          continue;
        }
        const p = pos[d]!;
        if (p >= rowStart) newWeight[p]! += weight[e]!;
        else {
          pos[d] = write;
          newAdj[write] = d;
          newWeight[write++] = weight[e]!;
        }
      }
    }
    newLoop[c] = inside;
  }
  newOffsets[count] = write;
  return {
    level: { n: count, offsets: newOffsets, adj: newAdj.subarray(0, write), weight: newWeight.subarray(0, write), loop: newLoop },
    renumbered,
  };
}

/** Newman's modularity of a partition of the graph (resolution 1). */
function modularity(g: Csr, of: Int32Array, count: number): number {
  const inside = new Float64Array(count);
  const tot = new Float64Array(count);
  let m2 = 0;
  for (let v = 0; v < g.n; v++) {
    const c = of[v]!;
    for (let e = g.offsets[v]!, end = g.offsets[v + 1]!; e < end; e++) {
      const w = g.weight[e]!;
      m2 += w;
      tot[c]! += w;
      if (of[g.adj[e]!] === c) inside[c]! += w;
    }
  }
  if (!(m2 > 0)) return 0;
  let q = 0;
  for (let c = 0; c < count; c++) q += inside[c]! / m2 - (tot[c]! / m2) ** 2;
  return q;
}

export function communities(g: Csr, random: () => number): Communities {
  const { n } = g;
  const of = new Int32Array(n);
  let m2 = 0;
  for (let e = 0; e < g.weight.length; e++) m2 += g.weight[e]!;
  if (n === 0) return { of, count: 0, modularity: 0 };
  if (!(m2 > 0)) {
    for (let v = 0; v < n; v++) of[v] = v;
    return { of, count: n, modularity: 0 };
  }
  // Each original node's community, followed down the levels.
  const raw = new Int32Array(n);
  for (let v = 0; v < n; v++) raw[v] = v;
  let level: Level = { n, offsets: g.offsets, adj: g.adj, weight: g.weight, loop: new Float64Array(n) };
  for (;;) {
    const moves = localMoves(level, m2, random);
    if (!moves.moved) break;
    const folded = fold(level, moves.of);
    // Nodes that moved and came back leave the level as it was: nothing more to gain.
    if (folded.level.n === level.n) break;
    for (let v = 0; v < n; v++) raw[v] = folded.renumbered[raw[v]!]!;
    level = folded.level;
  }
  const rawCount = level.n;
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
  return { of, count: used.length, modularity: modularity(g, of, used.length) };
}
