// The Cytoscape drawing, for small networks and the aggregated view: node shapes, wrapped labels,
// double-click to open a group, drag to pin, shift-drag to select a box.
import cytoscape, { type Core, type NodeCollection, type NodeSingular } from 'cytoscape';
import { cytoscapeSurface, enablePinning, unpinAll } from '../layout';
import { pngBlob, pngSize, svgBlob } from '../interchange/image';
import type { AggregateGroup } from '../../../../shared/schemas';
import { applyDrawable } from './applySlice';
import type { Box, Drawing, DrawingEvents, GraphProbe } from './drawing';
import { scaleLabels, updateLabels } from './labels';
import { graphStyle } from './style';
import { countText } from '../../../../shared/count-text';

/**
 * Fits the drawn nodes in view. Computed from positions and sizes, not with cy.fit(): Cytoscape's
 * bounding box measures every edge and label, seconds at 20,000 ties.
 */
function fitGraph(cy: Core) {
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
  cy.viewport({ zoom, pan: { x: w / 2 - (zoom * (x1 + x2)) / 2, y: h / 2 - (zoom * (y1 + y2)) / 2 } });
}

/** Rendered boxes of `nodes` on the page (test builds). */
function boxes(cy: Core, nodes: NodeCollection, what: { includeNodes: boolean; includeLabels: boolean }): Box[] {
  const page = cy.container()!.getBoundingClientRect();
  const out: Box[] = [];
  nodes.forEach((n) => {
    const b = n.renderedBoundingBox({ ...what, includeEdges: false, includeOverlays: false });
    if (!(b.w > 0) || !(b.h > 0)) return;
    out.push({ id: n.id(), x1: page.left + b.x1, y1: page.top + b.y1, x2: page.left + b.x2, y2: page.top + b.y2 });
  });
  return out;
}

/**
 * Makes Cytoscape paint nodes and labels directly instead of from its texture caches. Its canvas
 * renderer first paints each element into a shared texture canvas, then copies it onto the
 * drawing; at each new zoom level (every fit: every drill, every layout landing) all textures are
 * made again, a few per frame, each frame a full redraw, and every copy from a canvas just painted
 * makes Chromium snapshot that canvas. Profiled in Chromium (issue 17): 120–320 ms of `drawImage`
 * in one frame for 201 organisations, and several such frames after each step. This drawing holds
 * at most LARGE_ABOVE elements and 150 labels, which paint directly in a fraction of that.
 * Cytoscape has no option for it: a cache that returns no texture makes it draw the element
 * directly (its own fallback for elements too large to cache). Its layer cache (whole layers as
 * one image while the view pans) is kept. Written against Cytoscape 3.35's renderer; if the
 * internals are not there, nothing changes.
 */
function paintWithoutTextureCaches(cy: Core): void {
  type Cache = { getElement?: unknown; invalidateElements?: unknown };
  const data = (cy as unknown as { renderer?: () => { data?: Record<string, Cache> } }).renderer?.()?.data;
  if (!data) return;
  for (const name of ['eleTxrCache', 'lblTxrCache', 'slbTxrCache', 'tlbTxrCache']) {
    const cache = data[name];
    if (typeof cache?.getElement !== 'function') continue;
    cache.getElement = () => null;
    // Nothing is ever cached, so nothing is to be invalidated: each style change otherwise keys
    // every changed element four times over (hashing its style), 10–17 ms of a drill's frame.
    if (typeof cache.invalidateElements === 'function') cache.invalidateElements = () => {};
  }
}

/**
 * Cytoscape's container is as tall as the window, and the canvas area shows the part of it above
 * the legend and below the banners (styles.css). When the legend or a banner comes, goes or
 * changes, the drawing's canvases keep their size: each resize reallocated Cytoscape's three layers
 * and its buffers, and software raster then took 13–15 ms in each of the next three frames, on
 * top of drawing everything again; a drill into a country resized it twice (issue 17).
 * Cytoscape's own size (fitting, the extent it draws and labels, zooming about the middle, the
 * layouts' bounds) is made the part on screen, `shown`'s size, which `resize()` reads again.
 */
function shownSize(cy: Core, shown: HTMLElement): { read(): void } {
  let size = { width: shown.clientWidth, height: shown.clientHeight };
  (cy as unknown as { size(): { width: number; height: number } }).size = () => size;
  return {
    read() {
      size = { width: shown.clientWidth, height: shown.clientHeight };
    },
  };
}

/**
 * Runs `fn` in a task of its own after the next frame is painted (or after 100 ms, should the
 * window paint no frames: a hidden one does not).
 */
function afterNextFrame(fn: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
}

