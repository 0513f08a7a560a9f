// Messages between the page and the cose worker (cose.worker.ts). Sizes and positions travel as
// typed arrays whose buffers are transferred: x0, y0, x1, y1… in the drawing's model coordinates.

export interface CoseStart {
  /** Node IDs, in the order of `xy`, `sizes` and `locked`. */
  ids: string[];
  /** Where each node is now (cose starts from there: it is not randomised). */
  xy: Float64Array;
  /** Drawn diameter of each node (model px). */
  sizes: Float64Array;
  /** 1 for pinned nodes: cose leaves them where they are. */
  locked: Uint8Array;
  /** Ties as pairs of places in `ids`. */
  pairs: Uint32Array;
  /** The canvas's size: cose's gravity pulls towards the middle of a box this size. */
  width: number;
  height: number;
}

export type CoseAnswer = { xy: Float64Array; millis: number } | { error: string };
