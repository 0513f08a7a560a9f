// The layouts' view of a Cytoscape instance: its nodes as they are, positions landed without a
// long task (land.ts), ForceAtlas2 previewed on a canvas over Cytoscape's (preview.ts).
import type { Core, NodeSingular } from 'cytoscape';
import { land } from './land';
import { openPreview } from './preview';
import type { LayoutEdge, LayoutNode, LayoutSurface } from './surface';

const surfaces = new WeakMap<Core, LayoutSurface>();

/** One surface per instance, so that "the layout running on it" has one key. */
export function cytoscapeSurface(cy: Core): LayoutSurface {
  let s = surfaces.get(cy);
  if (!s) {
    s = {
      cytoscape: cy,
      nodes: () => cy.nodes().toArray() as unknown as LayoutNode[],
      edges: () => cy.edges().toArray() as unknown as LayoutEdge[],
      width: () => cy.width(),
      height: () => cy.height(),
      land: (list, xy, fixed) => land(cy, list as unknown as NodeSingular[], xy, fixed),
      hold() {
        const grabbable = !cy.autoungrabify();
        cy.autoungrabify(true);
        return () => {
          if (grabbable && !cy.destroyed()) cy.autoungrabify(false);
        };
      },
      openPreview: (list, pairs) => openPreview(cy, list as unknown as NodeSingular[], pairs),
    };
    surfaces.set(cy, s);
  }
  return s;
}
