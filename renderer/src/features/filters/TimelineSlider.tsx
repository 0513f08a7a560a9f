// The date filter as a timeline: how many partnerships and events start in each year, a range to
// keep, and a play button that grows the network year by year (each step keeps everything up to
// that year, so ties accumulate as they did).
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { useAtlas } from '../../store/atlas';

const STEP_MS = 900;
const yearOf = (d: string | undefined) => (d ? Number(d.slice(0, 4)) : null);

export function TimelineSlider({ years }: { years: { min: number; max: number } | null }) {
  const timeline = useDeferredValue(useAtlas((s) => s.timeline));
  const filters = useAtlas((s) => s.vs.filters);
  const [playing, setPlaying] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  if (!years) return <p className="muted small">No partnership or event in this network has a date.</p>;

  const from = yearOf(filters.dateFrom) ?? years.min;
  const to = yearOf(filters.dateTo) ?? years.max;
  const set = (f: number, t: number, remember = true) =>
    useAtlas.getState().change(
      {
        filters: {
          ...useAtlas.getState().vs.filters,
          dateFrom: f > years.min ? String(f) : undefined,
          dateTo: t < years.max ? String(t) : undefined,
        },
      },
      remember,
    );

  const play = () => {
    if (playing) {
      setPlaying(false);
      if (timer.current) clearTimeout(timer.current);
      return;
    }
    setPlaying(true);
    // One undo step for the whole play: remember where it started, then step without history.
    void set(years.min, years.min, true);
    let y = years.min;
    const step = () => {
      y += 1;
      if (y > years.max) {
        setPlaying(false);
        return;
      }
      void set(years.min, y, false);
      timer.current = setTimeout(step, STEP_MS);
    };
    timer.current = setTimeout(step, STEP_MS);
  };

  const rows = timeline?.years ?? [];
  const max = Math.max(1, ...rows.map((r) => r.partnerships + r.events));
  const span = Math.max(1, years.max - years.min + 1);
  return (
    <div className="timeline" data-testid="timeline">
      <svg
        className="histogram"
        viewBox={`0 0 ${span} 40`}
        preserveAspectRatio="none"
        role="img"
        aria-label="Partnerships and events starting each year"
      >
        {rows.map((r) => {
          const x = r.year - years.min;
          const hp = (38 * r.partnerships) / max;
          const he = (38 * r.events) / max;
          const inRange = r.year >= from && r.year <= to;
          return (
            <g key={r.year} opacity={inRange ? 1 : 0.3}>
              <title>{`${r.year}: ${r.partnerships} partnerships, ${r.events} events`}</title>
              <rect className="bar-partnership" x={x + 0.1} width={0.8} y={40 - hp} height={hp} />
              <rect className="bar-event" x={x + 0.1} width={0.8} y={40 - hp - he} height={he} />
            </g>
          );
        })}
      </svg>
      <div className="dual-range">
        <input
          type="range"
          min={years.min}
          max={years.max}
          value={from}
          aria-label="From year"
          data-testid="year-from"
          onChange={(e) => void set(Math.min(Number(e.target.value), to), to)}
        />
        <input
          type="range"
          min={years.min}
          max={years.max}
          value={to}
          aria-label="To year"
          data-testid="year-to"
          onChange={(e) => void set(from, Math.max(Number(e.target.value), from))}
        />
      </div>
      <div className="timeline-foot">
        <span data-testid="year-range">
          {from === years.min && to === years.max ? `All years (${years.min}–${years.max})` : `${from}–${to}`}
        </span>
        <button className="tool" onClick={play} aria-pressed={playing} data-testid="play">
          {playing ? '❚❚ Stop' : '▶ Play growth'}
        </button>
      </div>
      <p className="muted small legend-line">
        <span className="key bar-partnership" /> partnerships <span className="key bar-event" /> events starting that year
        {timeline &&
          timeline.undated.partnerships + timeline.undated.events > 0 &&
          ` · ${timeline.undated.partnerships + timeline.undated.events} undated (left out while a date range is set)`}
      </p>
    </div>
  );
}
