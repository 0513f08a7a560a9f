// Pictures of the drawing: PNG at a chosen scale (capped so the canvas stays within what browsers
// can allocate, which otherwise silently yields a blank image), and SVG for print.
import type { Core } from 'cytoscape';
import cytoscape from 'cytoscape';
import svg from 'cytoscape-svg';

cytoscape.use(svg);

/** Chromium refuses canvases over 16,384 px a side or ~268 M pixels; stay well inside. */
export const MAX_SIDE = 16000;
export const MAX_AREA = 200_000_000;

export function pngScale(cy: Core, wanted: number): number {
  const box = cy.elements().boundingBox();
  const w = Math.max(1, box.w);
  const h = Math.max(1, box.h);
  return Math.max(0.1, Math.min(wanted, MAX_SIDE / w, MAX_SIDE / h, Math.sqrt(MAX_AREA / (w * h))));
}

export function backgroundColour(): string {
  return getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';
}

export function pngBlob(cy: Core, scale: number): Blob {
  return cy.png({ output: 'blob', full: true, scale: pngScale(cy, scale), bg: backgroundColour() }) as unknown as Blob;
}

export function svgBlob(cy: Core): Blob {
  const text = (cy as unknown as { svg(o: object): string }).svg({ full: true, bg: backgroundColour() });
  return new Blob([text], { type: 'image/svg+xml' });
}
