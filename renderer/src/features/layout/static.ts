// The layouts that are computed at once on the main thread: circle, grid by degree, concentric by a
// metric, grouped by region or sector, and saved positions. Positions are computed here in O(n)
// after one sort, and written as land.ts does (directly, then announced in slices), so that no task
// is long. Cytoscape's own grid, circle and concentric go through its generic layout machinery
// and `node.position()` per node, 120–160 ms at 5,000 nodes in one task.
import { SECTOR_LABELS, type Sector } from '../../../../shared/domain';
import type { LayoutNode, LayoutSurface } from './surface';
import type { LayoutGroup } from './types';

/** Space between the edges of neighbouring nodes, in model pixels. */
const GAP = 12;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export interface Placed {
  list: LayoutNode[];
  xs: Float64Array;
  ys: Float64Array;
}

function diameter(node: LayoutNode): number {
  const size = node.data('size');
  return typeof size === 'number' && size > 0 ? size : node.width();
}

function degreeOf(node: LayoutNode): number {
  const d = node.data('degree');
  return typeof d === 'number' ? d : node.degree(false);
}

function numeric(node: LayoutNode, field: string): number {
  if (field === 'degree') return degreeOf(node);
  const v = Number(node.data(field));
  return Number.isFinite(v) ? v : 0;
}

/** Nodes and their sort keys, largest first; ties keep the drawing's order (a stable sort). */
function ranked(drawing: LayoutSurface, key: (n: LayoutNode) => number): { list: LayoutNode[]; keys: Float64Array } {
  const nodes = drawing.nodes();
  const order = new Array<number>(nodes.length);
  const raw = new Float64Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    order[i] = i;
    raw[i] = key(nodes[i] as LayoutNode);
  }
  order.sort((a, b) => raw[b]! - raw[a]! || a - b);
  const list = order.map((i) => nodes[i] as LayoutNode);
  const keys = Float64Array.from(order, (i) => raw[i]!);
  return { list, keys };
}

/** Writes the positions; settles when the drawing has been told. */
export function place(drawing: LayoutSurface, p: Placed): Promise<void> {
  const xy = new Float64Array(p.list.length * 2);
  for (let i = 0; i < p.list.length; i++) {
    xy[2 * i] = p.xs[i]!;
    xy[2 * i + 1] = p.ys[i]!;
  }
  return drawing.land(p.list, xy);
}

function maxDiameter(list: LayoutNode[]): number {
  let m = 1;
  for (const n of list) m = Math.max(m, diameter(n));
  return m;
}

/** On one circle in the drawing's order, each node given an arc as long as it is wide. */
export function circle(drawing: LayoutSurface): Placed {
  const list = drawing.nodes();
  const n = list.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const arcs = list.map((node) => diameter(node) + GAP);
  const total = arcs.reduce((a, b) => a + b, 0);
  const r = n > 1 ? Math.max(total / (2 * Math.PI), maxDiameter(list)) : 0;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const theta = ((s + arcs[i]! / 2) / total) * 2 * Math.PI - Math.PI / 2;
    s += arcs[i]!;
    xs[i] = r * Math.cos(theta);
    ys[i] = r * Math.sin(theta);
  }
  return { list, xs, ys };
}

/** In reading order, most connected first, in square cells shaped to the canvas. */
export function grid(drawing: LayoutSurface): Placed {
  const { list } = ranked(drawing, degreeOf);
  return gridOf(list, drawing.width() / Math.max(1, drawing.height()), 0, 0, true);
}

function gridOf(list: LayoutNode[], aspect: number, left: number, top: number, centred: boolean): Placed {
  const n = list.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const cell = maxDiameter(list) + GAP;
  const cols = Math.max(1, Math.ceil(Math.sqrt(n * (Number.isFinite(aspect) && aspect > 0 ? aspect : 1))));
  const rows = Math.ceil(n / cols);
  const x0 = centred ? -((cols - 1) * cell) / 2 : left;
  const y0 = centred ? -((rows - 1) * cell) / 2 : top;
  for (let i = 0; i < n; i++) {
    xs[i] = x0 + (i % cols) * cell;
    ys[i] = y0 + Math.floor(i / cols) * cell;
  }
  return { list, xs, ys };
}

/**
 * Rings by a metric, highest in the centre. As in Cytoscape's concentric layout, nodes are put in
 * levels `levelWidth` apart in value (by default a tenth of the metric's range); each level gets
 * its own ring, and a level too large for its ring continues on the next one, so nothing overlaps.
 */
