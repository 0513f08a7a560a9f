// Paints the large drawing on one 2D canvas. Ties are batched into one path per (colour, width),
// nodes into one path per colour, so a frame of 5,000 nodes and 23,000 ties is a few dozen
// strokes and fills; Chromium rasterises it in tens of milliseconds, in software too. (sigma.js's
// WebGL was tried first: 170–190 ms of GPU wait per frame at 6,000 ties in software rendering,
// and seconds per frame while a layout ran. See docs/large-drawings.md.)
import { MIN_SIZE } from '../appearance';
import { LABEL_PX } from '../labels';
import { EDGE_OPACITY, NO_COLOUR, PATH_COLOUR, type Theme } from '../theme';
import type { Model, ModelNode } from './model';
import { arrowhead, arrowSize, LABEL_LINE, labelLines, RELATION_DASH, shapeOf, traceNode } from './shapes';

export interface View {
  zoom: number;
  pan: { x: number; y: number };
}

export interface Emphasis {
  selected: ReadonlySet<string>;
  faded: ReadonlySet<string>;
  /** Nodes on the shortest path, and its ties as sorted "a|b" pairs; null without a path. */
  path: { nodes: ReadonlySet<string>; pairs: ReadonlySet<string> } | null;
  labelled: ReadonlySet<string>;
}

const pairOf = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export interface PaintOptions {
  width: number;
  height: number;
  dpr: number;
  /** Whether to paint ties at all, and every how many-th. */
  edges: boolean;
  edgeStride: number;
  /** Nodes as squares, for frames while a layout runs or the view moves: curves cost far more to rasterise. */
  quick: boolean;
}

