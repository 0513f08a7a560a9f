// ForceAtlas2 on the drawn graph, computed in a Web Worker (fa2.worker.ts) and shown as it
// converges, without long tasks on the main thread.
//
// What was measured (Debian's Chromium 156 headless, software rendering, 2 shared cores; 5,000 nodes and
// 23,000 edges, canvas 620×470): one Cytoscape frame after moving every node costs 700–1,300 ms
// with edges drawn and 300–400 ms with all edges `display: none` (bounding boxes, rendered-style
// recalculation and collection churn for every moved element, then the draw); writing the
// positions takes another 120–160 ms with `node.position()` in one batch, 50–60 ms through
// `_private.position`. Even a plain redraw of the unchanged graph costs ~370 ms. So Cytoscape
// cannot be redrawn while the layout runs, however positions are fed to it. Instead:
//   - the worker iterates in chunks and sends positions (transferred) about eight times a second;
//   - the page draws them, once per animation frame at most, on a plain canvas over Cytoscape's
//     (preview.ts: one path per colour for nodes, one path for a sample of ≤ 6,000 ties), about
//     5–10 ms of script per frame; Cytoscape's canvases are hidden and its positions untouched;
//   - when the layout ends (stable, capped or stopped) the positions land in Cytoscape once:
//     written to `_private.position` and announced (bounding boxes dirtied, 'position' emitted)
//     in slices of 500 nodes, each its own task, inside one batch, so Cytoscape redraws once.
//     That one redraw costs what any full redraw of the graph costs (see the benchmark).
// Nodes cannot be grabbed while the layout runs (Cytoscape's hit tests would use the old
// positions); pinned nodes (class `pinned`) are FA2's fixed nodes and stay exactly where they are.
import {
  NODE_CONVERGENCE,
  NODE_FIXED,
  NODE_MASS,
  NODE_SIZE,
  NODE_X,
  NODE_Y,
  PPE,
  PPN,
  type Fa2Limits,
  type Fa2Settings,
  type FromWorker,
  type ToWorker,
} from './fa2-protocol';
import { seeded } from './random';
import { fa2Stats } from './stats';
import type { LayoutNode, LayoutSurface } from './surface';
import type { LayoutProgress, LayoutResult, LayoutRun } from './types';

/** Model pixels per ForceAtlas2 unit: with these settings 5,000 organisations spread over about
 *  6,500 units, so a node gets some 90 px around it (nodes are 14–64 px wide). */
const SCALE = 1;
/** Space kept around each node by the anti-overlap phase, in model pixels. */
const NODE_MARGIN = 6;

const FA2_LIMITS: Fa2Limits = {
  maxIterations: 3000,
  maxMillis: 5000,
  epsilon: 0.0005,
  calmReports: 2,
  reportMillis: 120,
};

/**
 * graphology's `inferSettings` (strong gravity 0.05, scaling 10, no LinLog), with Barnes–Hut from
 * 1,000 nodes at Gephi's θ = 1.2 and slowDown 2 instead of 1 + ln n: measured on the synthetic
 * 5,000-node network, these reach the same extent and picture in about a third of the time
 * (θ 0.5 → 1.2 halves the cost of an iteration; slowDown 9.5 → 2 halves the iterations needed).
 */
function fa2Settings(order: number): Fa2Settings {
  return {
    linLogMode: false,
    outboundAttractionDistribution: false,
    adjustSizes: false,
    edgeWeightInfluence: 1,
    scalingRatio: 10,
    strongGravityMode: true,
    gravity: 0.05,
    slowDown: 2,
    barnesHutOptimize: order > 1000,
    barnesHutTheta: 1.2,
  };
}

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

/** Edges read per task while setting up (about 10 ms each at 5,000 nodes). */
const EDGE_SLICE = 8000;

interface Graph {
  list: LayoutNode[];
  /** graphology's node matrix, in FA2 units centred on the origin. */
  matrix: Float32Array;
  /** Edge matrix and, for the preview, endpoint index pairs. */
  edges: Float32Array;
  pairs: Uint32Array;
  fixed: Uint8Array;
  /** Model coordinates, x0 y0 x1 y1…: where nodes are now, then where the layout puts them. */
  model: Float64Array;
  cx: number;
  cy: number;
}

