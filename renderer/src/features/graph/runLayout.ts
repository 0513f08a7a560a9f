// Runs the layout the analyst chose on what is drawn. 'Automatic' is Cytoscape's cose for the
// small networks typed in by hand (it reads well there), in its own worker (layout/cose.worker.ts),
// and ForceAtlas2 in its worker above that, where cose would take minutes (see the layout bench).
// Every layout's positions land in one batch; nothing is computed on the main thread beyond
// reading what is drawn and the layouts of static.ts, which take a few milliseconds.
import type { LayoutChoice } from '../../store/state';
import { cancelLayout, runLayout, type LayoutGroup, type LayoutRequest, type LayoutSurface } from '../layout';

const COSE_UP_TO = 300;

export interface RunningLayout {
  /** Stops where it is, keeping the positions reached so far. */
  stop(): void;
  /** Abandons it: another layout takes over, nothing more is written. */
  cancel(): void;
}

export interface LayoutEvents {
  /** ForceAtlas2 only: iterations so far. */
  onProgress?(iterations: number): void;
  /** When the positions are in place; the grouped layout says where each group went. Not called once cancelled. */
  onDone(groups: LayoutGroup[] | null): void;
  onError?(message: string): void;
}

/** Whether `choice` runs ForceAtlas2 (in its worker, shown as it goes, stoppable) on `drawing`. */
export function usesForceAtlas2(drawing: LayoutSurface, choice: LayoutChoice): boolean {
  return choice.name === 'forceatlas2' || (choice.name === 'auto' && (!drawing.cytoscape || drawing.cytoscape.nodes().length > COSE_UP_TO));
}

export function runChosenLayout(drawing: LayoutSurface, choice: LayoutChoice, events: LayoutEvents, preventOverlap = true): RunningLayout {
  let cancelled = false;
  const req: LayoutRequest =
    choice.name === 'auto' && !usesForceAtlas2(drawing, choice)
      ? { name: 'cose' }
      : choice.name === 'auto' || choice.name === 'forceatlas2'
        ? { name: 'forceatlas2', preventOverlap }
        : choice.name === 'concentric'
          ? { name: 'concentric', metric: choice.metric }
          : choice.name === 'grouped'
            ? { name: 'grouped', groupBy: choice.groupBy }
            : choice.name === 'preset'
              ? { name: 'preset', positions: choice.positions }
              : { name: choice.name };
  const run = runLayout(drawing, req, events.onProgress ? (p) => events.onProgress!(p.iterations) : undefined);
  run.done.then(
    (r) => {
      if (!cancelled) events.onDone(r.groups ?? null);
    },
    (e: unknown) => {
      if (!cancelled) events.onError?.(e instanceof Error ? e.message : String(e));
    },
  );
  return {
    stop: () => run.stop(),
    cancel: () => {
      cancelled = true;
      cancelLayout(drawing);
    },
  };
}
