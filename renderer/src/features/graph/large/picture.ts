// The large drawing as a picture (PNG at a chosen scale, SVG), drawn from the model rather than
// read back from WebGL: the whole network at any resolution, not just what the screen shows.
import { backgroundColour, MAX_AREA, MAX_SIDE } from '../../interchange/image';
import type { Model } from './model';

interface Picture {
  x0: number;
  y0: number;
  width: number;
  height: number;
  background: string;
  text: string;
  halo: string;
  /** x1 y1 x2 y2 per edge, with its width and colour. */
  edges: { x1: number; y1: number; x2: number; y2: number; width: number; colour: string }[];
  nodes: { x: number; y: number; r: number; colour: string; label: string | null }[];
}

const PAD = 40;

export function pictureOf(model: Model, labelled: ReadonlySet<string>, theme: { text: string; halo: string; edge: string }): Picture {
  const nodes: Picture['nodes'] = [];
  for (const n of model.nodes.values()) {
    nodes.push({ x: n.x, y: n.y, r: n.width() / 2, colour: String(n.d.colour ?? '#888888'), label: labelled.has(n.key) ? String(n.d.label ?? '') : null });
  }
  const { x1, y1, x2, y2 } = model.extent() ?? { x1: 0, y1: 0, x2: 0, y2: 0 };
  const edges: Picture['edges'] = [];
  for (const e of model.edges.values()) {
    const { s, t } = e;
    if (!s || !t) continue;
    edges.push({ x1: s.x, y1: s.y, x2: t.x, y2: t.y, width: Number(e.d.width) || 1.5, colour: e.colour ?? theme.edge });
  }
  return {
    x0: x1 - PAD,
    y0: y1 - PAD,
    width: x2 - x1 + 2 * PAD,
    height: y2 - y1 + 2 * PAD,
    background: backgroundColour(),
    text: theme.text,
    halo: theme.halo,
    edges,
    nodes,
  };
}

export async function pngOf(p: Picture, wanted: number): Promise<Blob> {
  const scale = Math.max(0.05, Math.min(wanted, MAX_SIDE / p.width, MAX_SIDE / p.height, Math.sqrt(MAX_AREA / (p.width * p.height))));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(p.width * scale));
  canvas.height = Math.max(1, Math.round(p.height * scale));
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = p.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(scale, 0, 0, scale, -p.x0 * scale, -p.y0 * scale);
  ctx.globalAlpha = 0.7;
  for (const e of p.edges) {
    ctx.strokeStyle = e.colour;
    ctx.lineWidth = e.width;
    ctx.beginPath();
    ctx.moveTo(e.x1, e.y1);
    ctx.lineTo(e.x2, e.y2);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  ctx.lineWidth = 1;
  ctx.strokeStyle = p.halo;
  for (const n of p.nodes) {
    ctx.fillStyle = n.colour;
    ctx.beginPath();
    ctx.arc(n.x, n.y, n.r, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.lineWidth = 3;
  for (const n of p.nodes) {
    if (!n.label) continue;
    ctx.strokeStyle = p.halo;
    ctx.strokeText(n.label, n.x, n.y + n.r + 4);
    ctx.fillStyle = p.text;
    ctx.fillText(n.label, n.x, n.y + n.r + 4);
  }
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The picture could not be made'))), 'image/png'));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r2 = (x: number) => Math.round(x * 100) / 100;

export function svgOf(p: Picture): Blob {
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${r2(p.width)}" height="${r2(p.height)}" viewBox="${r2(p.x0)} ${r2(p.y0)} ${r2(p.width)} ${r2(p.height)}">`,
    `<rect x="${r2(p.x0)}" y="${r2(p.y0)}" width="${r2(p.width)}" height="${r2(p.height)}" fill="${esc(p.background)}"/>`,
    '<g stroke-opacity="0.7" stroke-linecap="round">',
  ];
  for (const e of p.edges) parts.push(`<line x1="${r2(e.x1)}" y1="${r2(e.y1)}" x2="${r2(e.x2)}" y2="${r2(e.y2)}" stroke="${esc(e.colour)}" stroke-width="${e.width}"/>`);
  parts.push(`</g><g stroke="${esc(p.halo)}" stroke-width="1">`);
  for (const n of p.nodes) parts.push(`<circle cx="${r2(n.x)}" cy="${r2(n.y)}" r="${r2(n.r)}" fill="${esc(n.colour)}"/>`);
  parts.push(`</g><g font-family="system-ui, sans-serif" font-size="11" text-anchor="middle" fill="${esc(p.text)}" stroke="${esc(p.halo)}" stroke-width="3" paint-order="stroke">`);
  for (const n of p.nodes) if (n.label) parts.push(`<text x="${r2(n.x)}" y="${r2(n.y + n.r + 14)}">${esc(n.label)}</text>`);
  parts.push('</g></svg>');
  return new Blob([parts.join('\n')], { type: 'image/svg+xml' });
}
