// Messages between the page and the ForceAtlas2 worker. Positions travel as Float32Arrays whose
// buffers are transferred, never copied: x0, y0, x1, y1… in the worker's own coordinates.

/** graphology-layout-forceatlas2's flat matrices: floats per node and per edge. */
export const PPN = 10;
export const PPE = 3;
export const NODE_X = 0;
export const NODE_Y = 1;
export const NODE_MASS = 6;
export const NODE_CONVERGENCE = 7;
export const NODE_SIZE = 8;
export const NODE_FIXED = 9;

export interface Fa2Settings {
  linLogMode: boolean;
  outboundAttractionDistribution: boolean;
  adjustSizes: boolean;
  edgeWeightInfluence: number;
  scalingRatio: number;
  strongGravityMode: boolean;
  gravity: number;
  slowDown: number;
  barnesHutOptimize: boolean;
  barnesHutTheta: number;
}

export interface Fa2Limits {
  /** Stop after this many iterations. */
  maxIterations: number;
  /** Stop after this long (worker clock, from the start message). */
  maxMillis: number;
  /** Converged when the mean movement per iteration, over the extent, stays below this… */
  epsilon: number;
  /** …for this many consecutive reports. */
  calmReports: number;
  /** Iterate this long before reporting positions. */
  reportMillis: number;
}

/**
 * Nodes carry their drawn radius (plus a margin) in NODE_SIZE, for the anti-overlap phase, which
 * runs only when `preventOverlap` is set.
 */
export type ToWorker = {
  type: 'start';
  nodes: Float32Array;
  edges: Float32Array;
  settings: Fa2Settings;
  limits: Fa2Limits;
  preventOverlap: boolean;
};

export type FromWorker = {
  type: 'positions';
  xy: Float32Array;
  iterations: number;
  /** Mean movement of a free node per iteration since the last report, over the extent. */
  movement: number;
  done: null | { converged: boolean; millis: number };
};
