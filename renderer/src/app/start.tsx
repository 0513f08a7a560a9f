// The window itself: the store's first load and React's first render. main.tsx imports this
// module dynamically, so that evaluating React, the app's code and the store is a task of its own,
// after the one that asked for the first slice (issue 17: no long task at the open).
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useAtlas } from '../store/atlas';
import { App } from './App';

// Asked before the first render, so that the engine works while React and Cytoscape start.
void useAtlas.getState().load();

// The first render as a transition: React renders the window in slices of a few milliseconds,
// yielding between them, instead of in one task of 50–100 ms.
const root = createRoot(document.getElementById('root')!);
startTransition(() =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
