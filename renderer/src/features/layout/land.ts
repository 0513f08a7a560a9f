// Writing many positions into Cytoscape without a long task. `node.position()` costs about 25 µs
// a node in Chromium here (events, bounding boxes and edge bookkeeping per call: 120–160 ms for
// 5,000 nodes in one batch); writing `_private.position` directly costs nothing, and the
// bookkeeping (bounding boxes dirtied, 'position' emitted) is then done in slices of 500 nodes,
// each in its own task, inside one batch, so Cytoscape redraws once at the end. Positions read
// back (node.position(), cy.fit()) are right as soon as `land` is called; `await` it before
// relying on events or the drawing.
import type { CollectionArgument, Core, NodeSingular } from 'cytoscape';

/** Nodes announced to Cytoscape per task. */
const LAND_SLICE = 500;

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

/** Cytoscape's (undocumented, stable since 3.0) call that tells it an element's bounds moved. */
interface Dirtyable {
  dirtyBoundingBoxCache(): void;
  connectedEdges(): { dirtyBoundingBoxCache(): void };
  emit(event: string): void;
}

/**
 * Puts the final positions into Cytoscape: written without notification (cheap), then announced
 * in slices, each in its own task, all inside one batch so that Cytoscape redraws once at the end.
 */
export async function land(cy: Core, list: NodeSingular[], model: Float64Array, fixed?: Uint8Array): Promise<void> {
  const moved: NodeSingular[] = [];
  for (let i = 0; i < list.length; i++) {
    const node = list[i]!;
    if (fixed?.[i] || node.removed()) continue;
    const p = (node as unknown as { _private: { position: { x: number; y: number } } })._private.position;
    p.x = model[2 * i]!;
    p.y = model[2 * i + 1]!;
    moved.push(node);
  }
  cy.startBatch();
  try {
    for (let k = 0; k < moved.length; k += LAND_SLICE) {
      if (k > 0) await nextTask();
      const part = moved.slice(k, k + LAND_SLICE) as unknown as CollectionArgument;
      const slice = cy.collection(part).filter((node) => !node.removed()) as unknown as Dirtyable;
      slice.dirtyBoundingBoxCache();
      slice.connectedEdges().dirtyBoundingBoxCache();
      slice.emit('position');
    }
  } finally {
    cy.endBatch();
  }
}
