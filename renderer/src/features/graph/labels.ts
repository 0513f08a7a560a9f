// Labels by level of detail: every label when few nodes are in view, only the largest when many
// are, as many as the screen has room for. Labels keep a readable size on screen however far the
// view is zoomed out (the large drawing paints them in screen space; Cytoscape's are scaled here).
// Only a bounded number of nodes ever carries a label, so updating them is cheap at any graph
// size. Both drawings choose with `chooseLabelled` and `labelBudget`.
import type { Core, NodeCollection, NodeSingular } from 'cytoscape';

/** Labels' font size on screen (and in pictures), in px. */
export const LABEL_PX = 11;
/** Cytoscape's label text at zoom 1, in graph units; `scaleLabels` divides it by a smaller zoom. */
export const LABEL_TEXT = { fontSize: LABEL_PX, marginY: 4, maxWidth: 150, outline: 2 };

/** Screen area per label, in px²: a label is about 100 × 15 px, and eight times that keeps a dense core readable. */
const AREA_PER_LABEL = 12_000;

/** How many labels a drawing of this size on screen shows at most. */
export function labelBudget(width: number, height: number): number {
  return Math.max(12, Math.min(150, Math.round((width * height) / AREA_PER_LABEL)));
}

/** Of the nodes in view, those to label: all of them if they fit the budget, else the largest. */
export function chooseLabelled<T>(inView: T[], size: (n: T) => number, budget: number): T[] {
  if (inView.length <= budget) return inView;
  // The largest, largest first and equals in view order (as a stable sort would give), in one
  // pass: sorting 5,000 nodes to keep 40 took 10–20 ms of a filter's redraw.
  const top: T[] = [];
  const sizes: number[] = [];
  for (const n of inView) {
    const s = size(n);
    if (top.length === budget && s <= sizes[budget - 1]!) continue;
    let i = top.length;
    while (i > 0 && sizes[i - 1]! < s) i--;
    top.splice(i, 0, n);
    sizes.splice(i, 0, s);
    if (top.length > budget) {
      top.pop();
      sizes.pop();
    }
  }
  return top;
}

export function updateLabels(cy: Core): void {
  const ext = cy.extent();
  const inView: NodeSingular[] = [];
  cy.nodes().forEach((n) => {
    if (n.hasClass('group')) return;
    const p = n.position();
    if (p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2) inView.push(n);
  });
  const chosen = chooseLabelled(inView, (n) => n.data('size') as number, labelBudget(cy.width(), cy.height()));
  const want = new Set(chosen.map((n) => n.id()));
  cy.batch(() => {
    cy.nodes('.labelled').forEach((n) => {
      if (!want.has(n.id())) n.removeClass('labelled').removeStyle(SCALED);
    });
    for (const n of chosen) n.addClass('labelled');
    scaleLabels(cy, cy.nodes('.labelled, :selected, .path'));
  });
}

const SCALED = 'font-size text-margin-y text-max-width text-outline-width';

/**
 * Gives labelled nodes text that is LABEL_PX on screen when the view is zoomed out (Cytoscape draws
 * text in the graph's units, so at a fitted zoom of 0.4 it would be 4 px); zoomed in, it grows
 * with the graph as before. Set on each node, since the stylesheet cannot depend on the zoom.
 */
export function scaleLabels(cy: Core, nodes: NodeCollection | NodeSingular): void {
  const k = 1 / Math.min(1, Math.max(cy.zoom(), 0.05));
  if (k === 1) {
    nodes.removeStyle(SCALED);
    return;
  }
  const t = LABEL_TEXT;
  nodes.style({
    'font-size': t.fontSize * k,
    'text-margin-y': t.marginY * k,
    'text-max-width': `${t.maxWidth * k}px`,
    'text-outline-width': t.outline * k,
  });
}
