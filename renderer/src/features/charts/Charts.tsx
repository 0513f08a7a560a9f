// Small charts of the current view, drawn as plain SVG: organisations by sector and by region, ties
// and connectors per year, and the degree distribution. Each chart is a <figure> with a caption, a
// tooltip on every bar and a visually hidden table of its values; charts are drawn at the width they
// are given (measured), so text stays crisp and the same size in a narrow or a wide panel.
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { SECTOR_LABELS, SECTORS } from '../../../../shared/domain';
import { EVENT_COLOUR, NO_REGION_COLOUR, REGION_COLOURS, SECTOR_COLOURS, TIE_COLOURS } from '../../../../shared/palette';
import type { Aggregate, GraphEdge, GraphNode, NodeMetrics, Timeline } from '../../../../shared/schemas';
import { fmtInt, fmtNum, fmtPct, plural } from '../metrics/format';
import './charts.css';

export interface ChartsProps {
  nodes: GraphNode[];
  edges: GraphEdge[];
  timeline: Timeline | null;
  metrics: Map<string, NodeMetrics> | null;
}

const ACCENT = 'var(--accent)';
const PARTNERSHIP_FILL = TIE_COLOURS.partnership;
const EVENT_FILL = EVENT_COLOUR;

// ---------- measuring ----------

function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.floor(el.getBoundingClientRect().width));
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

/** Rough width of a label in the 11–12 px UI font, to thin axis labels and clip long names. */
const textWidth = (s: string, px = 11) => s.length * px * 0.58;
const clip = (s: string, max: number, px = 12) => {
  if (textWidth(s, px) <= max) return s;
  const keep = Math.max(1, Math.floor(max / (px * 0.58)) - 1);
  return `${s.slice(0, keep).trimEnd()}…`;
};

