// The hooks end-to-end tests and benchmarks drive the window through: `window.atlasGraph` (the
// drawing's probe) and `window.atlasLayout` (layout/hook.ts, which also runs cose and
// cytoscape-fcose). Test builds only: GraphCanvas installs them under __ATLAS_TEST_HOOKS__, which
// `electron-vite build --mode test` sets (electron.vite.config.ts), so a production build drops
// this module and everything only it reaches, fcose included.
import { installLayoutHook } from '../layout/hook';
import type { Drawing, GraphProbe } from './drawing';

declare global {
  interface Window {
    atlasGraph?: GraphProbe;
  }
}

/** Puts `drawing`'s hooks on the window; returns what takes them off. */
export function installTestHooks(drawing: Drawing): () => void {
  window.atlasGraph = drawing.probe;
  const uninstallLayout = installLayoutHook(drawing.layout);
  return () => {
    uninstallLayout();
    if (window.atlasGraph === drawing.probe) delete window.atlasGraph;
  };
}