export function paint(ctx: CanvasRenderingContext2D, model: Model, view: View, em: Emphasis, theme: Theme, opts: PaintOptions): void {
  const { zoom, pan } = view;
  const { width, height, dpr } = opts;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width * dpr, height * dpr);
  ctx.setTransform(zoom * dpr, 0, 0, zoom * dpr, pan.x * dpr, pan.y * dpr);
  // What is in view, in model coordinates (with a margin for the largest node).
  const x1 = -pan.x / zoom - 40;
  const y1 = -pan.y / zoom - 40;
  const x2 = (width - pan.x) / zoom + 40;
  const y2 = (height - pan.y) / zoom + 40;
  const visible = (n: ModelNode) => n.x >= x1 && n.x <= x2 && n.y >= y1 && n.y <= y2;
  const dim = (id: string) => em.faded.has(id) || (em.path !== null && !em.path.nodes.has(id));

  if (opts.edges) {
    const batches = new Map<string, Batch>();
    const onPath: number[] = [];
    let k = 0;
    const fadedBatches = new Map<number, Batch>();
    /** Arrowheads of direct relations, as triangles, by colour. */
    const arrows = new Map<string, number[]>();
    const fading = em.faded.size > 0 || em.path !== null;
    for (const e of model.edges.values()) {
      if (k++ % opts.edgeStride !== 0) continue;
      const { s, t } = e;
      if (!s || !t) continue;
      if (!visible(s) && !visible(t)) continue;
      if (em.path && em.path.pairs.has(pairOf(s.key, t.key))) {
        onPath.push(s.x, s.y, t.x, t.y);
        continue;
      }
      let b;
      if (fading && (dim(s.key) || dim(t.key))) {
        b = fadedBatches.get(e.width);
        if (!b) fadedBatches.set(e.width, (b = { colour: theme.faded, width: e.width, dashed: false, segs: [] }));
      } else {
        b = batches.get(e.batch);
        if (!b) batches.set(e.batch, (b = { colour: e.colour ?? theme.edge, width: e.width, dashed: e.dashed, segs: [] }));
        if (e.dashed) {
          const head = arrowhead(s.x, s.y, t.x, t.y, t.width() / 2, arrowSize(e.width));
          if (head) {
            let list = arrows.get(b.colour);
            if (!list) arrows.set(b.colour, (list = []));
            list.push(...head);
          }
        }
      }
      b.segs.push(s.x, s.y, t.x, t.y);
    }
    ctx.globalAlpha = EDGE_OPACITY;
    for (const b of fadedBatches.values()) stroke(ctx, b);
    for (const b of batches.values()) stroke(ctx, b);
    for (const [colour, tris] of arrows) fillTriangles(ctx, tris, colour);
    ctx.globalAlpha = 1;
    stroke(ctx, { segs: onPath, colour: PATH_COLOUR, width: 5, dashed: false });
  }

  // Nodes: one path per colour, faded ones first so the rest sit on top of them.
  const fills = new Map<string, ModelNode[]>();
  const fadedNodes: ModelNode[] = [];
  const marked: ModelNode[] = [];
  for (const n of model.nodes.values()) {
    if (!visible(n)) continue;
    if (dim(n.key)) {
      fadedNodes.push(n);
      continue;
    }
    const colour = String(n.d.colour ?? NO_COLOUR);
    let list = fills.get(colour);
    if (!list) fills.set(colour, (list = []));
    list.push(n);
    if (em.selected.has(n.key) || n.d.pinned === true || em.path?.nodes.has(n.key)) marked.push(n);
  }
  const scale = opts.quick ? 0 : zoom * dpr;
  fillNodes(ctx, fadedNodes, theme.faded, scale, null, 0);
  for (const [colour, list] of fills) fillNodes(ctx, list, colour, scale, theme.halo, 1 / zoom);
  for (const n of marked) {
    const r = n.width() / 2;
    const sel = em.selected.has(n.key);
    const onPath = em.path?.nodes.has(n.key);
    ctx.strokeStyle = sel ? theme.strong : onPath ? PATH_COLOUR : theme.strong;
    ctx.lineWidth = (sel || onPath ? 4 : 3) / zoom;
    ctx.beginPath();
    traceNode(ctx, shapeOf(n.kind), n.x, n.y, r);
    ctx.stroke();
  }

  // Labels: few by construction (labels.ts), drawn at a constant 11 px under their node.
  const named: ModelNode[] = [];
  for (const n of model.nodes.values()) {
    if (!visible(n) || (dim(n.key) && !em.selected.has(n.key))) continue;
    if (em.labelled.has(n.key) || em.selected.has(n.key) || em.path?.nodes.has(n.key)) named.push(n);
  }
  if (named.length === 0) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.font = `${LABEL_PX}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = theme.halo;
  ctx.fillStyle = theme.text;
  const measure = (text: string) => ctx.measureText(text).width;
  for (const n of named) {
    const x = n.x * zoom + pan.x;
    let y = (n.y + n.width() / 2) * zoom + pan.y + 4;
    for (const line of labelLines(measure, String(n.d.label ?? ''))) {
      ctx.strokeText(line, x, y);
      ctx.fillText(line, x, y);
      y += LABEL_LINE;
    }
  }
}

interface Batch {
  colour: string;
  width: number;
  dashed: boolean;
  /** x1 y1 x2 y2 per tie. */
  segs: number[];
}

function stroke(ctx: CanvasRenderingContext2D, b: Batch): void {
  if (b.segs.length === 0) return;
  const { segs } = b;
  ctx.strokeStyle = b.colour;
  ctx.lineWidth = b.width;
  if (b.dashed) ctx.setLineDash(RELATION_DASH);
  ctx.beginPath();
  for (let i = 0; i < segs.length; i += 4) {
    ctx.moveTo(segs[i]!, segs[i + 1]!);
    ctx.lineTo(segs[i + 2]!, segs[i + 3]!);
  }
  ctx.stroke();
  if (b.dashed) ctx.setLineDash([]);
}

function fillTriangles(ctx: CanvasRenderingContext2D, tris: number[], colour: string): void {
  ctx.fillStyle = colour;
  ctx.beginPath();
  for (let i = 0; i < tris.length; i += 6) {
    ctx.moveTo(tris[i]!, tris[i + 1]!);
    ctx.lineTo(tris[i + 2]!, tris[i + 3]!);
    ctx.lineTo(tris[i + 4]!, tris[i + 5]!);
    ctx.closePath();
  }
  ctx.fill();
}

/** `scale`: device pixels per model pixel (0: squares only). */
function fillNodes(
  ctx: CanvasRenderingContext2D,
  list: ModelNode[],
  colour: string,
  scale: number,
  halo: string | null,
  haloWidth: number,
): void {
  if (list.length === 0) return;
  ctx.fillStyle = colour;
  ctx.beginPath();
  for (const n of list) {
    const r = n.width() / 2;
    // Below a few pixels across a square looks the same as any shape and is much cheaper.
    if (2 * r * scale > 4) traceNode(ctx, shapeOf(n.kind), n.x, n.y, r);
    else ctx.rect(n.x - r, n.y - r, 2 * r, 2 * r);
  }
  ctx.fill();
  // A one-pixel halo would cover the smallest nodes entirely.
  if (halo && MIN_SIZE * scale > 4) {
    ctx.strokeStyle = halo;
    ctx.lineWidth = haloWidth;
    ctx.stroke();
  }
}
