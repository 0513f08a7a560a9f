// The drawing for large networks: the model (model.ts) painted on one 2D canvas (painter.ts),
// with its own pan, zoom, hit testing, dragging and box selection. A filter change diffs the
// model and paints once: tens of milliseconds at 28,000 elements, against seconds for
// Cytoscape, which adds and styles an object per element (docs/large-drawings.md).
import type { Details } from '../../../../../shared/schemas';
import type { LayoutNode, LayoutSurface, Preview } from '../../layout';
import type { Drawing, DrawingEvents, GraphProbe } from '../drawing';
import { chooseLabelled, LABEL_PX, labelBudget, textBox, withoutOverlaps } from '../labels';
import { themeOf } from '../theme';
import { BoxSelect } from './box-select';
import { Model, type ModelNode } from './model';
import { paint, type Emphasis, type View } from './painter';
import { pictureBounds, pictureOf, pngOf, pngSizeOf, svgOf } from './picture';
import { insideNode, LABEL_WIDTH, shapeOf } from './shapes';

const MIN_ZOOM = 0.005;
const MAX_ZOOM = 4;
/** Above this many ties they are not painted while the view moves (as Cytoscape's drawing did). */
const EDGES_WHILE_MOVING = 5000;
/** Ties painted per frame at most while a layout runs (an even sample: the picture is the same,
 *  and a frame stays well under 50 ms; 6,000 still gave 51–62 ms frames, all 23,000 60–140 ms, here). */
const EDGES_WHILE_LAYING_OUT = 3000;
/** Pointer travel (px) under which a press is a click, not a drag. */
const CLICK_SLOP = 4;

/** Whether this window has a 2D canvas to paint on (always, in Chromium and Electron). */
export function largeDrawingWorks(): boolean {
  return typeof CanvasRenderingContext2D !== 'undefined';
}

