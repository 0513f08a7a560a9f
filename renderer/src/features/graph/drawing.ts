// What GraphCanvas drives, whichever renderer draws: Cytoscape for small drawings and the
// aggregated view, our 2D-canvas drawing for large ones (large/), where Cytoscape's
// per-element model and style cost seconds per filter change (docs/large-drawings.md).
import type { AggregateGroup, Details } from '../../../../shared/schemas';
import type { PictureOptions } from '../interchange/picture-frame';
import type { LayoutSurface } from '../layout';
import type { Drawable, Remembered } from './applySlice';

export interface PathMark {
  nodes: string[];
  /** Ties on the path, as unordered "a|b" pairs of node IDs (sorted). */
  pairs: Set<string>;
}

export interface Drawing {
  readonly kind: 'cytoscape' | 'large';
  /** What layouts arrange. */
  readonly layout: LayoutSurface;
  /**
   * Draws `d` by difference (see applyDrawable), then calls `drawn` with how many nodes arrived
   * with no position: at once, or after the frames that add it in parts (Cytoscape's drawing of
   * many new elements). Never called if another `apply` or `destroy` comes first.
   */
  apply(d: Drawable, remembered: Remembered, drawn: (unplaced: number) => void): void;
  /** Runs `fn` once what was last applied is all drawn: now, if it is. */
  whenDrawn(fn: () => void): void;
  counts(): { nodes: number; edges: number };
  /** True while the aggregated view's groups are drawn. */
  showsGroups(): boolean;
  setFaded(ids: ReadonlySet<string>): void;
  setPath(path: PathMark | null): void;
  /** The one selected record (null: none); additive selections are the drawing's own. */
  select(id: string | null): void;
  /** Centres on a node (search result); false when it is not drawn. */
  centreOn(id: string): boolean;
  fit(): void;
  zoomBy(factor: number): void;
  updateLabels(): void;
  unpinAll(): void;
  /** Where every node is drawn, rounded to 0.01 px, for saved views and layout-carrying exports. */
  positions(): Record<string, { x: number; y: number }>;
  /** Model coordinates to container pixels, and a subscription to pan and zoom, for HTML over the drawing. */
  project(x: number, y: number): { x: number; y: number };
  onViewport(fn: () => void): () => void;
  /** The drawing as a picture, with its title, legend and caption around it: PNG at the options' scale (capped), or SVG. */
  png(options: PictureOptions): Promise<Blob>;
  /** The size in pixels `png(options)` would give. */
  pngSize(options: PictureOptions): { width: number; height: number };
  svg(options: PictureOptions): Promise<Blob>;
  /** The container changed size. */
  resize(): void;
  setTheme(dark: boolean): void;
  /** Leaves the positions of what it drew in `remembered`, then lets go of everything. */
  destroy(remembered: Remembered): void;
  /** Only in test builds (see test-hooks.ts). */
  readonly probe?: GraphProbe;
}

/** What a drawing reports of what the user did in it; GraphCanvas passes it on to the store. */
export interface DrawingEvents {
  /** The user panned or zoomed: the drawing stops being fitted to what arrives. */
  userMoved(): void;
  /** A click chose one record, or the background (null). */
  picked(id: string | null, type?: Details['type']): void;
  /** The additive selection (shift-click, box) is now these nodes. */
  selectionChanged(ids: string[]): void;
  /** A group of the aggregated view was opened (double-click). */
  groupOpened(group: AggregateGroup): void;
  /** A group of the aggregated view was clicked: its details are wanted. */
  groupPicked(group: AggregateGroup): void;
  /** The pointer is over a node (what to say, and where in the container), or over none. */
  hovered(hint: { text: string; x: number; y: number } | null): void;
}

/** A read-only view of where nodes are drawn, for end-to-end tests and benchmarks (`window.atlasGraph`). */
export interface GraphProbe {
  /** Where a node is on the page, in CSS pixels. */
  renderedPosition(id: string): { x: number; y: number } | null;
  position(id: string): { x: number; y: number } | null;
  labelled(): string[];
  /** How tall a node's label is on screen, in px; 0 when it has none. */
  labelPx(id: string): number;
  classesOf(id: string): string[];
  /** The colour and size a node is drawn with (or an edge's width), as the drawing has them. */
  looksOf(id: string): { colour?: unknown; size?: unknown; width?: unknown } | null;
  selected(): string[];
  /** Which drawing is on screen. */
  renderer: Drawing['kind'];
  /** A node's fill colour as drawn. */
  colourOf(id: string): string;
  /** The text drawn as a node's label ('' when it has none). */
  labelText(id: string): string;
  /** Where labels and nodes are drawn on the page, in CSS pixels (Cytoscape's drawing; the large one gives none). */
  labelBoxes(): Box[];
  nodeBoxes(): Box[];
}

export interface Box {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
