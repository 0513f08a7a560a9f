// The large drawing as a picture (PNG at a chosen scale, SVG), drawn from the model rather than
// read back from the screen's canvas: the whole network at any resolution, not just what is in
// view; with its title, legend and caption around it (interchange/picture-frame.ts) when asked.
import { LABEL_PX } from '../labels';
import {
  canvasMeasure,
  frameLayout,
  paintFrame,
  svgFrame,
  xmlText,
  type FrameLayout,
  type PictureOptions,
} from '../../interchange/picture-frame';
import { fitScale } from '../../interchange/picture-limits';
import { backgroundColour, EDGE_OPACITY, frameColours, NO_COLOUR, type Theme } from '../theme';
import type { Model } from './model';
import { arrowhead, arrowSize, LABEL_LINE, labelLines, RELATION_DASH, shapeOf, svgNode, traceNode, type Shape } from './shapes';

interface Picture {
  x0: number;
  y0: number;
  width: number;
  height: number;
  background: string;
  text: string;
  halo: string;
  /** x1 y1 x2 y2 per edge, with its width and colour; a direct relation is dashed, with its arrowhead. */
  edges: { x1: number; y1: number; x2: number; y2: number; width: number; colour: string; head: number[] | null }[];
  /** Labels already broken into lines. */
  nodes: { x: number; y: number; r: number; shape: Shape; colour: string; label: string[] | null }[];
}

/** Label widths as the 11 px labels measure, for wrapping them the same way in either picture. */
function labelMeasure(): (text: string) => number {
  const ctx = document.createElement('canvas').getContext('2d')!;
  ctx.font = LABEL_FONT;
  return (text) => ctx.measureText(text).width;
}
const LABEL_FONT = `${LABEL_PX}px system-ui, sans-serif`;

const PAD = 40;

export function pictureOf(model: Model, labelled: ReadonlySet<string>, theme: Pick<Theme, 'text' | 'halo' | 'edge'>): Picture {
  const nodes: Picture['nodes'] = [];
  const measure = labelMeasure();
  for (const n of model.nodes.values()) {
    const label = labelled.has(n.key) ? labelLines(measure, String(n.d.label ?? '')) : null;
    nodes.push({ x: n.x, y: n.y, r: n.width() / 2, shape: shapeOf(n.kind), colour: String(n.d.colour ?? NO_COLOUR), label });
  }
  const edges: Picture['edges'] = [];
  for (const e of model.edges.values()) {
    const { s, t } = e;
    if (!s || !t) continue;
    const width = Number(e.d.width) || 1.5;
    const head = e.dashed ? arrowhead(s.x, s.y, t.x, t.y, t.width() / 2, arrowSize(width)) : null;
    edges.push({ x1: s.x, y1: s.y, x2: t.x, y2: t.y, width, colour: e.colour ?? theme.edge, head });
  }
  return {
    ...pictureBounds(model),
    background: backgroundColour(),
    text: theme.text,
    halo: theme.halo,
    edges,
    nodes,
  };
}

/** The picture's bounds in graph units: every node, and a margin for labels. */
export function pictureBounds(model: Model): { x0: number; y0: number; width: number; height: number } {
  const { x1, y1, x2, y2 } = model.extent() ?? { x1: 0, y1: 0, x2: 0, y2: 0 };
  return { x0: x1 - PAD, y0: y1 - PAD, width: x2 - x1 + 2 * PAD, height: y2 - y1 + 2 * PAD };
}

