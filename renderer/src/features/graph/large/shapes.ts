// The shapes and label lines of the large drawing, as Cytoscape's stylesheet (style.ts) draws
// them for small drawings and the legend shows them: organisations are discs, partnerships
// diamonds, events squares; direct relations are dashed with an arrowhead at their target;
// labels wrap at 150 px. Used by the painter and by the PNG and SVG pictures alike.

/** What a path can be traced into: a canvas context, or Path2D. */
type Pen = Pick<CanvasRenderingContext2D, 'moveTo' | 'lineTo' | 'arc' | 'rect' | 'closePath'>;

export type Shape = 'disc' | 'diamond' | 'square';

export function shapeOf(kind: string): Shape {
  return kind === 'partnership' ? 'diamond' : kind === 'event' ? 'square' : 'disc';
}

/** Adds the outline of a node of radius `r` at (x, y) to the current path. */
export function traceNode(pen: Pen, shape: Shape, x: number, y: number, r: number): void {
  if (shape === 'diamond') {
    pen.moveTo(x, y - r);
    pen.lineTo(x + r, y);
    pen.lineTo(x, y + r);
    pen.lineTo(x - r, y);
    pen.closePath();
  } else if (shape === 'square') {
    pen.rect(x - r, y - r, 2 * r, 2 * r);
  } else {
    pen.moveTo(x + r, y);
    pen.arc(x, y, r, 0, 2 * Math.PI);
  }
}

/** Whether a point (dx, dy) from a node's centre falls inside its outline of radius `r`. */
export function insideNode(shape: Shape, dx: number, dy: number, r: number): boolean {
  if (shape === 'diamond') return Math.abs(dx) + Math.abs(dy) <= r;
  if (shape === 'square') return Math.max(Math.abs(dx), Math.abs(dy)) <= r;
  return dx * dx + dy * dy <= r * r;
}

/** The same outline as an SVG element. */
export function svgNode(shape: Shape, x: number, y: number, r: number, fill: string): string {
  if (shape === 'diamond') return `<polygon points="${x},${y - r} ${x + r},${y} ${x},${y + r} ${x - r},${y}" fill="${fill}"/>`;
  if (shape === 'square') return `<rect x="${x - r}" y="${y - r}" width="${2 * r}" height="${2 * r}" fill="${fill}"/>`;
  return `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}"/>`;
}

export const RELATION_DASH = [6, 4];

/** How long a relation's arrowhead is, for a tie this wide (model pixels). */
export const arrowSize = (tieWidth: number) => 6 + 1.5 * tieWidth;

/**
 * The arrowhead of a tie from (x1, y1) to a node of radius `r` at (x2, y2): a triangle whose tip
 * touches the node's edge, `size` long. Null when the two are too close to point anywhere.
 */
export function arrowhead(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  r: number,
  size: number,
): [number, number, number, number, number, number] | null {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy);
  if (len <= r + size) return null;
  const ux = dx / len;
  const uy = dy / len;
  const tipX = x2 - ux * r;
  const tipY = y2 - uy * r;
  const baseX = tipX - ux * size;
  const baseY = tipY - uy * size;
  const half = size * 0.55;
  return [tipX, tipY, baseX - uy * half, baseY + ux * half, baseX + uy * half, baseY - ux * half];
}

export const LABEL_WIDTH = 150;
const wrapped = new Map<string, string[]>();

/** A label broken into lines of at most 150 px at word boundaries (a word longer than that stays whole). */
export function labelLines(measure: (text: string) => number, label: string): string[] {
  const known = wrapped.get(label);
  if (known) return known;
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const tried = line ? `${line} ${word}` : word;
    if (line && measure(tried) > LABEL_WIDTH) {
      lines.push(line);
      line = word;
    } else line = tried;
  }
  if (line) lines.push(line);
  // Labels are names and acronyms: few, and the same ones frame after frame.
  if (wrapped.size > 5000) wrapped.clear();
  wrapped.set(label, lines);
  return lines;
}

/** Line height of the 11 px labels. */
export const LABEL_LINE = 13;
