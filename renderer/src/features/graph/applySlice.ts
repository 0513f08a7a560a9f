// Applies a graph slice to the Cytoscape instance as a difference, inside one batch: elements that
// stay keep their positions, only what changed is touched, and the instance is never re-created.
import type { Core, ElementDefinition } from 'cytoscape';
import type { GraphEdge, GraphNode, Slice } from '../../../../shared/schemas';
import { EVENT_COLOUR, PARTNERSHIP_COLOUR, SECTOR_COLOURS } from '../../../../shared/palette';

function nodeData(n: GraphNode, degree: number) {
  const colour =
    n.type === 'organisation' ? SECTOR_COLOURS[n.sector ?? 'other'] : n.type === 'partnership' ? PARTNERSHIP_COLOUR : EVENT_COLOUR;
  return { ...n, colour, degree, size: Math.round(18 + 7 * Math.sqrt(degree)) };
}

function edgeData(e: GraphEdge) {
  return { ...e };
}

/** Returns whether elements were added, so the caller knows a layout is due. */
export function applySlice(cy: Core, slice: Slice): boolean {
  const degree = new Map<string, number>();
  for (const e of slice.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const wanted = new Set<string>();
  for (const n of slice.nodes) wanted.add(n.id);
  for (const e of slice.edges) wanted.add(e.id);
  const added: ElementDefinition[] = [];
  cy.batch(() => {
    cy.elements().forEach((el) => {
      if (!wanted.has(el.id())) el.remove();
    });
    for (const n of slice.nodes) {
      const data = nodeData(n, degree.get(n.id) ?? 0);
      const existing = cy.getElementById(n.id);
      if (existing.nonempty()) existing.data(data);
      else added.push({ group: 'nodes', data, classes: n.type });
    }
    for (const e of slice.edges) {
      const existing = cy.getElementById(e.id);
      if (existing.nonempty()) existing.data(edgeData(e));
      else added.push({ group: 'edges', data: edgeData(e), classes: e.type });
    }
    if (added.length) cy.add(added);
  });
  return added.length > 0;
}