function framed(
  bounds: { width: number; height: number },
  o: PictureOptions,
): { frame: FrameLayout | null; scale: number; width: number; height: number } {
  const frame = frameLayout(o.frame, bounds.width, bounds.height, canvasMeasure());
  const w = frame ? frame.width : bounds.width;
  const h = frame ? frame.height : bounds.height;
  const scale = fitScale(w, h, o.scale, 0.05);
  return { frame, scale, width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

/** The PNG's size in pixels (as capped). */
export function pngSizeOf(bounds: { width: number; height: number }, o: PictureOptions): { width: number; height: number } {
  const { width, height } = framed(bounds, o);
  return { width, height };
}

export async function pngOf(p: Picture, o: PictureOptions): Promise<Blob> {
  const { frame, scale, width, height } = framed(p, o);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  // The drawing's origin, on a whole pixel: it is painted exactly as it would be alone.
  let ox = 0;
  let oy = 0;
  if (frame) {
    paintFrame(ctx, frame, frameColours(), scale);
    ox = Math.round(frame.drawing.x * scale);
    oy = Math.round(frame.drawing.y * scale);
  }
  ctx.fillStyle = p.background;
  const dw = frame ? Math.max(1, Math.round(p.width * scale)) : width;
  const dh = frame ? Math.max(1, Math.round(p.height * scale)) : height;
  ctx.fillRect(ox, oy, dw, dh);
  ctx.save();
  ctx.beginPath();
  ctx.rect(ox, oy, dw, dh);
  ctx.clip();
  ctx.setTransform(scale, 0, 0, scale, ox - p.x0 * scale, oy - p.y0 * scale);
  ctx.globalAlpha = EDGE_OPACITY;
  for (const e of p.edges) {
    ctx.strokeStyle = e.colour;
    ctx.lineWidth = e.width;
    ctx.setLineDash(e.head ? RELATION_DASH : []);
    ctx.beginPath();
    ctx.moveTo(e.x1, e.y1);
    ctx.lineTo(e.x2, e.y2);
    ctx.stroke();
    if (e.head) {
      ctx.fillStyle = e.colour;
      ctx.beginPath();
      ctx.moveTo(e.head[0]!, e.head[1]!);
      ctx.lineTo(e.head[2]!, e.head[3]!);
      ctx.lineTo(e.head[4]!, e.head[5]!);
      ctx.fill();
    }
  }
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
  ctx.lineWidth = 1;
  ctx.strokeStyle = p.halo;
  for (const n of p.nodes) {
    ctx.fillStyle = n.colour;
    ctx.beginPath();
    traceNode(ctx, n.shape, n.x, n.y, n.r);
    ctx.fill();
    ctx.stroke();
  }
  ctx.font = LABEL_FONT;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.lineWidth = 3;
  for (const n of p.nodes) {
    (n.label ?? []).forEach((line, i) => {
      const y = n.y + n.r + 4 + i * LABEL_LINE;
      ctx.strokeStyle = p.halo;
      ctx.strokeText(line, n.x, y);
      ctx.fillStyle = p.text;
      ctx.fillText(line, n.x, y);
    });
  }
  ctx.restore();
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The picture could not be made'))), 'image/png'),
  );
}

const esc = xmlText;
const r2 = (x: number) => Math.round(x * 100) / 100;

export function svgOf(p: Picture, o: PictureOptions): Blob {
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${r2(p.width)}" height="${r2(p.height)}" viewBox="${r2(p.x0)} ${r2(p.y0)} ${r2(p.width)} ${r2(p.height)}">`,
    `<rect x="${r2(p.x0)}" y="${r2(p.y0)}" width="${r2(p.width)}" height="${r2(p.height)}" fill="${esc(p.background)}"/>`,
    `<g stroke-opacity="${EDGE_OPACITY}" stroke-linecap="round">`,
  ];
  for (const e of p.edges) {
    const dash = e.head ? ` stroke-dasharray="${RELATION_DASH.join(' ')}"` : '';
    parts.push(
      `<line x1="${r2(e.x1)}" y1="${r2(e.y1)}" x2="${r2(e.x2)}" y2="${r2(e.y2)}" stroke="${esc(e.colour)}" stroke-width="${e.width}"${dash}/>`,
    );
    if (e.head) parts.push(`<polygon points="${e.head.map(r2).join(' ')}" fill="${esc(e.colour)}" stroke="none"/>`);
  }
  parts.push(`</g><g stroke="${esc(p.halo)}" stroke-width="1">`);
  for (const n of p.nodes) parts.push(svgNode(n.shape, r2(n.x), r2(n.y), r2(n.r), esc(n.colour)));
  parts.push(
    `</g><g font-family="system-ui, sans-serif" font-size="11" text-anchor="middle" fill="${esc(p.text)}" stroke="${esc(p.halo)}" stroke-width="3" paint-order="stroke">`,
  );
  for (const n of p.nodes) {
    (n.label ?? []).forEach((line, i) => parts.push(`<text x="${r2(n.x)}" y="${r2(n.y + n.r + 14 + i * LABEL_LINE)}">${esc(line)}</text>`));
  }
  parts.push('</g></svg>');
  const drawing = parts.join('\n');
  const frame = frameLayout(o.frame, p.width, p.height, canvasMeasure());
  return new Blob([frame ? svgFrame(frame, frameColours(), drawing, 1) : drawing], { type: 'image/svg+xml' });
}
