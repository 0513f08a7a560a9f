// The drawing on screen, for the few features that read it (image export, positions for saved
// views and layout-carrying exports, the toolbar's zoom). GraphCanvas owns it; others only use it.
import type { Remembered } from './applySlice';
import type { Drawing } from './drawing';

let current: Drawing | null = null;
let remembered: Remembered | null = null;
/** Whether a layout is computing: cose computes in a worker, so until it lands the drawing shows where nodes were before it. */
let arranging = false;

export function setDrawing(d: Drawing | null, positions: Remembered | null = null): void {
  current = d;
  remembered = positions;
}

/**
 * Puts a node that is about to arrive (one just added) where the person is looking: beside `near`
 * when it is drawn (the partnership or event it joins), else in the middle of the view. The
 * drawing then finds it placed, so no layout runs and nothing else moves.
 */
export function placeNewNode(id: string, near: string | null): void {
  if (!current || !remembered) return;
  const angle = Math.random() * 2 * Math.PI;
  const at = near ? current.positions()[near] : undefined;
  if (at) {
    remembered.set(id, { x: at.x + 60 * Math.cos(angle), y: at.y + 60 * Math.sin(angle) });
    return;
  }
  // project() is affine (model to screen), so its inverse follows from three points.
  const o = current.project(0, 0);
  const ux = current.project(1, 0);
  const uy = current.project(0, 1);
  const scale = Math.hypot(ux.x - o.x, ux.y - o.y) || 1;
  const box = document.querySelector<HTMLElement>('[data-testid="graph"]');
  const cx = ((box?.clientWidth ?? 0) / 2 - o.x) / scale;
  const cy = ((box?.clientHeight ?? 0) / 2 - o.y) / (Math.hypot(uy.x - o.x, uy.y - o.y) || 1);
  remembered.set(id, { x: cx + (20 / scale) * Math.cos(angle), y: cy + (20 / scale) * Math.sin(angle) });
}

export function currentDrawing(): Drawing | null {
  return current;
}

export function drawnPositions(): Record<string, { x: number; y: number }> {
  return current?.positions() ?? {};
}

export function setArranging(on: boolean): void {
  arranging = on;
}

/** The positions on screen once no layout is computing, else null (they are not an arrangement yet). */
export function settledPositions(): Record<string, { x: number; y: number }> | null {
  return arranging ? null : drawnPositions();
}