export function concentric(drawing: LayoutSurface, metric: string, levelWidth?: number): Placed {
  const { list, keys } = ranked(drawing, (node) => numeric(node, metric));
  const n = list.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  if (n === 0) return { list, xs, ys };
  const hi = keys[0]!;
  const lo = keys[n - 1]!;
  const width = levelWidth && levelWidth > 0 ? levelWidth : (hi - lo) / 10 || 1;
  const level = (v: number) => Math.floor((hi - v) / width);
  const step = maxDiameter(list) + GAP;
  let i = 0;
  let radius = 0;
  let ring = 0;
  while (i < n) {
    const lv = level(keys[i]!);
    // How many of this level fit on a ring of this radius (one node alone in the middle).
    let end = i;
    while (end < n && level(keys[end]!) === lv) end++;
    const capacity = radius === 0 ? 1 : Math.max(1, Math.floor((2 * Math.PI * radius) / step));
    if (radius === 0 && end - i > 1) {
      radius = step;
      continue;
    }
    const count = Math.min(capacity, end - i);
    // Each ring turned a little, so the first nodes of sparse rings do not line up.
    const turn = ring++ * GOLDEN_ANGLE - Math.PI / 2;
    for (let k = 0; k < count; k++) {
      const theta = (k / count) * 2 * Math.PI + turn;
      xs[i + k] = radius * Math.cos(theta);
      ys[i + k] = radius * Math.sin(theta);
    }
    i += count;
    radius += step;
  }
  return { list, xs, ys };
}

/**
 * One cluster per value of `field`, largest group first, arranged on a circle; inside a cluster
 * the nodes fill a disc on a sunflower spiral (most connected in the middle), so its size follows
 * its count. Returns where each group went, for its label.
 */
export function grouped(drawing: LayoutSurface, field: 'region' | 'sector'): Placed & { groups: LayoutGroup[] } {
  const { list: byDegree } = ranked(drawing, degreeOf);
  const members = new Map<string | null, LayoutNode[]>();
  for (const node of byDegree) {
    const v = node.data(field);
    const key = typeof v === 'string' && v !== '' ? v : null;
    let m = members.get(key);
    if (!m) members.set(key, (m = []));
    m.push(node);
  }
  const order = [...members.entries()].sort((a, b) => b[1].length - a[1].length || String(a[0]).localeCompare(String(b[0])));
  const step = maxDiameter(byDegree) + GAP;
  // Sunflower: point k at radius c·√k, angle k·golden angle; each point then has about π·c² of area.
  const c = step / 1.8;
  const radii = order.map(([, m]) => c * Math.sqrt(m.length) + step / 2);

  // Cluster centres on a circle, each given an arc as long as its diameter plus a gap; the
  // circle is made π/2 longer than that sum, so that neighbouring discs (chord ≥ 2/π of arc)
  // never touch.
  const arcs = radii.map((r) => 2 * r + 2 * step);
  const total = arcs.reduce((a, b) => a + b, 0);
  const bigR = order.length > 1 ? ((total / (2 * Math.PI)) * Math.PI) / 2 : 0;

  const list: LayoutNode[] = [];
  const xs = new Float64Array(byDegree.length);
  const ys = new Float64Array(byDegree.length);
  const groups: LayoutGroup[] = [];
  let s = 0;
  order.forEach(([key, m], g) => {
    const theta = ((s + arcs[g]! / 2) / total) * 2 * Math.PI - Math.PI / 2;
    s += arcs[g]!;
    const gx = bigR * Math.cos(theta);
    const gy = bigR * Math.sin(theta);
    for (let k = 0; k < m.length; k++) {
      const r = c * Math.sqrt(k);
      const a = k * GOLDEN_ANGLE;
      xs[list.length] = gx + r * Math.cos(a);
      ys[list.length] = gy + r * Math.sin(a);
      list.push(m[k]!);
    }
    const label =
      key === null ? (field === 'region' ? 'No region' : 'No sector') : field === 'sector' ? (SECTOR_LABELS[key as Sector] ?? key) : key;
    groups.push({ key, label, count: m.length, x: gx, y: gy, radius: radii[g]! });
  });
  return { list, xs, ys, groups };
}

/**
 * Saved positions exactly. A node without one goes beside the neighbours that have one (a filter
 * cleared after a saved view was restored brings back organisations it never placed); the rest,
 * tied to nothing placed, in a grid to the right of the saved ones.
 */
