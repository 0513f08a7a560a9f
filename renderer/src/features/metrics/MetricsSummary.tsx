// The analysis of the current view at a glance: communities, components, whether the path-based
// measures are exact or estimated, how long they took, the brokers, and the top organisations by
// betweenness and PageRank (each one a button that selects it).
import { useMemo, useState } from 'react';
import { COMMUNITY_COLOURS, NO_REGION_COLOUR } from '../../../../shared/palette';
import type { Metrics, NodeMetrics } from '../../../../shared/schemas';
import { fmt, fmtInt, fmtMs, fmtPct, plural } from './format';
import { MetricsProgress } from './MetricsProgress';
import './metrics.css';

export interface MetricsSummaryProps {
  metrics: Metrics | null;
  status: 'idle' | 'computing' | 'ready' | 'error';
  error?: string | null;
  names: Map<string, string>;
  onSelect(id: string): void;
  onColourByCommunity?(): void;
  /** Offered as "Try again" in the error state when given. */
  onRetry?(): void;
}

const TOP = 10;

interface Ranked {
  id: string;
  value: number;
  detail?: string;
}

function RankedList({
  items,
  names,
  onSelect,
  format,
  testId,
  label,
  bars = true,
}: {
  bars?: boolean;
  items: Ranked[];
  names: Map<string, string>;
  onSelect(id: string): void;
  format(v: number): string;
  testId?: string;
  label: string;
}) {
  const max = Math.max(...items.map((i) => i.value), Number.MIN_VALUE);
  return (
    <ol className="mx-ranked" aria-label={label}>
      {items.map((it, i) => {
        const name = names.get(it.id) ?? it.id;
        return (
          <li key={it.id}>
            <button
              type="button"
              className="mx-item"
              data-testid={testId}
              data-id={it.id}
              onClick={() => onSelect(it.id)}
              title={`Select ${name}`}
            >
              <span className="mx-rank" aria-hidden="true">
                {i + 1}
              </span>
              <span className="mx-name">{name}</span>
              {bars ? (
                <>
                  <span className="mx-value">{format(it.value)}</span>
                  <span className="mx-bar" aria-hidden="true">
                    <span style={{ width: `${Math.max(1.5, (100 * it.value) / max)}%` }} />
                  </span>
                  {it.detail && <span className="mx-detail">{it.detail}</span>}
                </>
              ) : (
                <span className="mx-sub">
                  {format(it.value)}
                  {it.detail && ` · ${it.detail}`}
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ol>
  );
}

function CommunityStrip({ nodes }: { nodes: NodeMetrics[] }) {
  const sizes = useMemo(() => {
    const m = new Map<number, number>();
    for (const n of nodes) m.set(n.community, (m.get(n.community) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1]);
  }, [nodes]);
  if (sizes.length < 2) return null;
  const shown = sizes.slice(0, COMMUNITY_COLOURS.length);
  const rest = sizes.slice(COMMUNITY_COLOURS.length).reduce((s, [, n]) => s + n, 0);
  const total = nodes.length;
  return (
    <div className="mx-strip-wrap">
      <span className="mx-strip-label">Community sizes</span>
      <div
        className="mx-strip"
        role="img"
        aria-label={`Community sizes: ${shown.map(([c, n]) => `community ${c + 1}, ${n}`).join('; ')}${rest ? `; the rest, ${rest}` : ''}`}
      >
        {shown.map(([c, n]) => (
          <span
            key={c}
            style={{ flexGrow: n, background: COMMUNITY_COLOURS[c] ?? NO_REGION_COLOUR }}
            title={`Community ${c + 1}: ${plural(n, 'organisation')} (${fmtPct(n / total)})`}
          />
        ))}
        {rest > 0 && (
          <span
            style={{ flexGrow: rest, background: NO_REGION_COLOUR }}
            title={`${sizes.length - shown.length} smaller communities: ${plural(rest, 'organisation')}`}
          />
        )}
      </div>
    </div>
  );
}

/** What the estimate is worth: measured against exact values on generated networks (engine's sampling-error.ts). */
function SamplingNote({ sampling }: { sampling: NonNullable<Metrics['sampling']> }) {
  const e = sampling.error;
  return (
    <p className="mx-hint muted" data-testid="sampling-error">
      Betweenness and closeness are estimated from shortest paths out of {fmtInt(sampling.pivots)} of the{' '}
      {plural(sampling.of, 'organisation')} of the largest component, chosen at random (the same every time).{' '}
      {e
        ? `On generated networks of this kind (${e.graphs}), estimates from ${fmtInt(e.pivots)} sources were off by at most ${fmt(e.maxAbs)} in normalised betweenness (${fmt(e.meanAbs)} on average), kept at least ${e.top20Kept} of the exact top 20 (rank correlation among them at least ${fmt(e.top20Rank, 2)}), and closeness within ${fmtPct(e.closenessRel)}.`
        : 'Their error was not measured for so few sources: read them as a rough ranking.'}
    </p>
  );
}

function Skeleton() {
  return (
    <div className="mx-cards" aria-hidden="true">
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="mx-card mx-skeleton">
          <span />
          <span />
          <span />
        </div>
      ))}
    </div>
  );
}

export function MetricsSummary({ metrics, status, error, names, onSelect, onColourByCommunity, onRetry }: MetricsSummaryProps) {
  const [allBrokers, setAllBrokers] = useState(false);
  const byId = useMemo(() => new Map((metrics?.nodes ?? []).map((m) => [m.id, m])), [metrics]);
  const top = useMemo(() => {
    const nodes = metrics?.nodes ?? [];
    const pick = (key: 'betweenness' | 'pagerank') =>
      nodes
        .filter((n) => n[key] > 0)
        .sort((a, b) => b[key] - a[key] || a.id.localeCompare(b.id))
        .slice(0, TOP)
        .map<Ranked>((n) => ({ id: n.id, value: n[key], detail: plural(n.degree, 'tie') }));
    return { betweenness: pick('betweenness'), pagerank: pick('pagerank') };
  }, [metrics]);

  const computing = status === 'computing';

  if (status === 'error') {
    return (
      <section className="metrics-summary" data-testid="metrics-summary">
        <div className="mx-error" role="alert">
          <strong>The network measures could not be computed.</strong>
          {error && <p>{error}</p>}
          {onRetry && (
            <button type="button" className="mx-action" onClick={onRetry}>
              Try again
            </button>
          )}
        </div>
      </section>
    );
  }

  if (!metrics) {
    return (
      <section className="metrics-summary" data-testid="metrics-summary" aria-busy={computing}>
        {computing ? (
          <>
            <div className="mx-computing" role="status">
              <span className="mx-spinner" aria-hidden="true" />
              <div>
                <strong>Computing network measures…</strong>
                <p className="muted">Communities, components, centralities and brokers of the organisations in view.</p>
                <MetricsProgress />
              </div>
            </div>
            <div className="mx-progress" aria-hidden="true">
              <span />
            </div>
            <Skeleton />
          </>
        ) : (
          <p className="mx-idle muted">
            Network measures (communities, components, centralities and brokers) are computed for the organisations in the current view.
          </p>
        )}
      </section>
    );
  }

  const n = metrics.nodes.length;
  const brokers = metrics.brokers
    .map((id, i) => ({ id, joins: metrics.brokerJoins[i] ?? 0 }))
    .filter(({ id }) => byId.has(id) || names.has(id));
  const shownBrokers = allBrokers ? brokers : brokers.slice(0, TOP);

  return (
    <section className={`metrics-summary${computing ? ' stale' : ''}`} data-testid="metrics-summary" aria-busy={computing}>
      {computing && (
        <div className="mx-progress mx-updating" aria-hidden="true">
          <span />
        </div>
      )}
      {n === 0 ? (
        <p className="mx-idle muted">There are no organisations in this view to measure.</p>
      ) : (
        <div className="mx-body">
          <p className="mx-lead muted" role="status">
            {computing ? 'Updating for the current view…' : `Measures of ${plural(n, 'organisation')} in the current view.`}
          </p>
          {computing && <MetricsProgress />}
          <div className="mx-cards">
            <div className="mx-card">
              <span className="mx-label">Communities</span>
              <span className="mx-big">{fmtInt(metrics.communities)}</span>
              <span className="mx-note" title="Louvain modularity: above about 0.3, the communities are clearly separated">
                modularity {fmt(metrics.modularity)}
              </span>
            </div>
            <div className="mx-card">
              <span className="mx-label">Components</span>
              <span className="mx-big">{fmtInt(metrics.components)}</span>
              <span className="mx-note">
                largest {fmtInt(metrics.largestComponent)} ({fmtPct(metrics.largestComponent / n)})
              </span>
            </div>
            <div className="mx-card">
              <span className="mx-label">Betweenness, closeness</span>
              <span className="mx-big mx-word">{metrics.estimated ? 'Estimated' : 'Exact'}</span>
              <span className="mx-note">
                {metrics.estimated
                  ? metrics.sampling
                    ? `from ${fmtInt(metrics.sampling.pivots)} of ${plural(metrics.sampling.of, 'source')}`
                    : 'from a sample of sources'
                  : 'every shortest path counted'}
                {metrics.weight.paths === 'inverse' ? `; paths over 1 / “${metrics.weight.attribute}”` : '; paths in steps'}
              </span>
            </div>
            <div className="mx-card">
              <span className="mx-label">Computed in</span>
              <span className="mx-big">{fmtMs(metrics.millis)}</span>
            </div>
          </div>
          {metrics.estimated && metrics.sampling && <SamplingNote sampling={metrics.sampling} />}
          <CommunityStrip nodes={metrics.nodes} />
          {onColourByCommunity && metrics.communities > 1 && (
            <button type="button" className="mx-action" onClick={onColourByCommunity} data-testid="colour-by-community">
              <span className="mx-action-dots" aria-hidden="true">
                {COMMUNITY_COLOURS.slice(0, 4).map((c) => (
                  <span key={c} style={{ background: c }} />
                ))}
              </span>
              Colour the graph by community
            </button>
          )}

          <h3 className="mx-h">Brokers</h3>
          <p className="mx-hint muted" data-testid="broker-rule">
            An organisation is a broker when it is the only link between some organisations and the rest of their network: without it, they
            would be cut off. The one that joins the most comes first.
          </p>
          {brokers.length === 0 ? (
            <p className="mx-none muted">No organisation is the only link between others in this view: each has another way in.</p>
          ) : (
            <>
              <RankedList
                label="Brokers, the one joining most first"
                testId="broker"
                names={names}
                onSelect={onSelect}
                items={shownBrokers.map(({ id, joins }) => {
                  const m = byId.get(id);
                  return { id, value: joins, detail: m ? `betweenness ${fmt(m.betweenness)}` : undefined };
                })}
                format={(v) => `joins ${plural(v, 'organisation')} to the rest`}
                bars={false}
              />
              {brokers.length > TOP && (
                <button type="button" className="mx-more link" onClick={() => setAllBrokers(!allBrokers)} aria-expanded={allBrokers}>
                  {allBrokers ? 'Show the first 10' : `Show all ${fmtInt(brokers.length)} brokers`}
                </button>
              )}
            </>
          )}

          <h3 className="mx-h">
            Top {TOP} by betweenness{metrics.estimated && <span className="mx-tag">estimate</span>}
          </h3>
          {top.betweenness.length === 0 ? (
            <p className="mx-none muted">No organisation lies on a shortest path between two others.</p>
          ) : (
            <RankedList
              label={`Top ${TOP} by betweenness`}
              names={names}
              onSelect={onSelect}
              items={top.betweenness}
              format={(v) => fmt(v)}
            />
          )}

          <h3 className="mx-h">Top {TOP} by PageRank</h3>
          {top.pagerank.length === 0 ? (
            <p className="mx-none muted">No PageRank to show.</p>
          ) : (
            <RankedList label={`Top ${TOP} by PageRank`} names={names} onSelect={onSelect} items={top.pagerank} format={(v) => fmt(v)} />
          )}
        </div>
      )}
    </section>
  );
}
