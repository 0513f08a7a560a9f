// The graph: one drawing at a time, fed what to draw by difference. Small drawings (and the
// aggregated view) are Cytoscape's; above LARGE_ABOVE elements our 2D-canvas drawing takes over
// (docs/large-drawings.md). Selection, emphasis (faded, path), labels by level of detail and
// layouts are applied through the Drawing interface; everything else is decided in the store,
// which hears of clicks, selections and layouts from here (the drawings report through
// DrawingEvents and know nothing of the store).
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { isDark, onDarkChange } from '../../app/theme-choice';
import { useAtlas } from '../../store/atlas';
import { preventsOverlap } from '../../store/layout';
import type { LayoutChoice } from '../../store/state';
import type { LayoutGroup } from '../layout';
import { useAttributeLooks } from '../attributes/use-looks';
import { aggregateDrawable, sliceDrawable, type Remembered } from './applySlice';
import type { Drawing, DrawingEvents } from './drawing';
import { GroupLabels } from './GroupLabels';
import { setArranging, setDrawing } from './handle';
import { createLargeDrawing, largeDrawingWorks } from './large/large-drawing';
import { runChosenLayout, usesForceAtlas2, type RunningLayout } from './runLayout';
import { installRelateGesture } from './relate-gesture';
import { installTestHooks } from './test-hooks';
import { openForm } from '../curation/form-request';

type Renderer = Drawing['kind'];

/**
 * Cytoscape holds every element as an object with its own style (about 50 µs each to add and
 * restyle here): 5,000 organisations and 23,000 ties cost it 5–8 s to draw again after a filter.
 * Our drawing keeps plain records and paints them in batched canvas paths, at a cost per element
 * in the microseconds, so it takes over above this many elements.
 */
const LARGE_ABOVE = 3000;

/**
 * Cytoscape (with the module that draws with it) is loaded in a chunk of its own, asked for as
 * the window's code starts (app/start.tsx) and awaited as the canvas mounts: its evaluation,
 * 25–40 ms, is then a task of its own rather than a part of the open's first one (issue 17).
 */
type MakeDrawing = (container: HTMLElement, dark: boolean, events: DrawingEvents) => Drawing;
let cytoscapeDrawing: Promise<MakeDrawing> | null = null;
export const loadCytoscapeDrawing = () => (cytoscapeDrawing ??= import('./cytoscape-drawing').then((m) => m.createCytoscapeDrawing));

function rendererFor(elements: number, aggregated: boolean): Renderer {
  return !aggregated && elements > LARGE_ABOVE && largeDrawingWorks() ? 'large' : 'cytoscape';
}

/**
 * What is drawn, said on the element (for screen readers, and for tests as data-node-count,
 * data-edge-count and data-aggregated). Written directly when the drawing changes rather than
 * through React state: a state update from an effect renders after the next frame, so the counts
 * would trail the drawing they describe by a frame; and the store holds what is to be drawn
 * before the drawing does (its chunk may still be loading at the open).
 */
function showCounts(el: HTMLElement, counts: { nodes: number; edges: number }, aggregatedBy: string | null): void {
  el.dataset.nodeCount = String(counts.nodes);
  el.dataset.edgeCount = String(counts.edges);
  if (aggregatedBy) el.dataset.aggregated = aggregatedBy;
  else delete el.dataset.aggregated;
  el.setAttribute(
    'aria-label',
    aggregatedBy
      ? `Network grouped by ${aggregatedBy}: ${counts.nodes} groups. Double-click a group to open it.`
      : `Network graph: ${counts.nodes} nodes and ${counts.edges} edges. The table view lists them all.`,
  );
}

/**
 * Whether a layout is running, and how many have landed, said on the element as data-layout-state
 * and data-layouts-done (tests and benchmarks wait on them), written directly for the same reason.
 */
function showLayoutState(el: HTMLElement | null, state: 'running' | 'done'): void {
  setArranging(state === 'running');
  if (!el) return;
  el.dataset.layoutState = state;
  if (state === 'done') el.dataset.layoutsDone = String(Number(el.dataset.layoutsDone ?? 0) + 1);
}

