// What a picture of the drawing carries around it: a title above, the legend beside the drawing
// (or below a wide one), a caption below. The canvas is extended for them, so nothing covers the
// drawing. Laid out once in the drawing's own units (a function of the drawing's size and the
// text), then painted on a 2D canvas for PNG or written as SVG text and shapes, for either
// drawing (image.ts for Cytoscape's, graph/large/picture.ts for the large one).
import type { LegendItem, LegendModel } from '../legend/legend-model';

export interface FrameContent {
  title: string;
  caption: string;
  /** Null: no legend. */
  legend: LegendModel | null;
}

export interface PictureOptions {
  /** Pixels per unit of the drawing: 1×, 2× for high-density screens, more for posters (capped). */
  scale: number;
  frame: FrameContent;
}

/** The page's colours the frame is painted in (theme.ts reads them from the stylesheet). */
export interface FrameColours {
  background: string;
  text: string;
  muted: string;
  line: string;
}

/** A text's advance at a CSS font. */
export type Measure = (text: string, font: string) => number;

interface Text {
  x: number;
  /** The baseline. */
  y: number;
  text: string;
  size: number;
  bold: boolean;
  muted: boolean;
  absent: boolean;
}

interface Key {
  /** Its centre. */
  x: number;
  y: number;
  size: number;
  item: LegendItem;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FrameLayout {
  width: number;
  height: number;
  /** Where the drawing goes, at its own size. */
  drawing: Box;
  legend: Box | null;
  texts: Text[];
  keys: Key[];
  /** Text size is in this many drawing units per CSS pixel (see `unitOf`). */
  unit: number;
}

const FONT_FAMILY = 'system-ui, "Noto Sans", "DejaVu Sans", sans-serif';
const fontOf = (size: number, bold: boolean) => `${bold ? '600 ' : ''}${round2(size)}px ${FONT_FAMILY}`;
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Text is sized for the picture seen whole: a drawing 1,000 units across (or less) gets 13 px
 * legend text at 1×, a larger one proportionally larger, so that fitted to a page or a screen its
 * legend reads like the window's.
 */
function unitOf(width: number, height: number): number {
  return Math.min(12, Math.max(1, Math.max(width, height) / 1000));
}

/** Greedy line breaking at spaces; a word wider than the line (Chinese has no spaces) breaks between characters. */
export function wrap(text: string, width: number, measure: (t: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/(?<=\s)/)) {
      if (measure((line + word).trimEnd()) <= width) {
        line += word;
        continue;
      }
      if (line) lines.push(line.trimEnd());
      line = '';
      if (measure(word.trimEnd()) <= width) {
        line = word;
        continue;
      }
      for (const ch of word) {
        if (line && measure((line + ch).trimEnd()) > width) {
          lines.push(line.trimEnd());
          line = '';
        }
        line += ch;
      }
    }
    if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  }
  return lines;
}

const hasLegend = (l: LegendModel | null): l is LegendModel => !!l && (l.sections.length > 0 || l.notes.length > 0);

