// What every picture of the drawing shares, with no drawing library loaded: how large a canvas
// browsers will allocate (beyond it they silently give a blank image).

/** Chromium refuses canvases over 16,384 px a side or ~268 M pixels; stay well inside. */
export const MAX_SIDE = 16000;
export const MAX_AREA = 200_000_000;

/** The scale nearest `wanted` at which a picture of w × h (graph units) fits what browsers allocate. */
export function fitScale(w: number, h: number, wanted: number, least: number): number {
  w = Math.max(1, w);
  h = Math.max(1, h);
  return Math.max(least, Math.min(wanted, MAX_SIDE / w, MAX_SIDE / h, Math.sqrt(MAX_AREA / (w * h))));
}