export function GraphCanvas() {
  const container = useRef<HTMLDivElement>(null);
  /** What the drawing is made in (see the comment on it below). */
  const surface = useRef<HTMLDivElement>(null);
  const drawingRef = useRef<Drawing | null>(null);
  const autoFit = useRef(true);
  const running = useRef<RunningLayout | null>(null);
  const layoutToken = useRef<object | null>(null);
  /**
   * A layout the drawing's end cut short (the renderer changed while it ran) is owed to the next
   * drawing: the positions it takes over are where that layout was left. Before, the window kept
   * saying a layout was running, and the nodes stayed where it had stopped.
   */
  const layoutOwed = useRef(false);
  /** Where nodes not drawn now were last drawn (see applyDrawable). */
  const remembered = useRef<Remembered>(new Map());
  const slice = useAtlas((s) => s.slice);
  const aggregate = useAtlas((s) => s.aggregate);
  const style = useAtlas((s) => s.vs.style);
  const faded = useAtlas((s) => s.vs.faded);
  const metrics = useAtlas((s) => s.metrics);
  const attrLooks = useAttributeLooks();
  const selectedId = useAtlas((s) => s.selectedId);
  const path = useAtlas((s) => s.path?.result ?? null);
  const layout = useAtlas((s) => s.layout);
  const layoutRun = useAtlas((s) => s.layoutRun);
  const fitRequest = useAtlas((s) => s.fitRequest);
  const [layoutShown, setLayoutShown] = useState('none');
  const [hint, setHint] = useState<{ text: string; x: number; y: number } | null>(null);
  const [groups, setGroups] = useState<LayoutGroup[] | null>(null);
  // Which drawing is on screen, chosen by the size of what is to be drawn; `generation` counts
  // the drawings created, so that the effects below apply themselves to a new one.
  const [renderer, setRenderer] = useState<Renderer | null>(null);
  const [generation, setGeneration] = useState(0);
  const [makeCytoscape, setMakeCytoscape] = useState<MakeDrawing | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const makeDrawing = renderer === 'large' ? createLargeDrawing : renderer === 'cytoscape' ? makeCytoscape : null;

  useEffect(() => {
    let live = true;
    loadCytoscapeDrawing().then(
      (make) => live && setMakeCytoscape(() => make),
      (err: Error) => live && setLoadError(`The drawing could not be loaded: ${err.message}`),
    );
    return () => void (live = false);
  }, []);

  /** Starts a layout, taking over from the one running. */
  const startLayout = (drawing: Drawing, choice: LayoutChoice) => {
    running.current?.cancel();
    layoutOwed.current = false;
    remembered.current.clear(); // positions from an earlier arrangement would not fit the new one
    // A layout may settle before runChosenLayout returns: the token, not `running`, says whose news it is.
    const token = {};
    layoutToken.current = token;
    const mine = () => layoutToken.current === token;
    setGroups(null);
    showLayoutState(container.current!, 'running');
    const store = useAtlas.getState();
    store.layoutStarted(usesForceAtlas2(drawing.layout, choice));
    const apart = preventsOverlap(store.preventOverlap, drawing.counts().nodes);
    running.current = runChosenLayout(
      drawing.layout,
      choice,
      {
        onProgress: (iterations) => {
          if (mine()) store.layoutProgressed(iterations);
        },
        onDone: (placed) => {
          if (!mine()) return;
          running.current = null;
          store.layoutEnded();
          setGroups(placed);
          if (autoFit.current) drawing.fit();
          drawing.updateLabels();
          showLayoutState(container.current!, 'done');
        },
        onError: (message) => {
          if (!mine()) return;
          running.current = null;
          store.layoutEnded(`The layout failed: ${message}`);
          showLayoutState(container.current!, 'done');
        },
      },
      apart,
    );
    autoFit.current = true;
    drawing.fit();
    setLayoutShown(choice.name);
  };

  // Nothing drawn yet (written before the first paint, so the element always says what it shows).
  useLayoutEffect(() => {
    showCounts(container.current!, { nodes: 0, edges: 0 }, null);
    container.current!.dataset.layoutState = 'done';
  }, []);

  useEffect(() => {
    if (!makeDrawing) return;
    const positions = remembered.current; // one Map for the canvas's life, cleared, never replaced
    const store = useAtlas.getState();
    const events: DrawingEvents = {
      userMoved: () => void (autoFit.current = false),
      picked: (id, type) => void store.select(id, type),
      selectionChanged: store.setSelection,
      groupOpened: (group) => void store.expandGroup(group),
      groupPicked: (group) => store.selectGroup(group),
      hovered: setHint,
    };
    const drawing = makeDrawing(surface.current!, isDark(), events);
    drawingRef.current = drawing;
    setDrawing(drawing, positions);
    // A new drawing has no view of its own yet: it is fitted to what it draws.
    autoFit.current = true;
    const uninstallHooks = __ATLAS_TEST_HOOKS__ ? installTestHooks(drawing, container.current!) : null;
    const offTheme = onDarkChange((dark) => drawing.setTheme(dark));
    // Banners and panels change the canvas's size; the drawing must be told, and it is fitted
    // again until the user has panned or zoomed it themselves.
    const resize = new ResizeObserver(() => {
      drawing.resize();
      if (autoFit.current) drawing.fit();
    });
    resize.observe(container.current!);
    // Alt-drag from one organisation to another draws a relation (then its type is chosen).
    const nodeAt = (x: number, y: number) => {
      const types = new Map((useAtlas.getState().slice?.nodes ?? []).map((n) => [n.id, n.type]));
      let best: { id: string; type: string } | null = null;
      let bestD = 16;
      for (const [id, p] of Object.entries(drawing.positions())) {
        const s = drawing.project(p.x, p.y);
        const d = Math.hypot(s.x - x, s.y - y);
        if (d < bestD && types.has(id)) [best, bestD] = [{ id, type: types.get(id)! }, d];
      }
      return best;
    };
    const uninstallRelate = installRelateGesture(
      container.current!,
      nodeAt,
      (id) => {
        const p = drawing.positions()[id];
        return p ? drawing.project(p.x, p.y) : null;
      },
      (from, to) => openForm({ type: 'relation', id: null, preset: { sourceId: from, targetId: to } }),
    );
    setGeneration((g) => g + 1);
    return () => {
      if (running.current) {
        running.current.cancel();
        running.current = null;
        layoutOwed.current = true;
      }
      uninstallHooks?.();
      uninstallRelate();
      offTheme();
      resize.disconnect();
      setDrawing(null);
      setGroups(null);
      // The next drawing puts the nodes back where this one had them.
      drawing.destroy(positions);
      drawingRef.current = null;
    };
  }, [makeDrawing]);

  // What to draw. A layout runs when nodes arrived that have never been placed; otherwise
  // everything stays put, and nodes a filter brings back return to where they were.
  useEffect(() => {
    const d = aggregate ? aggregateDrawable(aggregate) : slice ? sliceDrawable(slice, style, metrics, attrLooks) : null;
    if (!d) return;
    const wanted = rendererFor(d.nodes.length + d.edges.length, !!aggregate);
    if (wanted !== renderer) {
      setRenderer(wanted); // drawn once the new drawing exists
      return;
    }
    const drawing = drawingRef.current;
    if (!drawing) return;
    const wasAggregate = drawing.showsGroups();
    drawing.apply(d, remembered.current, (unplaced) => {
      if (unplaced > 0 || layoutOwed.current || wasAggregate !== !!aggregate)
        startLayout(drawing, aggregate ? { name: 'circle' } : useAtlas.getState().layout);
      // What a filter leaves is fitted in view (a drawing just taken over from the other renderer
      // included), unless the person has panned or zoomed since: then their view stays.
      else if (autoFit.current) drawing.fit();
      drawing.updateLabels();
      showCounts(container.current!, drawing.counts(), aggregate?.by ?? null);
    });
    // The drawing answers what it is given; `renderer` changing is handled by the effect above,
    // which bumps `generation` once the new drawing exists.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slice, aggregate, style, metrics, attrLooks, generation]);

  // Layouts, emphasis, selection and fitting apply to what is drawn, once it is all there (see
  // Drawing.apply), and only to the drawing they were asked of.
  const onceDrawn = (fn: (drawing: Drawing) => void) => {
    const drawing = drawingRef.current;
    drawing?.whenDrawn(() => {
      if (drawingRef.current === drawing) fn(drawing);
    });
  };

  // A layout chosen by the user (or a saved view's positions).
  useEffect(() => {
    if (layoutRun === 0) return;
    onceDrawn((drawing) => {
      if (!drawing.showsGroups()) startLayout(drawing, layout);
    });
    // A layout runs when one is asked for (layoutRun), not whenever the choice in the menu changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layoutRun]);

  useEffect(() => {
    onceDrawn((drawing) => drawing.setFaded(new Set(faded)));
  }, [faded, slice, generation]);

  useEffect(() => {
    const pairs = new Set(path?.steps.map((s) => [s.from.id, s.to.id].sort().join('|')) ?? []);
    onceDrawn((drawing) => drawing.setPath(path && path.nodes.length > 0 ? { nodes: path.nodes, pairs } : null));
  }, [path, slice, generation]);

  useEffect(() => {
    onceDrawn((drawing) => {
      drawing.select(selectedId);
      // The selected label is always shown: the others make room for it.
      drawing.updateLabels();
    });
  }, [selectedId, slice, generation]);

  // Fit everything, or centre on the selected node when a search chose it.
  useEffect(() => {
    if (fitRequest.n === 0) return;
    onceDrawn((drawing) => {
      if (fitRequest.id && drawing.centreOn(fitRequest.id)) autoFit.current = false;
      else {
        autoFit.current = true;
        drawing.fit();
      }
      drawing.updateLabels();
    });
  }, [fitRequest]);

  return (
    <>
      <div
        ref={container}
        className="graph"
        data-testid="graph"
        data-layout={layoutShown}
        data-renderer={renderer ?? undefined}
        role="img"
        tabIndex={0}
      >
        {/* The drawing's own element, apart from the one that says what is drawn: Cytoscape
            watches its container's attributes and draws everything again, 100 ms after each
            change, as if it had been resized. Cytoscape's is as tall as the window, and the canvas
            area clips it (styles.css): see the comment on the size in cytoscape-drawing.ts. */}
        <div ref={surface} className="graph-surface" />
      </div>
      {loadError && (
        <div className="overlay error" role="alert">
          <p>{loadError}</p>
        </div>
      )}
      {groups && drawingRef.current && <GroupLabels drawing={drawingRef.current} groups={groups} />}
      {hint && (
        <div className="node-tooltip" role="tooltip" data-testid="node-tooltip" style={{ left: hint.x, top: hint.y }}>
          {hint.text}
        </div>
      )}
    </>
  );
}
