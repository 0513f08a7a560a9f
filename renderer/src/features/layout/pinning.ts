// Pinning: a node the analyst has dragged stays where it was put (class `pinned`, data pinned=true);
// ForceAtlas2 treats pinned nodes as fixed. The stylesheet decides how a pinned node looks.
import type { Core, EventObject, NodeSingular } from 'cytoscape';

export function enablePinning(cy: Core): () => void {
  const onDragFree = (e: EventObject) => {
    const node = e.target as NodeSingular;
    node.addClass('pinned');
    node.data('pinned', true);
  };
  cy.on('dragfree', 'node', onDragFree);
  return () => {
    cy.off('dragfree', 'node', onDragFree);
  };
}

export function unpinAll(cy: Core): void {
  cy.batch(() => {
    cy.nodes('.pinned').removeClass('pinned').removeData('pinned');
  });
}
