// What a layout needs from the drawing it arranges. Two drawings implement it: Cytoscape's, for
// small networks (cytoscape-surface.ts), and the 2D-canvas one for large drawings (graph/large/). A
// Cytoscape node already has the shape of a LayoutNode, so the layouts read either without copies.
import type { Core } from 'cytoscape';

export interface LayoutNode {
  id(): string;
  position(): { x: number; y: number };
  /** The node's data: `size` (diameter, model px), `degree`, `region`, `sector`, metrics… */
  data(key?: string): any; // eslint-disable-line @typescript-eslint/no-explicit-any
  hasClass(name: string): boolean;
  /** Drawn width, for nodes without a `size`. */
  width(): number;
  degree(includeLoops: boolean): number;
  /** True once the node left the drawing (a filter changed while a layout ran). */
  removed(): boolean;
}

export interface LayoutEdge {
  data(): { source: string; target: string; weight?: unknown };
  removed(): boolean;
}

/** Shows a running layout's positions before they land. */
export interface Preview {
  /** Draws positions (model coordinates, x0 y0 x1 y1…, in the order of `list`) at the next frame. */
  draw(xy: Float64Array): void;
  dispose(): void;
}

export interface LayoutSurface {
  nodes(): LayoutNode[];
  edges(): LayoutEdge[];
  /** The drawing's size on screen (the grid is shaped to it). */
  width(): number;
  height(): number;
  /** Moves `list[i]` to (xy[2i], xy[2i+1]) except where `fixed[i]`; settles once drawn. */
  land(list: LayoutNode[], xy: Float64Array, fixed?: Uint8Array): Promise<void>;
  /** While a layout runs in its worker, nodes cannot be grabbed; call the result to release them. */
  hold(): () => void;
  openPreview(list: LayoutNode[], edgePairs: Uint32Array): Preview;
  /** Cytoscape's own layouts (cose, fcose) run on this instance when there is one. */
  readonly cytoscape: Core | null;
}