/** The frame around a drawing of `dw` × `dh` units, or null when there is nothing to add to it. */
export function frameLayout(content: FrameContent, dw: number, dh: number, measure: Measure): FrameLayout | null {
  const title = content.title.trim();
  const caption = content.caption.trim();
  const legend = hasLegend(content.legend) ? content.legend : null;
  if (!title && !caption && !legend) return null;
  const u = unitOf(dw, dh);
  const margin = 24 * u;
  const textSize = 13 * u;
  const row = 20 * u;
  const swatch = 12 * u;
  const gap = 8 * u;
  const texts: Text[] = [];
  const keys: Key[] = [];
  const m = (size: number, bold: boolean) => (t: string) => measure(t, fontOf(size, bold));
  const baseline = (top: number, height: number, size: number) => top + (height + size * 0.7) / 2;
  const labelWidth = 240 * u;

  // The legend as blocks: each section (heading, then a key per item), then the notes.
  interface Block {
    width: number;
    height: number;
    place(x: number, y: number): void;
  }
  const blocks: Block[] = [];
  for (const s of legend?.sections ?? []) {
    const items = s.items.map((item) => ({ item, lines: wrap(item.label, labelWidth, m(textSize, false)) }));
    const keyWidth = (item: LegendItem) => (item.shape === 'line' || item.shape === 'dashed' ? 22 * u : swatch);
    let width = m(textSize, true)(s.title);
    let height = row;
    for (const { item, lines } of items) {
      width = Math.max(width, keyWidth(item) + gap + Math.max(...lines.map(m(textSize, false))));
      height += lines.length * row;
    }
    blocks.push({
      width,
      height,
      place(x, y) {
        texts.push({ x, y: baseline(y, row, textSize), text: s.title, size: textSize, bold: true, muted: false, absent: false });
        let top = y + row;
        for (const { item, lines } of items) {
          const kw = keyWidth(item);
          keys.push({ x: x + kw / 2, y: top + row / 2, size: item.shape === 'line' || item.shape === 'dashed' ? kw : swatch, item });
          lines.forEach((line, i) =>
            texts.push({
              x: x + kw + gap,
              y: baseline(top + i * row, row, textSize),
              text: line,
              size: textSize,
              bold: false,
              muted: false,
              absent: !!item.absent,
            }),
          );
          top += lines.length * row;
        }
      },
    });
  }

  // Beside a drawing that is about as tall as it is wide (or taller), below a wide one.
  const beside = dw < dh * 1.4;
  const noteWidth = beside ? Math.max(200 * u, ...blocks.map((b) => b.width)) : Math.max(Math.min(dw, 560 * u), 320 * u);
  if (legend?.notes.length) {
    const noteRow = 18 * u;
    const lines = legend.notes.flatMap((n) => wrap(n, noteWidth, m(textSize, false)));
    blocks.push({
      width: Math.max(...lines.map(m(textSize, false))),
      height: lines.length * noteRow + 4 * u,
      place(x, y) {
        lines.forEach((line, i) =>
          texts.push({
            x,
            y: baseline(y + 4 * u + i * noteRow, noteRow, textSize),
            text: line,
            size: textSize,
            bold: false,
            muted: true,
            absent: false,
          }),
        );
      },
    });
  }

  // Legend blocks: one column beside, rows of columns below (wrapping at the drawing's width).
  let legendW = 0;
  let legendH = 0;
  const placed: { block: Block; x: number; y: number }[] = [];
  if (beside) {
    for (const b of blocks) {
      placed.push({ block: b, x: 0, y: legendH });
      legendH += b.height + 16 * u;
      legendW = Math.max(legendW, b.width);
    }
    legendH = Math.max(0, legendH - 16 * u);
  } else {
    const across = Math.max(dw, 480 * u);
    const spacing = 36 * u;
    let x = 0;
    let y = 0;
    let rowH = 0;
    for (const b of blocks) {
      if (x > 0 && x + b.width > across) {
        y += rowH + 16 * u;
        x = 0;
        rowH = 0;
      }
      placed.push({ block: b, x, y });
      x += b.width + spacing;
      rowH = Math.max(rowH, b.height);
      legendW = Math.max(legendW, x - spacing);
    }
    legendH = y + rowH;
  }

  // The whole: margins, title, drawing and legend, caption.
  const inner = beside ? dw + (blocks.length ? margin + legendW : 0) : Math.max(dw, legendW);
  const titleSize = 22 * u;
  const titleRow = 28 * u;
  const captionRow = 18 * u;
  // Title and caption wrap at the drawing's width, and at least at a readable measure.
  const textWidth = Math.max(inner, 420 * u);
  const titleLines = title ? wrap(title, textWidth, m(titleSize, true)) : [];
  const captionLines = caption ? wrap(caption, textWidth, m(textSize, false)) : [];
  const width = 2 * margin + Math.max(inner, ...titleLines.map(m(titleSize, true)), ...captionLines.map(m(textSize, false)));
  let y = margin;
  titleLines.forEach((line, i) =>
    texts.push({
      x: margin,
      y: baseline(y + i * titleRow, titleRow, titleSize),
      text: line,
      size: titleSize,
      bold: true,
      muted: false,
      absent: false,
    }),
  );
  if (titleLines.length) y += titleLines.length * titleRow + 12 * u;
  const bodyW = width - 2 * margin;
  const drawing: Box = beside
    ? { x: margin, y, width: dw, height: dh }
    : { x: margin + Math.max(0, (bodyW - dw) / 2), y, width: dw, height: dh };
  let legendBox: Box | null = null;
  if (blocks.length) {
    legendBox = beside
      ? { x: margin + dw + margin, y: y + Math.max(0, (dh - legendH) / 2), width: legendW, height: legendH }
      : { x: margin, y: y + dh + margin, width: legendW, height: legendH };
    for (const p of placed) p.block.place(legendBox.x + p.x, legendBox.y + p.y);
  }
  y = beside ? y + Math.max(dh, legendH) : y + dh + (blocks.length ? margin + legendH : 0);
  if (captionLines.length) {
    y += 16 * u;
    captionLines.forEach((line, i) =>
      texts.push({
        x: margin,
        y: baseline(y + i * captionRow, captionRow, textSize),
        text: line,
        size: textSize,
        bold: false,
        muted: true,
        absent: false,
      }),
    );
    y += captionLines.length * captionRow;
  }
  return { width, height: y + margin, drawing, legend: legendBox, texts, keys, unit: u };
}

/** A canvas-backed measure (one context, made at the first call: most pictures have no frame to measure). */
export function canvasMeasure(): Measure {
  let ctx: CanvasRenderingContext2D | null = null;
  return (text, font) => {
    ctx ??= document.createElement('canvas').getContext('2d')!;
    ctx.font = font;
    return ctx.measureText(text).width;
  };
}

const ABSENT_OPACITY = 0.4;

