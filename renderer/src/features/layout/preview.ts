// What is shown while ForceAtlas2 runs: a plain canvas laid over Cytoscape's, drawing the nodes
// (their colour and size) and a sample of the ties from the worker's latest positions, under
// Cytoscape's own pan and zoom (so panning and zooming keep working). Cytoscape's canvases are
// hidden meanwhile and its node positions untouched until the layout lands (see forceatlas2.ts
// for why: at 5,000 nodes and 20,000 edges one Cytoscape frame costs several hundred ms here).
import type { Core, NodeSingular } from 'cytoscape';
import { previewStats } from './stats';
import type { Preview } from './surface';

/** Ties drawn in the preview at most (an even sample beyond that: the picture is the same, the raster cheaper). */
const MAX_PREVIEW_EDGES = 6000;

export function openPreview(cy: Core, list: NodeSingular[], edgePairs: Uint32Array): Preview {
  const container = cy.container();
  const n = list.length;
  if (__ATLAS_TEST_HOOKS__) Object.assign(previewStats, { paints: 0, maxMs: 0, totalMs: 0 });
  // Per node: radius and colour index; colours drawn one path each.
  const radius = new Float32Array(n);
  const colourOf = new Uint16Array(n);
  const colours: string[] = [];
  const colourIndex = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const node = list[i]!;
    const data = node.data() as { size?: unknown; colour?: unknown };
    const size = Number(data.size);
    radius[i] = (size > 0 ? size : node.width()) / 2;
    const c = String(data.colour ?? node.style('background-color') ?? '#888');
    let k = colourIndex.get(c);
    if (k === undefined) {
      k = colours.length;
      colours.push(c);
      colourIndex.set(c, k);
    }
    colourOf[i] = k;
  }
  const edgeCount = edgePairs.length / 2;
  const stride = Math.max(1, Math.ceil(edgeCount / MAX_PREVIEW_EDGES));
  const firstEdge = cy.edges()[0];
  const edgeColour = firstEdge ? String(firstEdge.style('line-color')) : '#a3a8b4';

  const layer = (cy as unknown as { renderer(): { data?: { canvasContainer?: HTMLElement } } }).renderer?.().data?.canvasContainer;
  const canvas = document.createElement('canvas');
  canvas.className = 'layout-preview';
  canvas.setAttribute('aria-hidden', 'true');
  canvas.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%;pointer-events:none;z-index:1;';
  const ctx = container ? canvas.getContext('2d', { alpha: true }) : null;
  if (container && ctx) {
    container.appendChild(canvas);
    if (layer) layer.style.visibility = 'hidden';
  }

  let last: Float64Array | null = null;
  let frame = 0;
  const paint = () => {
    const t0 = __ATLAS_TEST_HOOKS__ ? performance.now() : 0;
    frame = 0;
    const xy = last;
    if (!xy || !ctx || !container) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(container.clientWidth * dpr));
    const h = Math.max(1, Math.round(container.clientHeight * dpr));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    const zoom = cy.zoom();
    const pan = cy.pan();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.setTransform(zoom * dpr, 0, 0, zoom * dpr, pan.x * dpr, pan.y * dpr);
    ctx.globalAlpha = 0.35;
    ctx.strokeStyle = edgeColour;
    ctx.lineWidth = 1 / zoom;
    ctx.beginPath();
    for (let e = 0; e < edgeCount; e += stride) {
      const a = edgePairs[2 * e]!;
      const b = edgePairs[2 * e + 1]!;
      ctx.moveTo(xy[2 * a]!, xy[2 * a + 1]!);
      ctx.lineTo(xy[2 * b]!, xy[2 * b + 1]!);
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
    // Below a few pixels across, a square is drawn much faster than a circle and looks the same.
    const round = zoom * dpr * 24 > 6;
    for (let k = 0; k < colours.length; k++) {
      ctx.fillStyle = colours[k]!;
      ctx.beginPath();
      for (let i = 0; i < n; i++) {
        if (colourOf[i] !== k) continue;
        const x = xy[2 * i]!;
        const y = xy[2 * i + 1]!;
        const r = radius[i]!;
        if (round) {
          ctx.moveTo(x + r, y);
          ctx.arc(x, y, r, 0, 2 * Math.PI);
        } else ctx.rect(x - r, y - r, 2 * r, 2 * r);
      }
      ctx.fill();
    }
    if (__ATLAS_TEST_HOOKS__) {
      const ms = performance.now() - t0;
      previewStats.paints++;
      previewStats.maxMs = Math.max(previewStats.maxMs, ms);
      previewStats.totalMs += ms;
    }
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(paint);
  };
  cy.on('viewport', schedule);

  return {
    draw(xy) {
      last = xy;
      schedule();
    },
    dispose() {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      cy.off('viewport', schedule);
      canvas.remove();
      if (layer) layer.style.visibility = '';
    },
  };
}
