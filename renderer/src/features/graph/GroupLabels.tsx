// Names over the clusters of the grouped layout. They are HTML over the canvas rather than
// Cytoscape nodes, so they never count as drawn nodes, take no clicks and are not moved by the
// next layout; they follow the pan and zoom one frame at a time.
import type { Core } from 'cytoscape';
import { useEffect, useState } from 'react';
import type { LayoutGroup } from '../layout';

export function GroupLabels({ cy, groups }: { cy: Core; groups: LayoutGroup[] }) {
  const [view, setView] = useState(() => ({ zoom: cy.zoom(), pan: cy.pan() }));
  useEffect(() => {
    let frame = 0;
    const onViewport = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setView({ zoom: cy.zoom(), pan: { ...cy.pan() } });
      });
    };
    cy.on('viewport', onViewport);
    onViewport();
    return () => {
      cy.off('viewport', onViewport);
      cancelAnimationFrame(frame);
    };
  }, [cy]);
  return (
    <div className="group-labels" aria-hidden="true" data-testid="group-labels">
      {groups.map((g) => (
        <span
          key={g.key ?? '(none)'}
          className="group-label"
          style={{ left: g.x * view.zoom + view.pan.x, top: (g.y - g.radius) * view.zoom + view.pan.y }}
        >
          {g.label} <small>{g.count.toLocaleString()}</small>
        </span>
      ))}
    </div>
  );
}