export function preset(drawing: LayoutSurface, positions: Record<string, { x: number; y: number }>): Placed {
  const known: LayoutNode[] = [];
  let unknown: LayoutNode[] = [];
  let maxX = -Infinity;
  let minY = Infinity;
  drawing.nodes().forEach((node) => {
    const p = positions[node.id()];
    if (p && Number.isFinite(p.x) && Number.isFinite(p.y)) {
      known.push(node);
      maxX = Math.max(maxX, p.x + diameter(node) / 2);
      minY = Math.min(minY, p.y - diameter(node) / 2);
    } else unknown.push(node);
  });
  const list = known.slice();
  const xs = new Float64Array(known.length + unknown.length);
  const ys = new Float64Array(known.length + unknown.length);
  known.forEach((node, i) => {
    const p = positions[node.id()]!;
    xs[i] = p.x;
    ys[i] = p.y;
  });
  const away = known.length ? besideNeighbours(drawing, list, xs, ys, unknown) : unknown;
  unknown = away;
  if (unknown.length) {
    unknown.sort((a, b) => degreeOf(b) - degreeOf(a));
    const step = maxDiameter(unknown) + GAP;
    const side = known.length
      ? gridOf(unknown, 1, maxX + 3 * step, minY + step / 2, false)
      : gridOf(unknown, drawing.width() / Math.max(1, drawing.height()), 0, 0, true);
    for (let i = 0; i < unknown.length; i++) {
      xs[list.length] = side.xs[i]!;
      ys[list.length] = side.ys[i]!;
      list.push(unknown[i]!);
    }
  }
  return { list, xs, ys };
}

/** Room a node needs around it when put beside its neighbours: its label is about this wide. */
const BESIDE_ROOM = 90;

/**
 * Places `unknown` nodes that have placed neighbours near them: around the centre of their placed
 * neighbours, on the first free spot of a widening spiral (free: no placed node within
 * BESIDE_ROOM, looked up in a grid of cells that size). Nodes placed this way count as placed for
 * the next ones, so chains of new nodes follow each other out. Appends to list/xs/ys; returns the
 * nodes left with no placed neighbour at all.
 */
function besideNeighbours(drawing: LayoutSurface, list: LayoutNode[], xs: Float64Array, ys: Float64Array, unknown: LayoutNode[]) {
  const slot = new Map<string, number>();
  list.forEach((n, i) => slot.set(n.id(), i));
  const neighbours = new Map<string, string[]>();
  for (const e of drawing.edges()) {
    if (e.removed()) continue;
    const { source, target } = e.data();
    (neighbours.get(source) ?? neighbours.set(source, []).get(source)!).push(target);
    (neighbours.get(target) ?? neighbours.set(target, []).get(target)!).push(source);
  }
  const cells = new Map<string, number[]>();
  const cellOf = (x: number, y: number) => `${Math.floor(x / BESIDE_ROOM)},${Math.floor(y / BESIDE_ROOM)}`;
  const mark = (i: number) => {
    const k = cellOf(xs[i]!, ys[i]!);
    (cells.get(k) ?? cells.set(k, []).get(k)!).push(i);
  };
  const free = (x: number, y: number) => {
    const cx = Math.floor(x / BESIDE_ROOM);
    const cy = Math.floor(y / BESIDE_ROOM);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const i of cells.get(`${cx + dx},${cy + dy}`) ?? []) if (Math.hypot(xs[i]! - x, ys[i]! - y) < BESIDE_ROOM) return false;
    return true;
  };
  for (let i = 0; i < list.length; i++) mark(i);
  let waiting = unknown;
  for (;;) {
    const later: LayoutNode[] = [];
    for (const node of waiting) {
      let sx = 0;
      let sy = 0;
      let count = 0;
      for (const other of neighbours.get(node.id()) ?? []) {
        const j = slot.get(other);
        if (j === undefined) continue;
        sx += xs[j]!;
        sy += ys[j]!;
        count++;
      }
      if (count === 0) {
        later.push(node);
        continue;
      }
      const cx = sx / count;
      const cy = sy / count;
      let x = cx;
      let y = cy;
      for (let k = 1; k < 2000 && !free(x, y); k++) {
        const r = BESIDE_ROOM * Math.sqrt(k);
        x = cx + r * Math.cos(k * GOLDEN_ANGLE);
        y = cy + r * Math.sin(k * GOLDEN_ANGLE);
      }
      const i = list.length;
      xs[i] = x;
      ys[i] = y;
      list.push(node);
      slot.set(node.id(), i);
      mark(i);
    }
    if (later.length === waiting.length) return later;
    waiting = later;
  }
}
