// First, so that the first slice is asked before anything else is evaluated.
import './store/opening';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/styles.css';
import { useAtlas } from './store/atlas';

// Asked before the first render, so that the engine works while React and Cytoscape start.
void useAtlas.getState().load();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
