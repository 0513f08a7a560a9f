// The graph: one Cytoscape instance for the life of the page, fed what to draw by difference.
// Selection, emphasis (faded, path), labels by level of detail and layouts are applied here;
// everything else is decided in the store.
import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { useAtlas, type LayoutChoice } from '../../store/atlas';
import { enablePinning, installLayoutHook, type LayoutGroup } from '../layout';
import { aggregateDrawable, applyDrawable, sliceDrawable, type Remembered } from './applySlice';
import { GroupLabels } from './GroupLabels';
import { setGraph } from './handle';
import { updateLabels } from './labels';
import { runChosenLayout, usesForceAtlas2, type RunningLayout } from './runLayout';
import { graphStyle } from './style';

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

type Renderer = 'canvas' | 'webgl';

/**
 * Cytoscape's WebGL renderer draws a frame of 5,000 nodes and 23,000 ties in 35–65 ms here
 * against 380–410 ms for its 2D canvas (both in software, no GPU), but starting it costs about
 * half a second in software (shaders), more than a small network takes to draw whole. So small
 * drawings get the 2D canvas, and the instance is re-created with WebGL once a drawing passes
 * WEBGL_ABOVE elements; where WebGL 2 is missing, the 2D canvas stays.
 */
const WEBGL_ABOVE = 3000;
let webgl2: boolean | null = null;

function rendererFor(elements: number, now: Renderer | null): Renderer {
  if (now === 'webgl' || elements <= WEBGL_ABOVE) return now ?? 'canvas';
  if (webgl2 === null) {
    try {
      webgl2 = !!document.createElement('canvas').getContext('webgl2');
    } catch {
      webgl2 = false;
    }
  }
  return webgl2 ? 'webgl' : 'canvas';
}

declare global {
  interface Window {
    /** Read-only view of where nodes are drawn, for end-to-end tests and benchmarks. */
    atlasGraph?: {
      renderedPosition(id: string): { x: number; y: number } | null;
      position(id: string): { x: number; y: number } | null;
      labelled(): string[];
      classesOf(id: string): string[];
      selected(): string[];
    };
  }
}

/**
 * Fits the drawn nodes in view. Computed from positions and sizes, not with cy.fit(): Cytoscape's
 * bounding box measures every edge and label, seconds at 20,000 ties.
 */
export function fitGraph(cy: Core) {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  cy.nodes().forEach((n) => {
    const p = n.position();
    const r = ((n.data('size') as number | undefined) ?? 20) / 2;
    x1 = Math.min(x1, p.x - r);
    y1 = Math.min(y1, p.y - r);
    x2 = Math.max(x2, p.x + r);
    y2 = Math.max(y2, p.y + r);
  });
  if (x1 === Infinity) return;
  const pad = 60;
  const w = cy.width();
  const h = cy.height();
  if (w <= 0 || h <= 0) return;
  // A handful of nodes would otherwise be blown up to fill the screen.
  const fitted = Math.min((w - 2 * pad) / Math.max(x2 - x1, 1), (h - 2 * pad) / Math.max(y2 - y1, 1));
  const zoom = Math.max(cy.minZoom(), Math.min(1.25, cy.maxZoom(), fitted));
  cy.viewport({ zoom, pan: { x: w / 2 - zoom * (x1 + x2) / 2, y: h / 2 - zoom * (y1 + y2) / 2 } });
}