/** Paints the frame (background, texts and keys; not the drawing) at `scale` pixels per unit. */
export function paintFrame(ctx: CanvasRenderingContext2D, f: FrameLayout, colours: FrameColours, scale: number): void {
  ctx.save();
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = colours.background;
  ctx.fillRect(0, 0, f.width, f.height);
  for (const k of f.keys) {
    ctx.globalAlpha = k.item.absent ? ABSENT_OPACITY : 1;
    ctx.fillStyle = k.item.colour;
    ctx.strokeStyle = k.item.colour;
    const r = k.size / 2;
    ctx.beginPath();
    switch (k.item.shape ?? 'disc') {
      case 'disc':
        ctx.arc(k.x, k.y, r, 0, 2 * Math.PI);
        ctx.fill();
        break;
      case 'diamond':
        ctx.moveTo(k.x, k.y - r);
        ctx.lineTo(k.x + r, k.y);
        ctx.lineTo(k.x, k.y + r);
        ctx.lineTo(k.x - r, k.y);
        ctx.closePath();
        ctx.fill();
        break;
      case 'square':
        ctx.fillRect(k.x - r * 0.85, k.y - r * 0.85, r * 1.7, r * 1.7);
        break;
      case 'line':
        ctx.fillRect(k.x - r, k.y - 2 * f.unit, k.size, 4 * f.unit);
        break;
      case 'dashed':
        for (const [x0, x1] of dashes(k, f.unit)) ctx.fillRect(x0, k.y - 1.5 * f.unit, x1 - x0, 3 * f.unit);
        break;
    }
  }
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  for (const t of f.texts) {
    ctx.globalAlpha = t.absent ? ABSENT_OPACITY : 1;
    ctx.font = fontOf(t.size, t.bold);
    ctx.fillStyle = t.muted ? colours.muted : colours.text;
    ctx.fillText(t.text, t.x, t.y);
  }
  ctx.restore();
}

/** A dashed key's dashes (a relation's line), as x ranges. */
function dashes(k: Key, unit: number): [number, number][] {
  const out: [number, number][] = [];
  for (let x = k.x - k.size / 2; x < k.x + k.size / 2; x += 8 * unit) out.push([x, Math.min(x + 5 * unit, k.x + k.size / 2)]);
  return out;
}

// XML 1.0 allows neither C0 controls (but tab, newline, return) nor lone surrogates nor U+FFFE/U+FFFF.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text or an attribute value for SVG: escaped, and without what XML cannot hold. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const r2 = round2;

/**
 * The frame as SVG around `drawing`, an SVG element (with its own width and height) of the drawing
 * at 1×; `scale` sets the picture's width and height, not its units.
 */
export function svgFrame(f: FrameLayout, colours: FrameColours, drawing: string, scale: number): string {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${r2(f.width * scale)}" height="${r2(f.height * scale)}" viewBox="0 0 ${r2(f.width)} ${r2(f.height)}">`,
    `<rect x="0" y="0" width="${r2(f.width)}" height="${r2(f.height)}" fill="${xmlText(colours.background)}"/>`,
    `<g transform="translate(${r2(f.drawing.x)} ${r2(f.drawing.y)})">`,
    drawing,
    '</g>',
    '<g class="legend-keys">',
  ];
  for (const k of f.keys) {
    const fill = xmlText(k.item.colour);
    const op = k.item.absent ? ` opacity="${ABSENT_OPACITY}"` : '';
    const r = k.size / 2;
    switch (k.item.shape ?? 'disc') {
      case 'disc':
        parts.push(`<circle cx="${r2(k.x)}" cy="${r2(k.y)}" r="${r2(r)}" fill="${fill}"${op}/>`);
        break;
      case 'diamond':
        parts.push(`<polygon points="${[k.x, k.y - r, k.x + r, k.y, k.x, k.y + r, k.x - r, k.y].map(r2).join(' ')}" fill="${fill}"${op}/>`);
        break;
      case 'square':
        parts.push(
          `<rect x="${r2(k.x - r * 0.85)}" y="${r2(k.y - r * 0.85)}" width="${r2(r * 1.7)}" height="${r2(r * 1.7)}" fill="${fill}"${op}/>`,
        );
        break;
      case 'line':
        parts.push(
          `<rect x="${r2(k.x - r)}" y="${r2(k.y - 2 * f.unit)}" width="${r2(k.size)}" height="${r2(4 * f.unit)}" fill="${fill}"${op}/>`,
        );
        break;
      case 'dashed':
        for (const [x0, x1] of dashes(k, f.unit))
          parts.push(
            `<rect x="${r2(x0)}" y="${r2(k.y - 1.5 * f.unit)}" width="${r2(x1 - x0)}" height="${r2(3 * f.unit)}" fill="${fill}"${op}/>`,
          );
        break;
    }
  }
  parts.push(`</g><g class="legend-text" font-family="${xmlText(FONT_FAMILY)}">`);
  for (const t of f.texts) {
    const weight = t.bold ? ' font-weight="600"' : '';
    const op = t.absent ? ` opacity="${ABSENT_OPACITY}"` : '';
    const fill = xmlText(t.muted ? colours.muted : colours.text);
    parts.push(`<text x="${r2(t.x)}" y="${r2(t.y)}" font-size="${r2(t.size)}"${weight} fill="${fill}"${op}>${xmlText(t.text)}</text>`);
  }
  parts.push('</g></svg>');
  return parts.join('\n');
}