function niceStep(raw: number): number {
  if (raw <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

// ---------- frame ----------

interface TableSpec {
  head: string[];
  rows: (string | number)[][];
}

function ChartFigure({
  testId,
  title,
  subtitle,
  table,
  wide,
  extra,
  children,
}: {
  testId: string;
  title: string;
  subtitle?: ReactNode;
  table?: TableSpec;
  wide?: boolean;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure className={`chart${wide ? ' wide' : ''}`} data-testid={testId}>
      <figcaption>
        <span className="chart-title">{title}</span>
        {subtitle && <span className="chart-sub">{subtitle}</span>}
        {extra}
      </figcaption>
      {children}
      {table && table.rows.length > 0 && (
        <table className="sr-only">
          <caption>{title}</caption>
          <thead>
            <tr>
              {table.head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>
                {r.map((v, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {v}
                    </th>
                  ) : (
                    <td key={j}>{v}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}

function Empty({ children, height }: { children: ReactNode; height: number }) {
  return (
    <div className="chart-empty" style={{ height }} role="note">
      <svg width="28" height="22" viewBox="0 0 28 22" aria-hidden="true">
        <rect x="1" y="12" width="6" height="9" rx="1.5" />
        <rect x="11" y="6" width="6" height="15" rx="1.5" />
        <rect x="21" y="1" width="6" height="20" rx="1.5" />
      </svg>
      <p>{children}</p>
    </div>
  );
}

// ---------- horizontal bars (categories) ----------

interface Category {
  key: string;
  label: string;
  value: number;
  colour: string;
}

const HROW = 26;

function HBars({ items, total, noun, label }: { items: Category[]; total: number; noun: string; label: string }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const max = Math.max(1, ...items.map((i) => i.value));
  const labelW = Math.min(160, Math.max(96, Math.round(width * 0.42)));
  const valueW = 74;
  const barW = Math.max(10, width - labelW - valueW - 8);
  const height = items.length * HROW + 4;
  return (
    <div ref={ref} className="chart-plot">
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-label={label} className="chart-svg">
          {items.map((it, i) => {
            const y = i * HROW + 2;
            const w = it.value ? Math.max(2, (barW * it.value) / max) : 0;
            const share = total ? it.value / total : 0;
            return (
              <g key={it.key} className="bin">
                <title>{`${it.label}: ${plural(it.value, noun)} (${fmtPct(share)})`}</title>
                <rect className="hit" x={0} y={y} width={width} height={HROW - 2} rx={4} />
                <text className="cat-label" x={labelW - 10} y={y + HROW / 2 - 1} textAnchor="end" dominantBaseline="middle">
                  {clip(it.label, labelW - 14)}
                </text>
                <rect className="track" x={labelW} y={y + 5} width={barW} height={HROW - 12} rx={3} />
                <rect className="bar" x={labelW} y={y + 5} width={w} height={HROW - 12} rx={3} fill={it.colour} />
                <text className="value" x={labelW + w + 6} y={y + HROW / 2 - 1} dominantBaseline="middle">
                  {fmtInt(it.value)}
                  <tspan className="share"> {fmtPct(share)}</tspan>
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
}

// ---------- columns (years, degree bins) ----------

interface Bin {
  key: string;
  /** Axis label; shown only where there is room (see `labelled`). */
  label: string;
  values: number[];
  tip: string;
}
interface Series {
  name: string;
  colour: string;
}

const PLOT_H = 132;

function Columns({
  bins,
  series,
  label,
  log = false,
  labelled,
}: {
  bins: Bin[];
  series: Series[];
  label: string;
  log?: boolean;
  /** Which bins get an axis label, given how many bins one label needs to fit. */
  labelled: (index: number, every: number) => boolean;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const totals = bins.map((b) => b.values.reduce((s, v) => s + v, 0));
  const max = Math.max(1, ...totals);

  let ticks: number[];
  let top: number;
  if (log) {
    top = 10 ** Math.ceil(Math.log10(max + 1));
    ticks = [0];
    for (let t = 1; t <= top; t *= 10) ticks.push(t);
  } else {
    const step = niceStep(max / 4);
    top = Math.ceil(max / step) * step;
    ticks = [];
    for (let t = 0; t <= top; t += step) ticks.push(t);
  }
  const scale = (v: number) => (log ? (PLOT_H * Math.log10(1 + v)) / Math.log10(1 + top) : (PLOT_H * v) / top);

  const left = Math.ceil(textWidth(fmtInt(top), 11)) + 10;
  const right = 6;
  const topPad = 6;
  const bottom = 22;
  const plotW = Math.max(10, width - left - right);
  const pitch = plotW / Math.max(1, bins.length);
  const barW = Math.max(1, Math.min(26, pitch * 0.74));
  const longest = Math.max(...bins.map((b) => textWidth(b.label)));
  const every = [1, 2, 3, 4, 5, 10, 20, 25, 50, 100].find((k) => k * pitch >= longest + 8) ?? Math.ceil((longest + 8) / pitch);

  return (
    <div ref={ref} className="chart-plot">
      {width > 0 && (
        <svg width={width} height={PLOT_H + topPad + bottom} role="img" aria-label={label} className="chart-svg">
          <g transform={`translate(${left},${topPad})`}>
            {ticks.map((t) => {
              const y = PLOT_H - scale(t);
              return (
                <g key={t} className="tick">
                  <line x1={0} x2={plotW} y1={y} y2={y} className={t === 0 ? 'baseline' : 'grid'} />
                  {!(log && t === 0) && (
                    <text x={-6} y={y} textAnchor="end" dominantBaseline="middle">
                      {fmtInt(t)}
                    </text>
                  )}
                </g>
              );
            })}
            {bins.map((b, i) => {
              const x = i * pitch;
              let acc = 0;
              return (
                <g key={b.key} className="bin">
                  <title>{b.tip}</title>
                  <rect className="hit" x={x} y={-topPad} width={pitch} height={PLOT_H + topPad} />
                  {b.values.map((v, s) => {
                    if (!v) return null;
                    const y0 = scale(acc);
                    acc += v;
                    const h = Math.max(1, scale(acc) - y0);
                    return (
                      <rect
                        key={s}
                        className="bar"
                        x={x + (pitch - barW) / 2}
                        y={PLOT_H - y0 - h}
                        width={barW}
                        height={h}
                        rx={Math.min(2, barW / 4)}
                        fill={series[s]?.colour ?? ACCENT}
                      />
                    );
                  })}
                  {labelled(i, every) && (
                    <text className="x-label" x={x + pitch / 2} y={PLOT_H + 15} textAnchor="middle">
                      {b.label}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        </svg>
      )}
    </div>
  );
}

function Keys({ series }: { series: Series[] }) {
  return (
    <span className="chart-keys">
      {series.map((s) => (
        <span key={s.name}>
          <span className="chart-key" style={{ background: s.colour }} aria-hidden="true" />
          {s.name}
        </span>
      ))}
    </span>
  );
}

const yearOf = (d: string | null) => {
  if (!d) return null;
  const y = Number(d.slice(0, 4));
  return Number.isFinite(y) ? y : null;
};

/** One bin per year from the first to the last, the empty years included. */
function yearBins<T>(byYear: Map<number, T>, empty: T): [number, T][] {
  if (byYear.size === 0) return [];
  const years = [...byYear.keys()];
  const from = Math.min(...years);
  const to = Math.max(...years);
  const out: [number, T][] = [];
  for (let y = from; y <= to; y++) out.push([y, byYear.get(y) ?? empty]);
  return out;
}
const yearLabelled = (first: number) => (i: number, every: number) => every === 1 || (first + i) % every === 0;

// ---------- the charts ----------

function SectorChart({ orgs }: { orgs: GraphNode[] }) {
  const items = useMemo(() => {
    const counts = new Map<string, number>();
    for (const n of orgs) counts.set(n.sector ?? 'other', (counts.get(n.sector ?? 'other') ?? 0) + 1);
    return SECTORS.filter((s) => counts.has(s))
      .map((s) => ({ key: s, label: SECTOR_LABELS[s], value: counts.get(s) ?? 0, colour: SECTOR_COLOURS[s] }))
      .sort((a, b) => b.value - a.value);
  }, [orgs]);
  const top = items[0];
  return (
    <ChartFigure
      testId="chart-sector"
      title="Organisations by sector"
      subtitle={plural(orgs.length, 'organisation')}
      table={{ head: ['Sector', 'Organisations', 'Share'], rows: items.map((i) => [i.label, i.value, fmtPct(i.value / orgs.length)]) }}
    >
      {items.length === 0 ? (
        <Empty height={120}>No organisations in this view</Empty>
      ) : (
        <HBars
          items={items}
          total={orgs.length}
          noun="organisation"
          label={`${items.length} sectors; the largest is ${top!.label} with ${plural(top!.value, 'organisation')} of ${fmtInt(orgs.length)}.`}
        />
      )}
    </ChartFigure>
  );
}

function RegionChart({ orgs }: { orgs: GraphNode[] }) {
  const items = useMemo(() => {
    const counts = new Map<string, number>();
    for (const n of orgs) counts.set(n.region ?? '', (counts.get(n.region ?? '') ?? 0) + 1);
    const out: Category[] = [...counts]
      .filter(([r]) => r !== '')
      .map(([r, v]) => ({ key: r, label: r, value: v, colour: REGION_COLOURS[r] ?? NO_REGION_COLOUR }))
      .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
    const none = counts.get('');
    if (none) out.push({ key: '', label: 'No country', value: none, colour: NO_REGION_COLOUR });
    return out;
  }, [orgs]);
  const top = items[0];
  return (
    <ChartFigure
      testId="chart-region"
      title="Organisations by region"
      subtitle={items.some((i) => i.key === '') ? 'International bodies have no country' : plural(orgs.length, 'organisation')}
      table={{ head: ['Region', 'Organisations', 'Share'], rows: items.map((i) => [i.label, i.value, fmtPct(i.value / orgs.length)]) }}
    >
      {items.length === 0 ? (
        <Empty height={120}>No organisations in this view</Empty>
      ) : (
        <HBars
          items={items}
          total={orgs.length}
          noun="organisation"
          label={`${items.length} regions; the largest is ${top!.label} with ${plural(top!.value, 'organisation')} of ${fmtInt(orgs.length)}.`}
        />
      )}
    </ChartFigure>
  );
}

function TiesPerYear({ edges }: { edges: GraphEdge[] }) {
  const { bins, undated, ties } = useMemo(() => {
    const byYear = new Map<number, number>();
    let undated = 0;
    let ties = 0;
    for (const e of edges) {
      if (e.type !== 'tie') continue;
      ties++;
      const y = yearOf(e.firstDate);
      if (y === null) undated++;
      else byYear.set(y, (byYear.get(y) ?? 0) + 1);
    }
    return { bins: yearBins(byYear, 0), undated, ties };
  }, [edges]);
  const dated = ties - undated;
  const peak = bins.reduce<[number, number] | null>((p, b) => (!p || b[1] > p[1] ? b : p), null);
  return (
    <ChartFigure
      testId="chart-ties-per-year"
      wide
      title="Ties per year"
      subtitle={
        ties === 0
          ? 'By the year a tie began'
          : `By the year a tie began · ${plural(dated, 'dated tie')}${undated ? `, ${fmtInt(undated)} undated` : ''}`
      }
      table={{ head: ['Year', 'Ties begun'], rows: bins.map(([y, v]) => [y, v]) }}
    >
      {bins.length === 0 ? (
        <Empty height={PLOT_H + 28}>
          {ties === 0 && edges.length > 0
            ? 'Ties are drawn in the organisations view; switch to it to see them by year'
            : ties === 0
              ? 'No ties in this view'
              : 'No dated ties in this view'}
        </Empty>
      ) : (
        <Columns
          bins={bins.map(([y, v]) => ({ key: String(y), label: String(y), values: [v], tip: `${y}: ${plural(v, 'tie')} began` }))}
          series={[{ name: 'Ties', colour: ACCENT }]}
          labelled={yearLabelled(bins[0]![0])}
          label={`Ties by the year they began, ${bins[0]![0]} to ${bins[bins.length - 1]![0]}; most in ${peak![0]} (${fmtInt(peak![1])}).`}
        />
      )}
    </ChartFigure>
  );
}

function TimelineChart({ timeline }: { timeline: Timeline | null }) {
  const series: Series[] = [
    { name: 'Partnerships', colour: PARTNERSHIP_FILL },
    { name: 'Events', colour: EVENT_FILL },
  ];
  const bins = useMemo(() => {
    const byYear = new Map<number, [number, number]>();
    for (const y of timeline?.years ?? []) if (y.partnerships || y.events) byYear.set(y.year, [y.partnerships, y.events]);
    return yearBins<[number, number]>(byYear, [0, 0]);
  }, [timeline]);
  const totals = bins.reduce((s, [, [p, e]]) => [s[0]! + p, s[1]! + e], [0, 0]);
  const undated = timeline?.undated;
  const undatedText =
    undated && (undated.partnerships || undated.events)
      ? ` · undated: ${plural(undated.partnerships, 'partnership')}, ${plural(undated.events, 'event')}`
      : '';
  return (
    <ChartFigure
      testId="chart-timeline"
      wide
      title="Partnerships and events per year"
      subtitle={`By the year they started${undatedText}`}
      extra={bins.length > 0 && <Keys series={series} />}
      table={{ head: ['Year', 'Partnerships', 'Events'], rows: bins.map(([y, [p, e]]) => [y, p, e]) }}
    >
      {bins.length === 0 ? (
        <Empty height={PLOT_H + 28}>No dated partnerships or events in this view</Empty>
      ) : (
        <Columns
          bins={bins.map(([y, [p, e]]) => ({
            key: String(y),
            label: String(y),
            values: [p, e],
            tip: `${y}: ${plural(p, 'partnership')}, ${plural(e, 'event')}`,
          }))}
          series={series}
          labelled={yearLabelled(bins[0]![0])}
          label={`${plural(totals[0]!, 'partnership')} and ${plural(totals[1]!, 'event')} started between ${bins[0]![0]} and ${bins[bins.length - 1]![0]}.`}
        />
      )}
    </ChartFigure>
  );
}

/** Integer bins up to 24; above, bins that double in width (0, 1, 2, 3–4, 5–8, 9–16…). */
function degreeBins(degrees: number[]): { lo: number; hi: number; count: number }[] {
  const max = Math.max(0, ...degrees);
  const bins: { lo: number; hi: number; count: number }[] = [];
  if (max <= 24) for (let d = 0; d <= max; d++) bins.push({ lo: d, hi: d, count: 0 });
  else {
    bins.push({ lo: 0, hi: 0, count: 0 }, { lo: 1, hi: 1, count: 0 }, { lo: 2, hi: 2, count: 0 });
    for (let lo = 3, hi = 4; lo <= max; lo = hi + 1, hi *= 2) bins.push({ lo, hi, count: 0 });
  }
  for (const d of degrees) {
    const b = bins.find((x) => d >= x.lo && d <= x.hi);
    if (b) b.count++;
  }
  return bins;
}

function DegreeChart({ nodes, edges, metrics }: { nodes: GraphNode[]; edges: GraphEdge[]; metrics: Map<string, NodeMetrics> | null }) {
  const [log, setLog] = useState(false);
  const { degrees, fromMetrics } = useMemo(() => {
    const orgs = nodes.filter((n) => n.type === 'organisation');
    const pool = orgs.length ? orgs : nodes;
    const withMetrics = metrics ? pool.filter((n) => metrics.has(n.id)) : [];
    if (metrics && withMetrics.length) return { degrees: withMetrics.map((n) => metrics.get(n.id)!.degree), fromMetrics: true };
    const count = new Map<string, number>(pool.map((n) => [n.id, 0]));
    for (const e of edges) {
      if (count.has(e.source)) count.set(e.source, count.get(e.source)! + 1);
      if (e.target !== e.source && count.has(e.target)) count.set(e.target, count.get(e.target)! + 1);
    }
    return { degrees: [...count.values()], fromMetrics: false };
  }, [nodes, edges, metrics]);
  const bins = useMemo(() => degreeBins(degrees), [degrees]);
  const sorted = useMemo(() => [...degrees].sort((a, b) => a - b), [degrees]);
  const n = sorted.length;
  const mean = n ? sorted.reduce((s, d) => s + d, 0) / n : 0;
  const median = n ? (n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2) : 0;
  const max = n ? sorted[n - 1]! : 0;
  const isolated = bins[0]?.lo === 0 ? bins[0].count : 0;
  const binLabel = (b: { lo: number; hi: number }) => (b.lo === b.hi ? String(b.lo) : `${b.lo}–${b.hi}`);
  return (
    <ChartFigure
      testId="chart-degree"
      wide
      title="Degree distribution"
      subtitle={
        n
          ? `${fromMetrics ? 'Ties per organisation' : 'Connections per node, counted from the drawn edges'} · mean ${fmtNum(mean)}, median ${fmtNum(median)}, max ${fmtInt(max)}${isolated ? ` · ${fmtInt(isolated)} without ties` : ''}`
          : undefined
      }
      extra={
        n > 0 && (
          <label className="chart-toggle">
            <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> Log scale
          </label>
        )
      }
      table={{ head: ['Degree', 'Count'], rows: bins.map((b) => [binLabel(b), b.count]) }}
    >
      {n === 0 ? (
        <Empty height={PLOT_H + 28}>No organisations in this view</Empty>
      ) : (
        <Columns
          bins={bins.map((b) => ({
            key: binLabel(b),
            label: binLabel(b),
            values: [b.count],
            tip: `Degree ${binLabel(b)}: ${plural(b.count, fromMetrics ? 'organisation' : 'node')}`,
          }))}
          series={[{ name: 'Count', colour: ACCENT }]}
          log={log}
          labelled={(i, every) => i % every === 0}
          label={`Degree distribution of ${plural(n, fromMetrics ? 'organisation' : 'node')}: mean ${fmtNum(mean)}, median ${fmtNum(median)}, highest ${fmtInt(max)}.`}
        />
      )}
    </ChartFigure>
  );
}

/** Groups shown as bars at most; the rest are counted in the subtitle. */
const MOST_GROUPS = 15;

/** The aggregated view's groups (regions, sub-regions or countries) by their organisations. */
function GroupChart({ aggregate }: { aggregate: Aggregate }) {
  const noun = aggregate.by === 'subRegion' ? 'sub-region' : aggregate.by;
  const all = useMemo(
    () =>
      aggregate.groups
        .map((g) => ({
          key: g.id,
          label: g.label,
          value: g.organisations,
          colour: g.by === 'region' ? (REGION_COLOURS[g.key ?? ''] ?? NO_REGION_COLOUR) : ACCENT,
        }))
        .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label)),
    [aggregate],
  );
  const items = all.slice(0, MOST_GROUPS);
  const total = all.reduce((s, g) => s + g.value, 0);
  const rest = all.length - items.length;
  return (
    <ChartFigure
      testId="chart-groups"
      title={`Organisations by ${noun}`}
      subtitle={`${plural(total, 'organisation')} in ${plural(all.length, noun)}${rest > 0 ? ` · the ${fmtInt(MOST_GROUPS)} largest shown` : ''}`}
      table={{
        head: [noun[0]!.toUpperCase() + noun.slice(1), 'Organisations', 'Share'],
        rows: all.map((g) => [g.label, g.value, fmtPct(g.value / total)]),
      }}
    >
      {items.length === 0 ? (
        <Empty height={120}>No organisations in this view</Empty>
      ) : (
        <HBars
          items={items}
          total={total}
          noun="organisation"
          label={`${plural(all.length, noun)}; the largest is ${items[0]!.label} with ${plural(items[0]!.value, 'organisation')} of ${fmtInt(total)}.`}
        />
      )}
    </ChartFigure>
  );
}

/** Charts for the aggregated view: what its groups hold, and the timeline (the engine counts it whatever the size). */
export function AggregateCharts({ aggregate, timeline }: { aggregate: Aggregate; timeline: Timeline | null }) {
  return (
    <div className="charts" data-testid="charts">
      <GroupChart aggregate={aggregate} />
      <TimelineChart timeline={timeline} />
    </div>
  );
}

export function Charts({ nodes, edges, timeline, metrics }: ChartsProps) {
  const orgs = useMemo(() => nodes.filter((n) => n.type === 'organisation'), [nodes]);
  return (
    <div className="charts" data-testid="charts">
      <SectorChart orgs={orgs} />
      <RegionChart orgs={orgs} />
      <TimelineChart timeline={timeline} />
      <TiesPerYear edges={edges} />
      <DegreeChart nodes={nodes} edges={edges} metrics={metrics} />
    </div>
  );
}
