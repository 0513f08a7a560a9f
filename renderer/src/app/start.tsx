// The window itself: the store's first load and React's first render. main.tsx imports this
// module dynamically, so that evaluating React, the app's code and the store is a task of its own,
// after the one that asked for the first slice (issue 17: no long task at the open).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadCytoscapeDrawing } from '../features/graph/GraphCanvas';
import { useAtlas } from '../store/atlas';
import { App } from './App';

// Asked before the first render, so that the engine works while React and Cytoscape start.
void useAtlas.getState().load();
// Fetched while React renders, not once the canvas has mounted: a small network's answer is
// there before React is done, and its drawing would wait for Cytoscape's chunk.
void loadCytoscapeDrawing();

// Rendered at once, not as a transition: rendered in slices, it was started again whenever an
// answer changed the store meanwhile, and a small network's first drawing came 100 ms later;
// sliced or not, the open's longest task was the same (issue 17).
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