/** Builds the matrices from what is drawn, in slices so no task is long. */
async function readGraph(drawing: LayoutSurface): Promise<Graph> {
  const nodes = drawing.nodes();
  const n = nodes.length;
  const list: LayoutNode[] = new Array(n);
  const index = new Map<string, number>();
  const matrix = new Float32Array(n * PPN);
  const fixed = new Uint8Array(n);
  const model = new Float64Array(n * 2);

  // Where nodes are now, centred on the origin (FA2's gravity pulls towards it).
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    list[i] = node;
    index.set(node.id(), i);
    const p = node.position();
    model[2 * i] = p.x;
    model[2 * i + 1] = p.y;
    if (p.x < minX) minX = p.x;
    if (p.x > maxX) maxX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.y > maxY) maxY = p.y;
    if (node.hasClass('pinned')) fixed[i] = 1;
    const size = Number((node.data() as { size?: unknown }).size);
    matrix[i * PPN + NODE_SIZE] = ((size > 0 ? size : node.width()) / 2 + NODE_MARGIN) / SCALE;
  }
  const cx = n ? (minX + maxX) / 2 : 0;
  const cy0 = n ? (minY + maxY) / 2 : 0;
  const random = seeded(20240601);
  // All at one point (just added): a seeded random square about the size FA2 will settle to.
  const unplaced = n > 1 && maxX - minX < 1e-6 && maxY - minY < 1e-6;
  const spread = Math.sqrt(n) * 90;
  for (let i = 0, j = 0; i < n; i++, j += PPN) {
    if (unplaced && !fixed[i]) {
      matrix[j + NODE_X] = (random() - 0.5) * spread;
      matrix[j + NODE_Y] = (random() - 0.5) * spread;
    } else {
      // A little jitter separates nodes that sit on top of each other (FA2 cannot push them apart).
      const jitter = fixed[i] ? 0 : 1e-3;
      matrix[j + NODE_X] = (model[2 * i]! - cx) / SCALE + (random() - 0.5) * jitter;
      matrix[j + NODE_Y] = (model[2 * i + 1]! - cy0) / SCALE + (random() - 0.5) * jitter;
    }
    matrix[j + NODE_MASS] = 1;
    matrix[j + NODE_CONVERGENCE] = 1;
    matrix[j + NODE_FIXED] = fixed[i]!;
  }

  // Edges: endpoints as matrix offsets, weight from the edge's data; a node's mass is 1 + its
  // weighted degree, as graphology builds it. Loops and edges to nodes not drawn are left out.
  const edgeList = drawing.edges();
  const all = new Float32Array(edgeList.length * PPE);
  const pairs = new Uint32Array(edgeList.length * 2);
  let m = 0;
  for (let k = 0; k < edgeList.length; k++) {
    if (k > 0 && k % EDGE_SLICE === 0) await nextTask();
    const e = edgeList[k]!;
    if (e.removed()) continue;
    const d = e.data() as { source: string; target: string; weight?: unknown };
    const s = index.get(d.source);
    const t = index.get(d.target);
    if (s === undefined || t === undefined || s === t) continue;
    const raw = Number(d.weight);
    const w = raw > 0 && Number.isFinite(raw) ? raw : 1;
    pairs[2 * m] = s;
    pairs[2 * m + 1] = t;
    all[m * PPE] = s * PPN;
    all[m * PPE + 1] = t * PPN;
    all[m * PPE + 2] = w;
    matrix[s * PPN + NODE_MASS] = matrix[s * PPN + NODE_MASS]! + w;
    matrix[t * PPN + NODE_MASS] = matrix[t * PPN + NODE_MASS]! + w;
    m++;
  }
  const edges = m === edgeList.length ? all : all.slice(0, m * PPE);
  return { list, matrix, edges, pairs: pairs.subarray(0, 2 * m), fixed, model, cx, cy: cy0 };
}

