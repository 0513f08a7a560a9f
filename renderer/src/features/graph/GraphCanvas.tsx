// The graph: one Cytoscape instance for the life of the page, fed slices by difference.
import cytoscape, { type Core } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { useAtlas } from '../../store/atlas';
import { applySlice } from './applySlice';
import { setGraph } from './handle';
import { layoutFor } from './layout';
import { graphStyle } from './style';

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

declare global {
  interface Window {
    /** Read-only view of where nodes are drawn, for end-to-end tests that click them. */
    atlasGraph?: { renderedPosition(id: string): { x: number; y: number } | null };
  }
}

function fit(cy: Core) {
  cy.fit(undefined, 60);
  // A handful of nodes would otherwise be blown up to fill the screen.
  if (cy.zoom() > 1.25) {
    cy.zoom(1.25);
    cy.center();
  }
}

export function GraphCanvas() {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const autoFit = useRef(true);
  const slice = useAtlas((s) => s.slice);
  const selectedId = useAtlas((s) => s.selectedId);
  const select = useAtlas((s) => s.select);
  const [drawn, setDrawn] = useState({ nodes: 0, edges: 0 });

  useEffect(() => {
    const cy = cytoscape({
      container: container.current,
      style: graphStyle(darkQuery.matches),
      minZoom: 0.05,
      maxZoom: 4,
      hideEdgesOnViewport: true,
      textureOnViewport: false,
      boxSelectionEnabled: false,
    });
    cyRef.current = cy;
    setGraph(cy);
    cy.on('tap', 'node', (e) => {
      const n = e.target;
      void useAtlas.getState().select(n.id(), n.data('type'));
    });
    cy.on('tap', (e) => {
      if (e.target === cy) void useAtlas.getState().select(null);
    });
    const onTheme = () => cy.style(graphStyle(darkQuery.matches));
    // Banners and panels change the canvas's size; Cytoscape must be told, and the graph is
    // fitted again until the user has panned or zoomed it themselves.
    cy.on('dragpan scrollzoom pinchzoom', () => (autoFit.current = false));
    const resize = new ResizeObserver(() => {
      cy.resize();
      if (autoFit.current) fit(cy);
    });
    resize.observe(container.current!);
    darkQuery.addEventListener('change', onTheme);
    window.atlasGraph = {
      renderedPosition(id) {
        const n = cy.getElementById(id);
        if (n.empty()) return null;
        const p = n.renderedPosition();
        const box = container.current!.getBoundingClientRect();
        return { x: box.left + p.x, y: box.top + p.y };
      },
    };
    return () => {
      darkQuery.removeEventListener('change', onTheme);
      resize.disconnect();
      delete window.atlasGraph;
      setGraph(null);
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !slice) return;
    if (applySlice(cy, slice)) {
      cy.layout(layoutFor(cy)).run();
      autoFit.current = true;
      fit(cy);
    }
    setDrawn({ nodes: cy.nodes().length, edges: cy.edges().length });
  }, [slice]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements(':selected').unselect();
      if (selectedId) cy.getElementById(selectedId).select();
    });
  }, [selectedId]);

  return (
    <div
      ref={container}
      className="graph"
      data-testid="graph"
      data-node-count={drawn.nodes}
      data-edge-count={drawn.edges}
      role="img"
      aria-label={`Network graph: ${drawn.nodes} nodes and ${drawn.edges} edges`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') void select(null);
      }}
      tabIndex={0}
    />
  );
}