export function createLargeDrawing(container: HTMLElement, dark: boolean, events: DrawingEvents): Drawing {
  const model = new Model();
  let theme = themeOf(dark);
  const view: View = { zoom: 1, pan: { x: 0, y: 0 } };
  const em: Emphasis & { selected: Set<string> } = { selected: new Set(), faded: new Set(), path: null, labelled: new Set() };
  let held = false;
  let moving = false;
  let previewing = false;
  const viewportListeners = new Set<() => void>();

  const canvas = document.createElement('canvas');
  canvas.className = 'large-drawing';
  canvas.setAttribute('aria-hidden', 'true');
  canvas.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%;touch-action:none;';
  container.appendChild(canvas);
  const ctx = canvas.getContext('2d', { alpha: true })!;
  const box = new BoxSelect(container);
  let width = container.clientWidth;
  let height = container.clientHeight;

  let frame = 0;
  const draw = () => {
    frame = 0;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(width * dpr));
    const h = Math.max(1, Math.round(height * dpr));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    const edgeStride = previewing ? Math.max(1, Math.ceil(model.edges.size / EDGES_WHILE_LAYING_OUT)) : 1;
    paint(ctx, model, view, em, theme, {
      width,
      height,
      dpr,
      edges: !moving || model.edges.size <= EDGES_WHILE_MOVING,
      edgeStride,
      quick: previewing || moving,
    });
  };
  /** Paints at the next frame (once, however many changes come before it). */
  const invalidate = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };

  const toScreen = (x: number, y: number) => ({ x: x * view.zoom + view.pan.x, y: y * view.zoom + view.pan.y });
  const toModel = (x: number, y: number) => ({ x: (x - view.pan.x) / view.zoom, y: (y - view.pan.y) / view.zoom });

  const updateLabels = () => {
    const inView: ModelNode[] = [];
    for (const n of model.nodes.values()) {
      const p = toScreen(n.x, n.y);
      if (p.x >= 0 && p.x <= width && p.y >= 0 && p.y <= height) inView.push(n);
    }
    // As in Cytoscape's drawing (labels.ts): the selected labels first, then the largest whose label covers none shown.
    const budget = labelBudget(width, height);
    const box = (n: ModelNode) => {
      const p = toScreen(n.x, n.y);
      return textBox(String(n.d.label ?? ''), p.x, p.y + (n.width() / 2) * view.zoom + 4, LABEL_WIDTH);
    };
    const reserved = [...em.selected].flatMap((id) => {
      const n = model.nodes.get(id);
      return n ? [box(n)] : [];
    });
    const candidates = chooseLabelled(
      inView.filter((n) => !em.selected.has(n.key)),
      (n) => n.width(),
      budget * 3,
    );
    em.labelled = new Set(withoutOverlaps(candidates, box, reserved, budget).map((n) => n.key));
    invalidate();
  };

  // While the view moves, ties and labels are left out; they come back once it settles.
  let settle: ReturnType<typeof setTimeout> | undefined;
  const viewChanged = (byUser: boolean) => {
    if (byUser) {
      events.userMoved();
      moving = true;
      em.labelled = new Set();
      clearTimeout(settle);
      settle = setTimeout(() => {
        moving = false;
        updateLabels();
      }, 120);
    }
    for (const fn of viewportListeners) fn();
    invalidate();
  };

  const setZoom = (zoom: number, at: { x: number; y: number }) => {
    const z = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
    const m = toModel(at.x, at.y);
    view.zoom = z;
    view.pan = { x: at.x - m.x * z, y: at.y - m.y * z };
  };

  /** The topmost node under a point in container pixels. */
  const nodeAt = (x: number, y: number): ModelNode | null => {
    const m = toModel(x, y);
    const slop = 3 / view.zoom;
    let found: ModelNode | null = null;
    for (const n of model.nodes.values()) {
      // Later nodes are painted on top.
      if (insideNode(shapeOf(n.kind), n.x - m.x, n.y - m.y, n.width() / 2 + slop)) found = n;
    }
    return found;
  };

  // Pointer: press on a node and drag to move (and pin) it; on the background drag to pan, or
  // shift-drag to select a box; a press that does not travel is a click.
  let press: {
    x: number;
    y: number;
    node: ModelNode | null;
    mode: 'node' | 'pan' | 'box';
    moved: boolean;
    pan: { x: number; y: number };
  } | null = null;
  const local = (e: PointerEvent | WheelEvent | MouseEvent) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const onDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const p = local(e);
    const node = nodeAt(p.x, p.y);
    const mode = node && !held ? 'node' : e.shiftKey && !node ? 'box' : 'pan';
    press = { ...p, node, mode, moved: false, pan: { ...view.pan } };
    if (mode === 'box') box.start(p.x, p.y);
    canvas.setPointerCapture(e.pointerId);
  };
  const onMove = (e: PointerEvent) => {
    const p = local(e);
    if (!press) {
      canvas.style.cursor = nodeAt(p.x, p.y) ? 'pointer' : 'default';
      return;
    }
    if (!press.moved && Math.hypot(p.x - press.x, p.y - press.y) < CLICK_SLOP) return;
    press.moved = true;
    if (press.mode === 'box') box.move(p.x, p.y);
    else if (press.mode === 'node' && press.node) {
      const m = toModel(p.x, p.y);
      press.node.x = m.x;
      press.node.y = m.y;
      invalidate();
    } else {
      view.pan = { x: press.pan.x + p.x - press.x, y: press.pan.y + p.y - press.y };
      viewChanged(true);
    }
  };
  const onUp = (e: PointerEvent) => {
    const was = press;
    press = null;
    if (!was) return;
    if (was.mode === 'box') {
      const r = box.end();
      if (was.moved) {
        for (const n of model.nodes.values()) {
          const p = toScreen(n.x, n.y);
          if (p.x >= r.x1 && p.x <= r.x2 && p.y >= r.y1 && p.y <= r.y2) em.selected.add(n.key);
        }
        events.selectionChanged([...em.selected]);
        invalidate();
        return;
      }
    }
    if (was.moved) {
      if (was.mode === 'node' && was.node) {
        model.pin(was.node);
        invalidate();
      }
      return;
    }
    // A click.
    if (was.node) {
      if (e.shiftKey) {
        if (em.selected.has(was.node.key)) em.selected.delete(was.node.key);
        else em.selected.add(was.node.key);
        events.selectionChanged([...em.selected]);
        invalidate();
      } else events.picked(was.node.key, (was.node.d.type as Details['type'] | undefined) ?? 'organisation');
    } else if (!e.shiftKey) events.picked(null);
  };
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    setZoom(view.zoom * Math.pow(1.0015, -e.deltaY), local(e));
    viewChanged(true);
  };
  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
  canvas.addEventListener('pointercancel', onUp);
  canvas.addEventListener('wheel', onWheel, { passive: false });

  const moveTo = (list: LayoutNode[], xy: Float64Array, fixed?: Uint8Array) => {
    list.forEach((node, i) => {
      const n = node as ModelNode;
      if (fixed?.[i] || n.gone) return;
      n.x = xy[2 * i]!;
      n.y = xy[2 * i + 1]!;
    });
    invalidate();
  };

  const layout: LayoutSurface = {
    cytoscape: null,
    nodes: () => [...model.nodes.values()],
    edges: () => [...model.edges.values()],
    width: () => width,
    height: () => height,
    land: async (list, xy, fixed) => moveTo(list, xy, fixed),
    hold() {
      held = true;
      return () => void (held = false);
    },
    openPreview(list: LayoutNode[]): Preview {
      // A running layout simply moves the nodes, painted once per frame at most, with a sample
      // of the ties (as Cytoscape's preview canvas draws); all of them once it ends.
      const fixed = Uint8Array.from(list, (n) => (n.hasClass('pinned') ? 1 : 0));
      previewing = true;
      return {
        draw: (xy) => moveTo(list, xy, fixed),
        dispose() {
          previewing = false;
          invalidate();
        },
      };
    },
  };

  const probe: GraphProbe | undefined = __ATLAS_TEST_HOOKS__
    ? {
        renderedPosition(id) {
          const n = model.nodes.get(id);
          if (!n) return null;
          const p = toScreen(n.x, n.y);
          const r = canvas.getBoundingClientRect();
          return { x: r.left + p.x, y: r.top + p.y };
        },
        position(id) {
          const n = model.nodes.get(id);
          return n ? { x: n.x, y: n.y } : null;
        },
        labelled: () => [...em.labelled].filter((id) => model.nodes.has(id)),
        labelPx: (id) => (em.labelled.has(id) && model.nodes.has(id) ? LABEL_PX : 0),
        selected: () => [...em.selected].filter((id) => model.nodes.has(id)),
        looksOf(id) {
          const n = model.nodes.get(id);
          return n ? { colour: n.d.colour, size: n.d.size } : null;
        },
        classesOf(id) {
          const n = model.nodes.get(id);
          if (!n) return [];
          const out = [n.kind];
          if (em.labelled.has(id)) out.push('labelled');
          if (n.d.pinned === true) out.push('pinned');
          if (em.faded.has(id)) out.push('faded');
          if (em.path) out.push(em.path.nodes.has(id) ? 'path' : 'off-path');
          return out;
        },
        renderer: 'large',
        colourOf: (id) => String(model.nodes.get(id)?.d.colour ?? ''),
        labelText: (id) => (em.labelled.has(id) || em.selected.has(id) ? String(model.nodes.get(id)?.d.label ?? '') : ''),
        labelBoxes: () => [],
        nodeBoxes: () => [],
      }
    : undefined;

  const fit = () => {
    const extent = model.extent();
    if (!extent || width <= 0 || height <= 0) return;
    const { x1, y1, x2, y2 } = extent;
    const pad = 60;
    const fitted = Math.min((width - 2 * pad) / Math.max(x2 - x1, 1), (height - 2 * pad) / Math.max(y2 - y1, 1));
    view.zoom = Math.max(MIN_ZOOM, Math.min(1.25, MAX_ZOOM, fitted));
    view.pan = { x: width / 2 - (view.zoom * (x1 + x2)) / 2, y: height / 2 - (view.zoom * (y1 + y2)) / 2 };
    viewChanged(false);
  };

  return {
    kind: 'large',
    layout,
    apply(d, remembered, drawn) {
      const unplaced = model.apply(d, remembered);
      for (const id of em.selected) if (!model.nodes.has(id)) em.selected.delete(id);
      invalidate();
      drawn(unplaced);
    },
    whenDrawn: (fn) => fn(),
    counts: () => ({ nodes: model.nodes.size, edges: model.drawnEdges }),
    showsGroups: () => false,
    setFaded(ids) {
      em.faded = ids;
      invalidate();
    },
    setPath(p) {
      em.path = p ? { nodes: new Set(p.nodes), pairs: p.pairs } : null;
      invalidate();
    },
    select(id) {
      em.selected.clear();
      if (id && model.nodes.has(id)) em.selected.add(id);
      invalidate();
    },
    centreOn(id) {
      const n = model.nodes.get(id);
      if (!n) return false;
      view.zoom = Math.max(view.zoom, 0.9);
      view.pan = { x: width / 2 - n.x * view.zoom, y: height / 2 - n.y * view.zoom };
      viewChanged(false);
      updateLabels();
      return true;
    },
    fit,
    zoomBy(factor) {
      setZoom(view.zoom * factor, { x: width / 2, y: height / 2 });
      viewChanged(true);
    },
    updateLabels,
    unpinAll() {
      model.unpinAll();
      invalidate();
    },
    positions() {
      const out: Record<string, { x: number; y: number }> = {};
      for (const n of model.nodes.values()) out[n.key] = { x: Math.round(n.x * 100) / 100, y: Math.round(n.y * 100) / 100 };
      return out;
    },
    project: toScreen,
    onViewport(fn) {
      viewportListeners.add(fn);
      return () => void viewportListeners.delete(fn);
    },
    png: (o) => pngOf(pictureOf(model, em.labelled, theme), o),
    pngSize: (o) => pngSizeOf(pictureBounds(model), o),
    svg: async (o) => svgOf(pictureOf(model, em.labelled, theme), o),
    resize() {
      width = container.clientWidth;
      height = container.clientHeight;
      invalidate();
    },
    setTheme(isDark) {
      theme = themeOf(isDark);
      invalidate();
    },
    destroy(remembered) {
      clearTimeout(settle);
      if (frame) cancelAnimationFrame(frame);
      canvas.remove();
      box.dispose();
      for (const n of model.nodes.values()) remembered.set(n.key, { x: n.x, y: n.y });
    },
    probe,
  };
}