export function runForceAtlas2(
  drawing: LayoutSurface,
  onProgress?: LayoutProgress,
  limits: Partial<Fa2Limits> = {},
  preventOverlap = true,
): LayoutRun & { cancel(): void } {
  const started = performance.now();
  let settle!: (r: LayoutResult) => void;
  let fail!: (e: Error) => void;
  const done = new Promise<LayoutResult>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const result = (how: { converged: boolean; stopped: boolean }, iterations: number): LayoutResult => ({
    name: 'forceatlas2',
    iterations,
    millis: Math.round(performance.now() - started),
    ...how,
  });
  if (__ATLAS_TEST_HOOKS__) Object.assign(fa2Stats, { setupMs: 0, paints: 0, landMs: 0, landedAt: 0 });

  // Nodes cannot be grabbed from here to the end (the drawing would hit-test old positions).
  const release = drawing.hold();
  let stopRequested = false;
  let stop = () => void (stopRequested = true);
  let cancel = stop;

  void (async () => {
    const g = await readGraph(drawing);
    const n = g.list.length;
    if (stopRequested || n === 0) {
      release();
      settle(result({ converged: n === 0, stopped: stopRequested }, 0));
      return;
    }
    await nextTask();
    const preview = drawing.openPreview(g.list, g.pairs);
    preview.draw(g.model);
    const worker = new Worker(new URL('./fa2.worker.ts', import.meta.url), { type: 'module', name: 'forceatlas2' });
    let ending = false;
    let iterations = 0;
    let latest: Float32Array | null = null;

    /** Worker units to model coordinates; pinned nodes stay exactly where they are. */
    const toModel = (xy: Float32Array) => {
      for (let i = 0; i < n; i++) {
        if (g.fixed[i]) continue;
        g.model[2 * i] = xy[2 * i]! * SCALE + g.cx;
        g.model[2 * i + 1] = xy[2 * i + 1]! * SCALE + g.cy;
      }
    };

    /** Ends the run; `keep: false` (another layout takes over) leaves the drawing's positions alone. */
    const end = async (how: { converged: boolean; stopped: boolean }, keep = true) => {
      if (ending) return;
      ending = true;
      worker.terminate();
      if (latest) toModel(latest);
      const t = __ATLAS_TEST_HOOKS__ ? performance.now() : 0;
      try {
        if (keep) await drawing.land(g.list, g.model, g.fixed);
      } finally {
        if (__ATLAS_TEST_HOOKS__) {
          fa2Stats.landMs = performance.now() - t;
          fa2Stats.landedAt = performance.now();
        }
        preview.dispose();
        release();
      }
      settle(result(how, iterations));
    };
    stop = () => void end({ converged: false, stopped: true });
    cancel = () => void end({ converged: false, stopped: true }, false);

    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      if (ending) return;
      const msg = e.data;
      iterations = msg.iterations;
      latest = msg.xy;
      onProgress?.({ iterations: msg.iterations, movement: msg.movement });
      if (msg.done) {
        void end({ converged: msg.done.converged, stopped: false });
        return;
      }
      toModel(msg.xy);
      preview.draw(g.model);
      if (__ATLAS_TEST_HOOKS__) fa2Stats.paints++;
    };
    worker.onerror = (e) => {
      if (ending) return;
      ending = true;
      worker.terminate();
      preview.dispose();
      release();
      fail(new Error(`ForceAtlas2 worker failed: ${e.message}`));
    };

    const start: ToWorker = {
      type: 'start',
      nodes: g.matrix,
      edges: g.edges,
      settings: fa2Settings(n),
      limits: { ...FA2_LIMITS, ...limits },
      preventOverlap,
    };
    worker.postMessage(start, [start.nodes.buffer, start.edges.buffer]);
    if (__ATLAS_TEST_HOOKS__) fa2Stats.setupMs = performance.now() - started;
    if (stopRequested) cancel();
  })().catch((err: unknown) => {
    release();
    fail(err instanceof Error ? err : new Error(String(err)));
  });

  return { stop: () => stop(), cancel: () => cancel(), done };
}
