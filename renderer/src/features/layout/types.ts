// The layouts' public types (re-exported by index.ts).

export type LayoutName = 'forceatlas2' | 'cose' | 'concentric' | 'grouped' | 'circle' | 'grid' | 'preset';

export interface LayoutRequest {
  name: LayoutName;
  /** Concentric: the node data field to rank by ('degree', 'betweenness', 'pagerank'…); highest in the centre. */
  metric?: string;
  /** Grouped: the node data field that names the group. */
  groupBy?: 'region' | 'sector';
  /** ForceAtlas2: whether nodes are kept from overlapping (its second phase); true unless said. */
  preventOverlap?: boolean;
  /** Preset: saved positions; nodes without one go beside their neighbours, else in a grid to the right. */
  positions?: Record<string, { x: number; y: number }>;
}

/** One cluster of the grouped layout, for labelling it: centre and radius in model coordinates. */
export interface LayoutGroup {
  /** The field's value; null for nodes without one. */
  key: string | null;
  label: string;
  count: number;
  x: number;
  y: number;
  radius: number;
}

export interface LayoutResult {
  name: LayoutName;
  iterations: number;
  millis: number;
  converged: boolean;
  stopped: boolean;
  /** Layouts computed at once: the part before the positions are written, in one task (ms). */
  computeMillis?: number;
  /** Grouped layout only: where each group was put. */
  groups?: LayoutGroup[];
}

export interface LayoutRun {
  stop(): void;
  readonly done: Promise<LayoutResult>;
}

export type LayoutProgress = (p: { iterations: number; movement: number }) => void;
