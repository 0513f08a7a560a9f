// The drawing on screen, for the few features that read it (image export, positions for saved
// views and layout-carrying exports, the toolbar's zoom). GraphCanvas owns it; others only use it.
import type { Drawing } from './drawing';

let current: Drawing | null = null;

export function setDrawing(d: Drawing | null): void {
  current = d;
}

export function currentDrawing(): Drawing | null {
  return current;
}

export function drawnPositions(): Record<string, { x: number; y: number }> {
  return current?.positions() ?? {};
}
