// What the colours, sizes and lines mean, for the styling chosen; it reads the same mapping
// (appearance.ts) the canvas uses, through the legend's model (legend-model.ts), which pictures of
// the drawing paint too. Every sector or region keeps its place, dimmed when none is drawn: a
// legend that grew and shrank with each filter also resized the graph above it, which fitted and
// painted it again, and moved every key a reader had learnt.
import { useDeferredValue } from 'react';
import { useAtlas } from '../../store/atlas';
import type { LegendItem } from './legend-model';
import { useLegend } from './use-legend';

const SWATCH_CLASS = { disc: '', diamond: 'diamond', square: 'square', line: 'line', dashed: 'line dashed' } as const;

function Item({ colour, label, shape = 'disc', absent = false }: LegendItem) {
  return (
    <li className={absent ? 'absent' : undefined} title={absent ? 'None drawn now' : undefined}>
      <span
        className={`swatch ${SWATCH_CLASS[shape]}`}
        style={shape === 'dashed' ? { color: colour } : { background: colour }}
        data-colour={colour}
      />
      {label}
    </li>
  );
}

export function Legend() {
  const aggregate = useDeferredValue(useAtlas((s) => s.aggregate));
  const legend = useLegend();
  if (aggregate) {
    return (
      <section className="legend" aria-label="Legend" data-testid="legend">
        <p>{legend.notes.join(' ')} Click one for what it holds, double-click to open it.</p>
      </section>
    );
  }
  return (
    <section className="legend" aria-label="Legend" data-testid="legend">
      {legend.sections.map((s) => (
        <div className="legend-section" key={s.title}>
          <h3>{s.title}</h3>
          <ul>
            {s.items.map((c) => (
              <Item key={c.label} {...c} />
            ))}
          </ul>
        </div>
      ))}
      <p className="muted">{legend.notes.join(' ')}</p>
    </section>
  );
}
