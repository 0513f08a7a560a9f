// ForceAtlas2 off the main thread: graphology's own iteration step over its flat Float32Array
// matrices, run in chunks of about `reportMillis` (or 50 iterations on small graphs), after each
// of which convergence is checked and the positions go back to the page (transferred).
//
// Convergence: after each chunk, the mean distance a free node moved per iteration (net
// displacement over the chunk divided by the chunk's iterations) is divided by the extent of the
// layout (the larger side of its bounding box). FA2 never comes to a full rest (its adaptive speed
// keeps nodes jittering), so "stable" means that this relative movement stayed below `epsilon`
// for `calmReports` chunks in a row. Net displacement over a chunk ignores back-and-forth jitter,
// which is what makes the measure fall when the picture stops changing.
//
// Two phases, as one does in Gephi: plain FA2 until stable, then, when overlaps are to be
// prevented, FA2 with `adjustSizes` (nodes repel by their drawn size, so they stop overlapping)
// until stable again. The second phase also starts when 70% of the time or iteration budget is
// spent, so that it always gets a turn. On small graphs a last pass then pushes apart any two
// nodes FA2 left touching (its adaptive speed can leave a pair of them on top of each other).
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import { NODE_FIXED, NODE_SIZE, NODE_X, NODE_Y, PPN, type FromWorker, type ToWorker } from './fa2-protocol';

type Start = Extract<ToWorker, { type: 'start' }>;

interface Run {
  nodes: Float32Array;
  edges: Float32Array;
  settings: Start['settings'];
  limits: Start['limits'];
  started: number;
  iterations: number;
  calm: number;
  phase: 1 | 2;
  preventOverlap: boolean;
  before: Float32Array;
}

/** Up to this many nodes, the last pass separates every touching pair (it compares all pairs). */
const SEPARATE_UP_TO = 1000;

/** Pushes apart free nodes closer than their radii (NODE_SIZE) add up, for a few sweeps at most. */
function separate(nodes: Float32Array): void {
  const n = nodes.length / PPN;
  if (n > SEPARATE_UP_TO) return;
  for (let sweep = 0; sweep < 50; sweep++) {
    let moved = false;
    for (let i = 0; i < n; i++) {
      const a = i * PPN;
      for (let j = i + 1; j < n; j++) {
        const b = j * PPN;
        const fa = nodes[a + NODE_FIXED] === 1;
        const fb = nodes[b + NODE_FIXED] === 1;
        if (fa && fb) continue;
        let dx = nodes[b + NODE_X]! - nodes[a + NODE_X]!;
        let dy = nodes[b + NODE_Y]! - nodes[a + NODE_Y]!;
        let d = Math.hypot(dx, dy);
        const need = nodes[a + NODE_SIZE]! + nodes[b + NODE_SIZE]!;
        if (d >= need) continue;
        if (d < 1e-6) {
          // On the same spot: apart along a direction that depends on the pair only.
          dx = Math.cos(i * 2.399 + j);
          dy = Math.sin(i * 2.399 + j);
          d = 1;
        }
        const push = (need - d) * 1.01;
        const ux = dx / d;
        const uy = dy / d;
        const shareA = fa ? 0 : fb ? 1 : 0.5;
        const shareB = 1 - shareA;
        nodes[a + NODE_X]! -= ux * push * shareA;
        nodes[a + NODE_Y]! -= uy * push * shareA;
        nodes[b + NODE_X]! += ux * push * shareB;
        nodes[b + NODE_Y]! += uy * push * shareB;
        moved = true;
      }
    }
    if (!moved) return;
  }
}

/** Convergence is checked (and positions sent) at least every this many iterations. */
const CHECK_EVERY = 50;
/** Share of the budget after which the anti-overlap phase starts anyway. */
const PHASE_TWO_AT = 0.7;

let run: Run | null = null;
const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m, [m.xy.buffer]);

function positions(nodes: Float32Array): Float32Array {
  const n = nodes.length / PPN;
  const xy = new Float32Array(n * 2);
  for (let i = 0, j = 0; i < n; i++, j += PPN) {
    xy[2 * i] = nodes[j + NODE_X]!;
    xy[2 * i + 1] = nodes[j + NODE_Y]!;
  }
  return xy;
}

function chunk() {
  const r = run;
  if (!r) return;
  const { nodes, edges, limits } = r;
  const n = nodes.length / PPN;
  const before = r.before;
  for (let i = 0, j = 0; i < n; i++, j += PPN) {
    before[2 * i] = nodes[j + NODE_X]!;
    before[2 * i + 1] = nodes[j + NODE_Y]!;
  }
  const t0 = performance.now();
  let done = 0;
  do {
    iterate(r.settings, nodes, edges);
    done++;
    r.iterations++;
  } while (done < CHECK_EVERY && performance.now() - t0 < limits.reportMillis && r.iterations < limits.maxIterations);

  let moved = 0;
  let free = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0, j = 0; i < n; i++, j += PPN) {
    const x = nodes[j + NODE_X]!;
    const y = nodes[j + NODE_Y]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    if (nodes[j + NODE_FIXED] === 1) continue;
    free++;
    moved += Math.hypot(x - before[2 * i]!, y - before[2 * i + 1]!);
  }
  const extent = Math.max(maxX - minX, maxY - minY, 1e-9);
  const movement = free ? moved / free / done / extent : 0;
  r.calm = movement < limits.epsilon ? r.calm + 1 : 0;
  const millis = performance.now() - r.started;
  const stable = r.calm >= limits.calmReports || free === 0;
  const late = millis >= PHASE_TWO_AT * limits.maxMillis || r.iterations >= PHASE_TWO_AT * limits.maxIterations;
  if (r.phase === 1 && (stable || late) && free > 0 && r.preventOverlap) {
    r.phase = 2;
    r.calm = 0;
    r.settings = { ...r.settings, adjustSizes: true };
  }
  const converged = (r.phase === 2 || !r.preventOverlap) && (r.calm >= limits.calmReports || free === 0);
  const finished = converged || r.iterations >= limits.maxIterations || millis >= limits.maxMillis;
  if (finished && r.preventOverlap) separate(nodes);
  post({
    type: 'positions',
    xy: positions(nodes),
    iterations: r.iterations,
    movement,
    done: finished ? { converged, millis } : null,
  });
  if (finished) run = null;
  else setTimeout(chunk, 0);
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type !== 'start') return;
  run = {
    nodes: m.nodes,
    edges: m.edges,
    settings: m.settings,
    limits: m.limits,
    started: performance.now(),
    iterations: 0,
    calm: 0,
    phase: 1,
    preventOverlap: m.preventOverlap,
    before: new Float32Array((m.nodes.length / PPN) * 2),
  };
  setTimeout(chunk, 0);
};
