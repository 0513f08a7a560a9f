// Names over the clusters of the grouped layout. They are HTML over the canvas rather than
// Cytoscape nodes, so they never count as drawn nodes, take no clicks and are not moved by the
// next layout; they follow the pan and zoom one frame at a time.
import { useEffect, useState } from 'react';
import type { LayoutGroup } from '../layout';
import type { Drawing } from './drawing';
import { countText } from '../../../../shared/count-text';

export function GroupLabels({ drawing, groups }: { drawing: Drawing; groups: LayoutGroup[] }) {
  const [, setFrame] = useState(0);
  useEffect(() => {
    let frame = 0;
    const onViewport = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setFrame((f) => f + 1);
      });
    };
    const off = drawing.onViewport(onViewport);
    onViewport();
    return () => {
      off();
      cancelAnimationFrame(frame);
    };
  }, [drawing]);
  return (
    <div className="group-labels" aria-hidden="true" data-testid="group-labels">
      {groups.map((g) => {
        const at = drawing.project(g.x, g.y - g.radius);
        return (
          <span key={g.key ?? '(none)'} className="group-label" style={{ left: at.x, top: at.y }}>
            {g.label} <small>{countText(g.count)}</small>
          </span>
        );
      })}
    </div>
  );
}
