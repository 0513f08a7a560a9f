// Applies what is to be drawn to the Cytoscape instance as a difference, inside one batch:
// elements that stay keep their positions, only what changed is touched, and the instance is
// never re-created. Both the organisation slices and the aggregated view come through here.
import type { Core, ElementDefinition, SingularElementArgument } from 'cytoscape';
import type { Aggregate, Metrics, Slice } from '../../../../shared/schemas';
import type { StyleSettings } from '../../../../shared/saved-view-style';
import type { AttributeLooks } from '../attributes/looks';
import { aggregateElements, edgeWithLook, nodeLooks } from './appearance';
import { shortLabel } from './labels';

export interface Drawable {
  nodes: { id: string; data: Record<string, unknown>; classes: string }[];
  edges: { id: string; data: Record<string, unknown>; classes: string }[];
}

export function sliceDrawable(slice: Slice, style: StyleSettings, metrics: Metrics | null, attrs: AttributeLooks | null = null): Drawable {
  const looks = nodeLooks(slice, style, metrics, attrs);
  let maxWeight = 1;
  for (const e of slice.edges) if (e.weight > maxWeight) maxWeight = e.weight;
  return {
    // The graph shows long names shortened; `name` keeps them whole for details and the tooltip.
    nodes: slice.nodes.map((n) => ({ id: n.id, data: { ...n, label: shortLabel(n.label), ...looks.get(n.id) }, classes: n.type })),
    edges: slice.edges.map((e) => ({ id: e.id, data: edgeWithLook(e, style, maxWeight, attrs), classes: e.type })),
  };
}

export function aggregateDrawable(a: Aggregate): Drawable {
  const { nodes, edges } = aggregateElements(a);
  return {
    nodes: nodes.map((n) => ({ id: n.id, data: n, classes: 'group' })),
    edges: edges.map((e) => ({ id: e.id, data: e, classes: 'aggregate' })),
  };
}

export type Remembered = Map<string, { x: number; y: number }>;

/**
 * How much is added to Cytoscape per frame, in nodes (an edge counts for half): Cytoscape
 * styles what arrives in its next frame, all at once, at about 0.1 ms a node. The 201
 * organisations of a country and the 53 countries of Sub-Saharan Africa with their thousand ties
 * each made one frame of 35–45 ms of CPU (issue 17); in parts, each frame styles a part.
 */
const ADDED_PER_FRAME = 60;

export interface Applied {
  /** Nodes that arrived with no position to go to: a layout is due when there are any. */
  unplaced: number;
  /** Whether all of `d` is drawn; if not, `more()` adds the next part. */
  complete: boolean;
  more(): void;
}

/**
 * Applies `d` by difference. Nodes taken out leave their position in `remembered`, and come back
 * to it when a filter brings them back, so widening a filter redraws without a new layout. What
 * is taken out, and changes to what stays, are applied at once; what is added, a part per call
 * (the first part now, the next with each `more()`).
 */
export function applyDrawable(cy: Core, d: Drawable, remembered: Remembered): Applied {
  const wanted = new Set<string>();
  for (const n of d.nodes) wanted.add(n.id);
  for (const e of d.edges) wanted.add(e.id);
  const nodes: ElementDefinition[] = [];
  const edges: ElementDefinition[] = [];
  let unplaced = 0;
  cy.batch(() => {
    // One removal of a collection: removing elements one by one costs O(n) each in Cytoscape.
    const gone = cy.elements().filter((el) => !wanted.has(el.id()));
    gone.nodes().forEach((n) => {
      remembered.set(n.id(), { ...n.position() });
    });
    if (gone.nonempty()) cy.remove(gone);
    for (const n of d.nodes) {
      const existing = cy.getElementById(n.id);
      if (existing.nonempty()) {
        updateData(existing, n.data);
        continue;
      }
      const position = remembered.get(n.id);
      if (!position) unplaced++;
      // Groups of the aggregated view open on double-click; they are not records to select.
      nodes.push({
        group: 'nodes',
        data: n.data,
        classes: n.classes,
        selectable: n.classes !== 'group',
        ...(position ? { position: { ...position } } : {}),
      });
    }
    for (const e of d.edges) {
      const existing = cy.getElementById(e.id);
      if (existing.nonempty()) updateData(existing, e.data);
      else edges.push({ group: 'edges', data: e.data, classes: e.classes });
    }
  });
  // Nodes first, each edge once both its ends are there.
  const queue = [...nodes, ...edges];
  let next = 0;
  const applied: Applied = {
    unplaced,
    complete: false,
    more() {
      let budget = ADDED_PER_FRAME;
      let end = next;
      while (end < queue.length && budget > 0) budget -= queue[end++]!.group === 'nodes' ? 1 : 0.5;
      if (end > next) cy.add(queue.slice(next, end));
      next = end;
      applied.complete = next >= queue.length;
    },
  };
  applied.more();
  return applied;
}

/** Writes only data that changed: every write restyles the element, which adds up at 20,000 ties. */
function updateData(el: SingularElementArgument, data: Record<string, unknown>): void {
  const now = el.data() as Record<string, unknown>;
  for (const k in data) {
    if (now[k] !== data[k]) {
      el.data(data);
      return;
    }
  }
}
