// Pictures of the drawing: PNG at a chosen scale (capped so the canvas stays within what browsers
// can allocate, which otherwise silently yields a blank image), and SVG for print.
import type { Core } from 'cytoscape';
import cytoscape from 'cytoscape';
import svg from 'cytoscape-svg';
import { backgroundColour } from '../graph/theme';
import { fitScale } from './picture-limits';

cytoscape.use(svg);

function pngScale(cy: Core, wanted: number): number {
  const box = cy.elements().boundingBox();
  return fitScale(box.w, box.h, wanted, 0.1);
}

/** The PNG's size in pixels at `wanted` (as capped); Cytoscape may round its bounds a little otherwise. */
export function pngSize(cy: Core, wanted: number): { width: number; height: number } {
  const box = cy.elements().boundingBox();
  const s = fitScale(box.w, box.h, wanted, 0.1);
  return { width: Math.max(1, Math.round(box.w * s)), height: Math.max(1, Math.round(box.h * s)) };
}

export function pngBlob(cy: Core, scale: number): Blob {
  return cy.png({ output: 'blob', full: true, scale: pngScale(cy, scale), bg: backgroundColour() }) as unknown as Blob;
}

export function svgBlob(cy: Core): Blob {
  const text = (cy as unknown as { svg(o: object): string }).svg({ full: true, bg: backgroundColour() });
  return new Blob([text], { type: 'image/svg+xml' });
}
