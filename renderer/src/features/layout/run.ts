// Runs one layout on the drawn graph. ForceAtlas2 runs in a worker and is shown as it converges;
// the others are computed at once (static.ts): their positions can be read as soon as runLayout
// returns, and `done` settles when Cytoscape has been told (a few tasks later at 5,000 nodes).
import type { Core } from 'cytoscape';
import type { Fa2Limits } from './fa2-protocol';
import { runForceAtlas2 } from './forceatlas2';
import { circle, concentric, grid, grouped, place, preset, type Placed } from './static';
import type { LayoutGroup, LayoutProgress, LayoutRequest, LayoutResult, LayoutRun } from './types';

/** The layout running on each graph: one at a time, a new one takes over from it. */
const running = new WeakMap<Core, LayoutRun & { cancel(): void }>();

/**
 * Runs a layout on every node drawn. Whatever layout was still running on `cy` is cancelled first
 * (its positions are not applied). `fa2Limits` changes ForceAtlas2's stopping rules (for tests).
 */
export function runLayout(cy: Core, req: LayoutRequest, onProgress?: LayoutProgress, fa2Limits?: Partial<Fa2Limits>): LayoutRun {
  cancelLayout(cy);
  if (req.name !== 'forceatlas2') return placeAtOnce(cy, req);
  const run = runForceAtlas2(cy, onProgress, fa2Limits);
  running.set(cy, run);
  const forget = () => {
    if (running.get(cy) === run) running.delete(cy);
  };
  run.done.then(forget, forget);
  return { stop: run.stop, done: run.done };
}

/** Ends the layout running on `cy`, if any, without applying its positions. */
export function cancelLayout(cy: Core): void {
  running.get(cy)?.cancel();
  running.delete(cy);
}

/** Stops the layout running on `cy`, if any, leaving the nodes where it had put them. */
export function stopLayout(cy: Core): void {
  running.get(cy)?.stop();
}

/** The layouts computed at once: positions right away, `done` once Cytoscape has been told. */
function placeAtOnce(cy: Core, req: LayoutRequest): LayoutRun {
  const t0 = performance.now();
  let placed: Placed & { groups?: LayoutGroup[] };
  switch (req.name) {
    case 'circle':
      placed = circle(cy);
      break;
    case 'grid':
      placed = grid(cy);
      break;
    case 'concentric':
      placed = concentric(cy, req.metric ?? 'degree');
      break;
    case 'grouped':
      placed = grouped(cy, req.groupBy ?? 'region');
      break;
    case 'preset':
      placed = preset(cy, req.positions ?? {});
      break;
    default:
      throw new Error(`Unknown layout '${(req as { name: string }).name}'`);
  }
  const computeMillis = Math.round((performance.now() - t0) * 10) / 10;
  const done = place(cy, placed).then(
    (): LayoutResult => ({
      name: req.name,
      iterations: 1,
      millis: Math.round((performance.now() - t0) * 10) / 10,
      computeMillis,
      converged: true,
      stopped: false,
      ...(placed.groups ? { groups: placed.groups } : {}),
    }),
  );
  return { stop() {}, done };
}