export function GraphCanvas() {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const autoFit = useRef(true);
  const running = useRef<RunningLayout | null>(null);
  const layoutToken = useRef<object | null>(null);
  /** Where nodes not drawn now were last drawn (see applyDrawable). */
  const remembered = useRef<Remembered>(new Map());
  const slice = useAtlas((s) => s.slice);
  const aggregate = useAtlas((s) => s.aggregate);
  const style = useAtlas((s) => s.vs.style);
  const faded = useAtlas((s) => s.vs.faded);
  const metrics = useAtlas((s) => s.metrics);
  const selectedId = useAtlas((s) => s.selectedId);
  const path = useAtlas((s) => s.path?.result ?? null);
  const layout = useAtlas((s) => s.layout);
  const layoutRun = useAtlas((s) => s.layoutRun);
  const fitRequest = useAtlas((s) => s.fitRequest);
  const [drawn, setDrawn] = useState({ nodes: 0, edges: 0, layout: 'none' });
  const [groups, setGroups] = useState<LayoutGroup[] | null>(null);
  // Which Cytoscape renderer draws: chosen by the size of the first drawing, and upgraded to
  // WebGL (never back) when a larger one comes; `generation` counts the instances created.
  const [renderer, setRenderer] = useState<Renderer | null>(null);
  const [generation, setGeneration] = useState(0);

  /** Starts a layout, taking over from the one running. */
  const startLayout = (cy: Core, choice: LayoutChoice) => {
    running.current?.cancel();
    remembered.current.clear(); // positions from an earlier arrangement would not fit the new one
    // Cose finishes before runChosenLayout returns: the token, not `running`, says whose news it is.
    const token = {};
    layoutToken.current = token;
    const mine = () => layoutToken.current === token;
    setGroups(null);
    useAtlas.setState({ layoutActive: usesForceAtlas2(cy, choice) ? { iterations: 0 } : null, layoutError: null });
    running.current = runChosenLayout(cy, choice, {
      onProgress: (iterations) => {
        if (mine()) useAtlas.setState({ layoutActive: { iterations } });
      },
      onDone: (placed) => {
        if (!mine()) return;
        useAtlas.setState({ layoutActive: null });
        setGroups(placed);
        if (autoFit.current) fitGraph(cy);
        updateLabels(cy);
      },
      onError: (message) => {
        if (mine()) useAtlas.setState({ layoutActive: null, layoutError: `The layout failed: ${message}` });
      },
    });
    autoFit.current = true;
    fitGraph(cy);
    setDrawn((d) => ({ ...d, layout: choice.name }));
  };

  useEffect(() => {
    // The WebGL renderer blends against the container's own background colour.
    const paintBackground = () => (container.current!.style.backgroundColor = getComputedStyle(container.current!).getPropertyValue('--bg').trim());
    paintBackground();
    if (!renderer) return;
    const cy = cytoscape({
      container: container.current,
      style: graphStyle(darkQuery.matches),
      minZoom: 0.02,
      maxZoom: 4,
      hideEdgesOnViewport: true,
      textureOnViewport: false,
      // Shift-click adds to the selection; shift-drag draws a selection box.
      boxSelectionEnabled: true,
      webgl: renderer === 'webgl',
    } as cytoscape.CytoscapeOptions);
    cyRef.current = cy;
    setGraph(cy);
    const uninstallHook = installLayoutHook(cy);
    const disablePinning = enablePinning(cy);
    cy.on('tap', 'node', (e) => {
      const n = e.target as NodeSingular;
      if (n.hasClass('group')) return;
      const shift = (e.originalEvent as MouseEvent | undefined)?.shiftKey;
      if (shift) return; // additive selection: the select event below records it
      void useAtlas.getState().select(n.id(), n.data('type'));
    });
    cy.on('dbltap', 'node.group', (e) => {
      const g = e.target as NodeSingular;
      void useAtlas.getState().expandGroup({
        id: g.id(),
        by: g.data('by'),
        key: g.data('key'),
        label: g.data('name'),
        organisations: g.data('organisations'),
        innerTies: 0,
      });
    });
    cy.on('tap', (e) => {
      if (e.target === cy) void useAtlas.getState().select(null);
    });
    // One update per burst: removing thousands of nodes fires thousands of events.
    let selectionDue = false;
    cy.on('select unselect remove', 'node', () => {
      if (selectionDue) return;
      selectionDue = true;
      queueMicrotask(() => {
        selectionDue = false;
        if (!cy.destroyed()) useAtlas.getState().setSelection(cy.nodes(':selected').map((n) => n.id()));
      });
    });
    const onTheme = () => {
      paintBackground();
      cy.style(graphStyle(darkQuery.matches));
    };
    // Banners and panels change the canvas's size; Cytoscape must be told, and the graph is
    // fitted again until the user has panned or zoomed it themselves.
    cy.on('dragpan scrollzoom pinchzoom', () => (autoFit.current = false));
    // Labels by level of detail: recomputed when the view settles, dropped while a large graph moves.
    let settle: ReturnType<typeof setTimeout> | undefined;
    cy.on('viewport', () => {
      if (cy.nodes().length > 1000 && !cy.scratch('_unlabelled')) {
        cy.scratch('_unlabelled', true);
        cy.batch(() => cy.nodes('.labelled').removeClass('labelled'));
      }
      clearTimeout(settle);
      settle = setTimeout(() => {
        cy.scratch('_unlabelled', false);
        updateLabels(cy);
      }, 120);
    });
    const resize = new ResizeObserver(() => {
      cy.resize();
      if (autoFit.current) fitGraph(cy);
    });
    resize.observe(container.current!);
    darkQuery.addEventListener('change', onTheme);
    setGeneration((g) => g + 1);
    window.atlasGraph = {
      renderedPosition(id) {
        const n = cy.getElementById(id);
        if (n.empty()) return null;
        const p = n.renderedPosition();
        const box = container.current!.getBoundingClientRect();
        return { x: box.left + p.x, y: box.top + p.y };
      },
      position(id) {
        const n = cy.getElementById(id);
        return n.empty() ? null : { ...n.position() };
      },
      labelled: () => cy.nodes('.labelled').map((n) => n.id()),
      selected: () => cy.nodes(':selected').map((n) => n.id()),
      classesOf: (id) => {
        const n = cy.getElementById(id);
        return n.empty() ? [] : (n.classes() as unknown as string[]);
      },
    };
    return () => {
      clearTimeout(settle);
      running.current?.cancel();
      uninstallHook();
      disablePinning();
      darkQuery.removeEventListener('change', onTheme);
      resize.disconnect();
      delete window.atlasGraph;
      setGraph(null);
      // A new instance (WebGL) puts the nodes back where this one had them.
      cy.nodes().forEach((n) => {
        remembered.current.set(n.id(), { ...n.position() });
      });
      cy.destroy();
      cyRef.current = null;
    };
  }, [renderer]);

  // What to draw. A layout runs when nodes arrived that have never been placed; otherwise
  // everything stays put, and nodes a filter brings back return to where they were.
  useEffect(() => {
    const d = aggregate ? aggregateDrawable(aggregate) : slice ? sliceDrawable(slice, style, metrics) : null;
    if (!d) return;
    const wanted = rendererFor(d.nodes.length + d.edges.length, renderer);
    if (wanted !== renderer) {
      setRenderer(wanted); // drawn once the new instance exists
      return;
    }
    const cy = cyRef.current;
    if (!cy) return;
    const wasAggregate = cy.nodes('.group').nonempty();
    const unplaced = applyDrawable(cy, d, remembered.current);
    if (unplaced > 0 || wasAggregate !== !!aggregate) startLayout(cy, aggregate ? { name: 'circle' } : useAtlas.getState().layout);
    updateLabels(cy);
    setDrawn((was) => ({ ...was, nodes: cy.nodes().length, edges: cy.edges().length }));
  }, [slice, aggregate, style, metrics, generation]);

  // A layout chosen by the user (or a saved view's positions).
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || layoutRun === 0 || cy.nodes('.group').nonempty()) return;
    startLayout(cy, layout);
  }, [layoutRun]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const fade = new Set(faded);
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.toggleClass('faded', fade.has(n.id()));
      });
    });
  }, [faded, slice, generation]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.path, .off-path').removeClass('path off-path');
      if (!path || path.nodes.length === 0) return;
      const onPath = new Set(path.nodes);
      cy.nodes().forEach((n) => {
        n.addClass(onPath.has(n.id()) ? 'path' : 'off-path');
      });
      const steps = new Set(path.steps.map((s) => [s.from.id, s.to.id].sort().join('|')));
      cy.edges().forEach((e) => {
        e.addClass(steps.has([e.source().id(), e.target().id()].sort().join('|')) ? 'path' : 'off-path');
      });
    });
  }, [path, slice, generation]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements(':selected').unselect();
      if (selectedId) cy.getElementById(selectedId).select();
    });
  }, [selectedId, slice, generation]);

  // Fit everything, or centre on the selected node when a search chose it.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || fitRequest.n === 0) return;
    const target = fitRequest.id ? cy.getElementById(fitRequest.id) : null;
    if (target && target.nonempty()) {
      autoFit.current = false;
      cy.animate({ center: { eles: target }, zoom: Math.max(cy.zoom(), 0.9) }, { duration: 250 });
    } else {
      autoFit.current = true;
      fitGraph(cy);
    }
    updateLabels(cy);
  }, [fitRequest]);

  return (
    <>
      <div
        ref={container}
        className="graph"
        data-testid="graph"
        data-node-count={drawn.nodes}
        data-edge-count={drawn.edges}
        data-layout={drawn.layout}
        data-aggregated={aggregate ? aggregate.by : undefined}
        role="img"
        aria-label={
          aggregate
            ? `Network grouped by ${aggregate.by}: ${drawn.nodes} groups. Double-click a group to open it.`
            : `Network graph: ${drawn.nodes} nodes and ${drawn.edges} edges. The table view lists them all.`
        }
        tabIndex={0}
      />
      {groups && cyRef.current && <GroupLabels cy={cyRef.current} groups={groups} />}
    </>
  );
}
