// What the large drawing holds: plain node and edge records (no per-element style, events or
// bounding boxes), diffed against each new slice as Cytoscape's drawing is, so that nodes a
// filter takes out come back where they were. Nodes have the LayoutNode shape layouts read.
import type { LayoutEdge, LayoutNode } from '../../layout';
import type { Drawable, Remembered } from '../applySlice';

type Data = Record<string, unknown>;

export class ModelNode implements LayoutNode {
  gone = false;
  constructor(
    readonly key: string,
    public d: Data,
    public kind: string,
    public x: number,
    public y: number,
  ) {}
  id() {
    return this.key;
  }
  position() {
    return { x: this.x, y: this.y };
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as Cytoscape's data(): whatever the field holds
  data(field?: string): any {
    return field === undefined ? this.d : this.d[field];
  }
  hasClass(name: string) {
    return name === this.kind || (name === 'pinned' && this.d.pinned === true);
  }
  /** Diameter in model pixels. */
  width() {
    const s = Number(this.d.size);
    return s > 0 ? s : 20;
  }
  degree() {
    return Number(this.d.degree) || 0;
  }
  removed() {
    return this.gone;
  }
}

export class ModelEdge implements LayoutEdge {
  gone = false;
  /** Its ends as drawn now (null when one is not drawn), found once per slice rather than per frame. */
  s: ModelNode | null = null;
  t: ModelNode | null = null;
  /** Its own colour (null: the theme's), its width, whether it is dashed (a direct relation, drawn with an arrowhead), and the three as one key to batch it by. */
  colour: string | null = null;
  width = 1.5;
  dashed = false;
  batch = '';
  constructor(
    readonly key: string,
    public d: Data & { source: string; target: string },
    public kind: string,
  ) {}
  /** Reads the look the drawable gave it. */
  restyle(): void {
    const colour = this.d.typed === true ? String(this.d.edgeColour) : null;
    const width = Math.round((Number(this.d.width) || 1.5) * 2) / 2;
    const dashed = this.kind === 'relation';
    if (this.batch && colour === this.colour && width === this.width && dashed === this.dashed) return;
    this.colour = colour;
    this.width = width;
    this.dashed = dashed;
    this.batch = `${colour ?? ''} ${width}${dashed ? ' dashed' : ''}`;
  }
  data() {
    return this.d;
  }
  removed() {
    return this.gone;
  }
}

export class Model {
  // Replaced whole by each slice (in the slice's order), never held elsewhere.
  nodes = new Map<string, ModelNode>();
  edges = new Map<string, ModelEdge>();
  /** Dragged nodes: they keep the `pinned` mark while a filter takes them out and back. */
  readonly pinned = new Set<string>();

  /** Ties with both ends drawn, as of the last `apply`. */
  drawnEdges = 0;

  /** Takes `d` as what is drawn now; returns how many nodes arrived with no position to go to. */
  apply(d: Drawable, remembered: Remembered): number {
    // Everything drawn so far is marked gone, and marked back as the slice takes it again: one
    // lookup per element (this runs over every tie on each filter change).
    for (const n of this.nodes.values()) n.gone = true;
    let unplaced = 0;
    const nodes = new Map<string, ModelNode>();
    for (const n of d.nodes) {
      const data = this.pinned.size > 0 && this.pinned.has(n.id) ? { ...n.data, pinned: true } : n.data;
      let node = this.nodes.get(n.id);
      if (node) {
        node.gone = false;
        node.d = data;
        node.kind = n.classes;
      } else {
        const at = remembered.get(n.id);
        if (!at) unplaced++;
        node = new ModelNode(n.id, data, n.classes, at?.x ?? 0, at?.y ?? 0);
      }
      nodes.set(n.id, node);
    }
    for (const n of this.nodes.values()) if (n.gone) remembered.set(n.key, { x: n.x, y: n.y });
    // In the slice's order, as Cytoscape keeps it (layouts are stable in that order).
    this.nodes = nodes;

    for (const e of this.edges.values()) e.gone = true;
    const edges = new Map<string, ModelEdge>();
    let drawn = 0;
    for (const e of d.edges) {
      const data = e.data as Data & { source: string; target: string };
      let edge = this.edges.get(e.id);
      if (edge) {
        edge.gone = false;
        edge.d = data;
        edge.kind = e.classes;
      } else edge = new ModelEdge(e.id, data, e.classes);
      edge.s = nodes.get(data.source) ?? null;
      edge.t = nodes.get(data.target) ?? null;
      if (edge.s && edge.t) drawn++;
      edge.restyle();
      edges.set(e.id, edge);
    }
    this.drawnEdges = drawn;
    this.edges = edges;
    return unplaced;
  }

  /** The box around every node (with its size), in model coordinates; null when none is drawn. */
  extent(): { x1: number; y1: number; x2: number; y2: number } | null {
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const n of this.nodes.values()) {
      const r = n.width() / 2;
      x1 = Math.min(x1, n.x - r);
      y1 = Math.min(y1, n.y - r);
      x2 = Math.max(x2, n.x + r);
      y2 = Math.max(y2, n.y + r);
    }
    return x1 === Infinity ? null : { x1, y1, x2, y2 };
  }

  pin(n: ModelNode): void {
    this.pinned.add(n.key);
    n.d = { ...n.d, pinned: true };
  }

  unpinAll(): void {
    for (const id of this.pinned) {
      const n = this.nodes.get(id);
      if (n) {
        const { pinned: _, ...rest } = n.d;
        n.d = rest;
      }
    }
    this.pinned.clear();
  }
}
