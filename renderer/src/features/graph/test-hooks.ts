// The hooks end-to-end tests and benchmarks drive the window through: `window.atlasGraph` (the
// drawing's probe) and `window.atlasLayout` (layout/hook.ts, which also runs cose and
// cytoscape-fcose). Test builds only: GraphCanvas installs them under __ATLAS_TEST_HOOKS__, which
// `electron-vite build --mode test` sets (electron.vite.config.ts), so a production build drops
// this module and everything only it reaches, fcose included.
import { installLayoutHook } from '../layout/hook';
import type { Drawing, GraphProbe } from './drawing';

/** What tests read of any drawing, from the Drawing interface itself. */
export interface ViewProbe {
  /** How many nodes are drawn, and how many of them lie inside the graph's box on screen. */
  inView(): { drawn: number; inView: number };
  /** The drawing's zoom (screen px per model px). */
  zoom(): number;
}

declare global {
  interface Window {
    atlasGraph?: GraphProbe & ViewProbe;
  }
}

/** Puts `drawing`'s hooks on the window; returns what takes them off. */
export function installTestHooks(drawing: Drawing, container: HTMLElement): () => void {
  const view: ViewProbe = {
    inView() {
      const positions = Object.values(drawing.positions());
      const w = container.clientWidth;
      const h = container.clientHeight;
      let inside = 0;
      for (const p of positions) {
        const at = drawing.project(p.x, p.y);
        if (at.x >= 0 && at.x <= w && at.y >= 0 && at.y <= h) inside++;
      }
      return { drawn: positions.length, inView: inside };
    },
    zoom: () => drawing.project(1, 0).x - drawing.project(0, 0).x,
  };
  const probe = drawing.probe ? Object.assign(Object.create(null) as object, drawing.probe, view) : undefined;
  window.atlasGraph = probe as (GraphProbe & ViewProbe) | undefined;
  const uninstallLayout = installLayoutHook(drawing.layout);
  return () => {
    uninstallLayout();
    if (window.atlasGraph === probe) delete window.atlasGraph;
  };
}
