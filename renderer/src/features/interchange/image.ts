// Pictures of the Cytoscape drawing: PNG at a chosen scale (capped so the canvas stays within what
// browsers can allocate, which otherwise silently yields a blank image), and SVG for print; each
// with its title, legend and caption around it (picture-frame.ts) when there are any.
import type { Core } from 'cytoscape';
import cytoscape from 'cytoscape';
import svg from 'cytoscape-svg';
import { backgroundColour, frameColours } from '../graph/theme';
import { canvasMeasure, frameLayout, paintFrame, svgFrame, type FrameLayout, type PictureOptions } from './picture-frame';
import { fitScale } from './picture-limits';

cytoscape.use(svg);

function layoutOf(cy: Core, p: PictureOptions): { box: { w: number; h: number }; frame: FrameLayout | null; scale: number } {
  const box = cy.elements().boundingBox();
  const frame = frameLayout(p.frame, box.w, box.h, canvasMeasure());
  const scale = frame ? fitScale(frame.width, frame.height, p.scale, 0.1) : fitScale(box.w, box.h, p.scale, 0.1);
  return { box, frame, scale };
}

/** The PNG's size in pixels (as capped); Cytoscape may round its bounds a little otherwise. */
export function pngSize(cy: Core, p: PictureOptions): { width: number; height: number } {
  const { box, frame, scale } = layoutOf(cy, p);
  const w = frame ? frame.width : box.w;
  const h = frame ? frame.height : box.h;
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

export async function pngBlob(cy: Core, p: PictureOptions): Promise<Blob> {
  const { frame, scale } = layoutOf(cy, p);
  const drawing = cy.png({ output: 'blob', full: true, scale, bg: backgroundColour() }) as unknown as Blob;
  if (!frame) return drawing;
  const image = await createImageBitmap(drawing);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(frame.width * scale));
  canvas.height = Math.max(1, Math.round(frame.height * scale));
  const ctx = canvas.getContext('2d')!;
  paintFrame(ctx, frame, frameColours(), scale);
  // At its own size, on whole pixels: the drawing in the picture is exactly the drawing alone.
  ctx.drawImage(image, Math.round(frame.drawing.x * scale), Math.round(frame.drawing.y * scale));
  image.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The picture could not be made'))), 'image/png'),
  );
}

export function svgBlob(cy: Core, p: PictureOptions): Blob {
  // Scale 1 always: otherwise cytoscape-svg multiplies by the screen's pixel ratio.
  const text = (cy as unknown as { svg(o: object): string }).svg({ full: true, scale: 1, bg: backgroundColour() });
  const { frame } = layoutOf(cy, p);
  const out = frame ? svgFrame(frame, frameColours(), text.slice(Math.max(0, text.indexOf('<svg'))), 1) : text;
  return new Blob([out], { type: 'image/svg+xml' });
}
