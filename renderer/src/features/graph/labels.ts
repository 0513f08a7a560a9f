// Labels by level of detail: every label when few nodes are in view, only the largest when many
// are, as many as the screen has room for. Labels keep a readable size on screen however far the
// view is zoomed out (the large drawing paints them in screen space; Cytoscape's are scaled here).
// Only a bounded number of nodes ever carries a label, so updating them is cheap at any graph
// size. Both drawings choose with `chooseLabelled`, `labelBudget` and `withoutOverlaps`: the
// largest first, skipping any whose label would cover one already shown, after the selected and
// path nodes' labels, which are always shown and drawn on top. Long names are shortened on the
// graph (`shortLabel`); details and the hover tooltip show them whole.
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

/** Labels longer than this many characters are shortened on the graph, with an ellipsis. */
const LABEL_CHARS = 30;

/** A label as the graph shows it: whole up to LABEL_CHARS, else cut at a word and ended with "…". */
export function shortLabel(text: string): string {
  if (text.length <= LABEL_CHARS) return text;
  const cut = text.slice(0, LABEL_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > LABEL_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const meets = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * Of `ranked` (most wanted first), up to `budget` whose label box meets neither a box in
 * `reserved` (labels always shown) nor one chosen before it. Boxes are looked up in a grid of
 * cells, so a few hundred candidates cost a few hundred lookups.
 */
export function withoutOverlaps<T>(ranked: T[], box: (n: T) => Rect, reserved: Rect[], budget: number): T[] {
  const CELL = 64;
  const cells = new Map<number, Rect[]>();
  const keys = (r: Rect, fn: (k: number) => boolean | void): boolean => {
    for (let cx = Math.floor(r.x1 / CELL), x2 = Math.floor(r.x2 / CELL); cx <= x2; cx++)
      for (let cy = Math.floor(r.y1 / CELL), y2 = Math.floor(r.y2 / CELL); cy <= y2; cy++) if (fn(cx * 100_003 + cy)) return true;
    return false;
  };
  const add = (r: Rect) => keys(r, (k) => void (cells.get(k) ?? cells.set(k, []).get(k)!).push(r));
  const taken = (r: Rect) => keys(r, (k) => (cells.get(k) ?? []).some((o) => meets(o, r)));
  reserved.forEach(add);
  const out: T[] = [];
  for (const n of ranked) {
    if (out.length >= budget) break;
    const r = box(n);
    if (taken(r)) continue;
    add(r);
    out.push(n);
  }
  return out;
}

/** Width of a character of the 11 px labels, on average and a little over (system-ui is about 0.53 em), in px. */
const CHAR_PX = 0.58 * LABEL_PX;

/**
 * Where a Cytoscape node's label is drawn, in rendered px, estimated from its text (measuring
 * every candidate's text in Cytoscape would style it first): under the node, or on it for a group.
 */
function labelBox(n: NodeSingular, zoom: number): Rect {
  const k = Math.max(1, zoom); // below zoom 1 labels keep LABEL_PX on screen (scaleLabels)
  const p = n.renderedPosition();
  const text = String(n.data('label') ?? '');
  if (n.hasClass('group')) {
    const box = textBox(text, p.x, 0, LABEL_TEXT.maxWidth * k, k);
    const half = (box.y2 - box.y1) / 2;
    return { ...box, y1: p.y - half, y2: p.y + half };
  }
  const radius = (((n.data('size') as number | undefined) ?? 20) * zoom) / 2;
  return textBox(text, p.x, p.y + radius + LABEL_TEXT.marginY * k, LABEL_TEXT.maxWidth * k, k);
}

/**
 * The box a label's text takes on screen, centred on `cx` from `top`, wrapped at `maxWidth`,
 * lines split at newlines, estimated from its characters at `scale` × LABEL_PX.
 */
export function textBox(text: string, cx: number, top: number, maxWidth: number, scale = 1): Rect {
  let width = 0;
  let rows = 0;
  for (const line of text.split('\n')) {
    const w = line.length * CHAR_PX * scale;
    width = Math.max(width, Math.min(w, maxWidth));
    rows += Math.max(1, Math.ceil(w / maxWidth));
  }
  const height = rows * LABEL_PX * 1.3 * scale;
  return { x1: cx - width / 2 - 3, x2: cx + width / 2 + 3, y1: top - 2, y2: top + height + 2 };
}

export function updateLabels(cy: Core): void {
  const ext = cy.extent();
  const inView: NodeSingular[] = [];
  cy.nodes().forEach((n) => {
    const p = n.position();
    if (p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2) inView.push(n);
  });
  const budget = labelBudget(cy.width(), cy.height());
  const zoom = cy.zoom();
  const always = cy.nodes(':selected, .path');
  const reserved = always.map((n) => labelBox(n, zoom));
  // Three times the budget as candidates, so that those dropped for overlapping leave room for others.
  const candidates = chooseLabelled(
    inView.filter((n) => !always.has(n)),
    (n) => n.data('size') as number,
    budget * 3,
  );
  const chosen = withoutOverlaps(candidates, (n) => labelBox(n, zoom), reserved, budget);
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
