// Runs one layout on the drawn graph. ForceAtlas2 runs in a worker and is shown as it converges;
// Cytoscape's cose (the Automatic layout of small drawings) runs in a worker of its own and lands
// when done; the others are computed at once (static.ts): their positions can be read as soon as
// runLayout returns, and `done` settles when the drawing has been told (a few tasks later at 5,000
// nodes).
import type { Fa2Limits } from './fa2-protocol';
import { runCose } from './cose';
import { runForceAtlas2 } from './forceatlas2';
import { circle, concentric, grid, grouped, place, preset, type Placed } from './static';
import type { LayoutSurface } from './surface';
import type { LayoutGroup, LayoutProgress, LayoutRequest, LayoutResult, LayoutRun } from './types';

/** The layout running on each graph: one at a time, a new one takes over from it. */
const running = new WeakMap<LayoutSurface, LayoutRun & { cancel(): void }>();

/**
 * Runs a layout on every node drawn. Whatever layout was still running on `drawing` is cancelled first
 * (its positions are not applied). `fa2Limits` changes ForceAtlas2's stopping rules (for tests).
 */
export function runLayout(
  drawing: LayoutSurface,
  req: LayoutRequest,
  onProgress?: LayoutProgress,
  fa2Limits?: Partial<Fa2Limits>,
): LayoutRun {
  cancelLayout(drawing);
  if (req.name !== 'forceatlas2' && req.name !== 'cose') return placeAtOnce(drawing, req);
  const run = req.name === 'cose' ? runCose(drawing) : runForceAtlas2(drawing, onProgress, fa2Limits, req.preventOverlap ?? true);
  running.set(drawing, run);
  const forget = () => {
    if (running.get(drawing) === run) running.delete(drawing);
  };
  run.done.then(forget, forget);
  return { stop: run.stop, done: run.done };
}

/** Ends the layout running on `drawing`, if any, without applying its positions. */
export function cancelLayout(drawing: LayoutSurface): void {
  running.get(drawing)?.cancel();
  running.delete(drawing);
}

/** Stops the layout running on `drawing`, if any, leaving the nodes where it had put them. */
export function stopLayout(drawing: LayoutSurface): void {
  running.get(drawing)?.stop();
}

/** The layouts computed at once: positions right away, `done` once the drawing has been told. */
function placeAtOnce(drawing: LayoutSurface, req: LayoutRequest): LayoutRun {
  const t0 = performance.now();
  let placed: Placed & { groups?: LayoutGroup[] };
  switch (req.name) {
    case 'circle':
      placed = circle(drawing);
      break;
    case 'grid':
      placed = grid(drawing);
      break;
    case 'concentric':
      placed = concentric(drawing, req.metric ?? 'degree');
      break;
    case 'grouped':
      placed = grouped(drawing, req.groupBy ?? 'region');
      break;
    case 'preset':
      placed = preset(drawing, req.positions ?? {});
      break;
    default:
      throw new Error(`Unknown layout '${(req as { name: string }).name}'`);
  }
  const computeMillis = Math.round((performance.now() - t0) * 10) / 10;
  const done = place(drawing, placed).then((): LayoutResult => ({
    name: req.name,
    iterations: 1,
    millis: Math.round((performance.now() - t0) * 10) / 10,
    computeMillis,
    converged: true,
    stopped: false,
    ...(placed.groups ? { groups: placed.groups } : {}),
  }));
  return { stop() {}, done };
}