export function createCytoscapeDrawing(container: HTMLElement, dark: boolean, events: DrawingEvents): Drawing {
  const cy = cytoscape({
    container,
    style: graphStyle(dark),
    minZoom: 0.02,
    maxZoom: 4,
    hideEdgesOnViewport: true,
    textureOnViewport: false,
    // Shift-click adds to the selection; shift-drag draws a selection box.
    boxSelectionEnabled: true,
  });
  paintWithoutTextureCaches(cy);
  const shown = shownSize(cy, container.parentElement ?? container);
  const disablePinning = enablePinning(cy);
  cy.on('tap', 'node', (e) => {
    const n = e.target as NodeSingular;
    if (n.hasClass('group')) {
      // Its details are rendered in a task of their own, as an opened group is (see dbltap).
      const group = n.data('group') as AggregateGroup;
      setTimeout(() => events.groupPicked(group));
      return;
    }
    const shift = (e.originalEvent as MouseEvent | undefined)?.shiftKey;
    if (shift) return; // additive selection: the select event below records it
    events.picked(n.id(), n.data('type'));
  });
  cy.on('dbltap', 'node.group', (e) => {
    const group = (e.target as NodeSingular).data('group') as AggregateGroup;
    // After the pointer's events, in a task of its own: inside them, React's update of the window
    // (the filters, the notices) was laid out at once when Cytoscape's next pointer handler read
    // the container's place: 30 ms of style and layout in the double-click's task (issue 17).
    setTimeout(() => events.groupOpened(group));
  });
  // The whole name on hover (the graph shows long ones shortened), and what a group holds.
  cy.on('mouseover', 'node', (e) => {
    const n = e.target as NodeSingular;
    const p = n.renderedPosition();
    const text = n.hasClass('group')
      ? `${n.data('name') as string}: ${countText(n.data('organisations') as number)} organisations`
      : String(n.data('name') ?? n.data('label') ?? '');
    events.hovered({ text, x: p.x, y: p.y - ((n.data('size') as number) * cy.zoom()) / 2 });
  });
  cy.on('mouseout', 'node', () => events.hovered(null));
  cy.on('viewport remove', () => events.hovered(null));
  cy.on('tap', (e) => {
    if (e.target === cy) events.picked(null);
  });
  // One update per burst: removing thousands of nodes fires thousands of events.
  let selectionDue = false;
  // A node selected between two settles shows its label at the same size as the rest.
  cy.on('select', 'node', (e) => scaleLabels(cy, e.target));
  cy.on('select unselect remove', 'node', () => {
    if (selectionDue) return;
    selectionDue = true;
    queueMicrotask(() => {
      selectionDue = false;
      if (!cy.destroyed()) events.selectionChanged(cy.nodes(':selected').map((n) => n.id()));
    });
  });
  cy.on('dragpan scrollzoom pinchzoom', () => events.userMoved());
  let labelsDue = false;
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

  const probe: GraphProbe | undefined = __ATLAS_TEST_HOOKS__
    ? {
        renderedPosition(id) {
          const n = cy.getElementById(id);
          if (n.empty()) return null;
          const p = n.renderedPosition();
          const box = container.getBoundingClientRect();
          return { x: box.left + p.x, y: box.top + p.y };
        },
        position(id) {
          const n = cy.getElementById(id);
          return n.empty() ? null : { ...n.position() };
        },
        labelled: () => cy.nodes('.labelled').map((n) => n.id()),
        labelPx(id) {
          const n = cy.getElementById(id);
          return n.empty() || !n.is('.labelled, :selected, .path') ? 0 : n.numericStyle('font-size') * cy.zoom();
        },
        selected: () => cy.nodes(':selected').map((n) => n.id()),
        classesOf: (id) => {
          const n = cy.getElementById(id);
          return n.empty() ? [] : (n.classes() as unknown as string[]);
        },
        looksOf: (id) => {
          const el = cy.getElementById(id);
          return el.empty() ? null : { colour: el.data('colour'), size: el.data('size'), width: el.data('width') };
        },
        renderer: 'cytoscape',
        colourOf(id) {
          const n = cy.getElementById(id);
          return n.empty() ? '' : String(n.style('background-color'));
        },
        labelText(id) {
          const n = cy.getElementById(id);
          return n.empty() || n.style('label') === undefined ? '' : String(n.style('label') ?? '');
        },
        labelBoxes: () => boxes(cy, cy.nodes('.labelled, :selected, .path, .group'), { includeNodes: false, includeLabels: true }),
        nodeBoxes: () => boxes(cy, cy.nodes(), { includeNodes: true, includeLabels: false }),
      }
    : undefined;

  // What is being added in parts (see applyDrawable), and what waits for it to be all drawn.
  let adding: { cancel(): void } | null = null;
  let waiting: (() => void)[] = [];
  // Nodes an overtaken apply added have had no layout: the apply that overtook it owes them one.
  let owedLayout = false;

  return {
    kind: 'cytoscape',
    layout: cytoscapeSurface(cy),
    apply(d, remembered, drawn) {
      adding?.cancel();
      const applied = applyDrawable(cy, d, remembered);
      const finish = () => {
        const unplaced = applied.unplaced + (owedLayout ? 1 : 0);
        owedLayout = false;
        adding = null;
        drawn(unplaced);
        const fns = waiting;
        waiting = [];
        for (const fn of fns) fn();
      };
      if (applied.complete) return finish();
      let cancelled = false;
      adding = {
        cancel() {
          cancelled = true;
          if (applied.unplaced > 0) owedLayout = true;
        },
      };
      // Each part in a task of its own, after the frame that styled and drew the last one.
      const step = () => {
        if (cancelled || cy.destroyed()) return;
        applied.more();
        if (applied.complete) finish();
        else afterNextFrame(step);
      };
      afterNextFrame(step);
    },
    whenDrawn(fn) {
      if (adding) waiting.push(fn);
      else fn();
    },
    counts: () => ({ nodes: cy.nodes().length, edges: cy.edges().length }),
    showsGroups: () => cy.nodes('.group').nonempty(),
    setFaded(fade) {
      // Two collections changed at once: a call per node made Cytoscape build collections for
      // each of them, 20 ms for 201 organisations with nothing to change, as every drill ends.
      const fading = cy.nodes().filter((n) => fade.has(n.id()) && !n.hasClass('faded'));
      const unfading = cy.nodes('.faded').filter((n) => !fade.has(n.id()));
      if (fading.empty() && unfading.empty()) return;
      cy.batch(() => {
        fading.addClass('faded');
        unfading.removeClass('faded');
      });
    },
    setPath(path) {
      cy.batch(() => {
        cy.elements('.path, .off-path').removeClass('path off-path');
        if (!path || path.nodes.length === 0) return;
        const onPath = new Set(path.nodes);
        cy.nodes().forEach((n) => {
          n.addClass(onPath.has(n.id()) ? 'path' : 'off-path');
        });
        scaleLabels(cy, cy.nodes('.path'));
        cy.edges().forEach((e) => {
          e.addClass(path.pairs.has([e.source().id(), e.target().id()].sort().join('|')) ? 'path' : 'off-path');
        });
      });
    },
    select(id) {
      cy.batch(() => {
        cy.elements(':selected').unselect();
        if (id) cy.getElementById(id).select();
      });
    },
    centreOn(id) {
      const target = cy.getElementById(id);
      if (target.empty()) return false;
      cy.animate({ center: { eles: target }, zoom: Math.max(cy.zoom(), 0.9) }, { duration: 250 });
      return true;
    },
    fit: () => fitGraph(cy),
    zoomBy(factor) {
      cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    },
    updateLabels() {
      // Asked for by several effects of one change (the slice, the selection, a layout landing):
      // done once, after them, and after the frame that shows the change, in a task of its own.
      // Choosing labels restyles the nodes and Cytoscape measures each new label's text as it
      // next paints: in the change's own task and frame, that made one task of 150–230 ms of
      // drilling into 201 organisations (issue 17); a frame later, the two are tasks apart.
      if (labelsDue) return;
      labelsDue = true;
      afterNextFrame(() => {
        labelsDue = false;
        if (!cy.destroyed()) updateLabels(cy);
      });
    },
    unpinAll: () => unpinAll(cy),
    positions() {
      const out: Record<string, { x: number; y: number }> = {};
      cy.nodes().forEach((n) => {
        const p = n.position();
        out[n.id()] = { x: Math.round(p.x * 100) / 100, y: Math.round(p.y * 100) / 100 };
      });
      return out;
    },
    project(x, y) {
      const zoom = cy.zoom();
      const pan = cy.pan();
      return { x: x * zoom + pan.x, y: y * zoom + pan.y };
    },
    onViewport(fn) {
      cy.on('viewport', fn);
      return () => void cy.off('viewport', fn);
    },
    png: (o) => pngBlob(cy, o),
    pngSize: (o) => pngSize(cy, o),
    svg: async (o) => svgBlob(cy, o),
    resize() {
      shown.read();
      // Also where the container is on the page (it moves when a banner comes or goes), for the pointer.
      cy.resize();
    },
    setTheme: (isDark) => void cy.style(graphStyle(isDark)),
    destroy(remembered) {
      adding?.cancel();
      waiting = [];
      clearTimeout(settle);
      disablePinning();
      cy.nodes().forEach((n) => {
        remembered.set(n.id(), { ...n.position() });
      });
      cy.destroy();
    },
    probe,
  };
}
