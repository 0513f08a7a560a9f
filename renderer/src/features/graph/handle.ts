// The one Cytoscape instance, for the few features that read the drawing itself (image export,
// node positions for a layout-carrying export). GraphCanvas owns it; others only read.
import type { Core } from 'cytoscape';

let current: Core | null = null;

export function setGraph(cy: Core | null): void {
  current = cy;
}

export function drawnGraph(): Core | null {
  return current;
}

export function drawnPositions(): Record<string, { x: number; y: number }> {
  const out: Record<string, { x: number; y: number }> = {};
  current?.nodes().forEach((n) => {
    const p = n.position();
    out[n.id()] = { x: Math.round(p.x * 100) / 100, y: Math.round(p.y * 100) / 100 };
  });
  return out;
}
