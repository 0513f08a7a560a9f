// The right-hand panel: details of the selection, the analysis of the current slice, the table of
// every drawn node, charts and saved views, one tab at a time; it collapses for a projector.
import { TableColumnChooser, useTableAttributes } from '../features/attributes/TableColumns';
import { WeightChoice } from '../features/attributes/WeightChoice';
import { Suspense, useDeferredValue, useMemo } from 'react';
import { DetailsPanel } from '../features/details/DetailsPanel';
import { useAtlas } from '../store/atlas';
import type { SideTab } from '../store/state';
import { lazyNamed } from './lazy';

// The tabs but Details, loaded when first shown (./lazy.ts): none is on screen at the open.
const BulkEdit = lazyNamed(() => import('../features/curation/BulkEdit'), 'BulkEdit');
const MetricsSummary = lazyNamed(() => import('../features/metrics/MetricsSummary'), 'MetricsSummary');
const NodeTable = lazyNamed(() => import('../features/table/NodeTable'), 'NodeTable');
const Charts = lazyNamed(() => import('../features/charts/Charts'), 'Charts');
const AggregateCharts = lazyNamed(() => import('../features/charts/Charts'), 'AggregateCharts');
const SavedViews = lazyNamed(() => import('../features/views/SavedViews'), 'SavedViews');

const TABS: [SideTab, string][] = [
  ['details', 'Details'],
  ['analysis', 'Analysis'],
  ['table', 'Table'],
  ['charts', 'Charts'],
  ['views', 'Views'],
];

export function SidePanel() {
  const tab = useAtlas((s) => s.sideTab);
  const tableAttributes = useTableAttributes();
  // What a drill or a filter changes reaches the panels in a render of their own, after the
  // drawing's: both in one task were a drill's longest (84–98 ms of CPU, 43–59 ms apart).
  const slice = useDeferredValue(useAtlas((s) => s.slice));
  const metrics = useAtlas((s) => s.metrics);
  const metricsStatus = useAtlas((s) => s.metricsStatus);
  const metricsError = useAtlas((s) => s.metricsError);
  const timeline = useDeferredValue(useAtlas((s) => s.timeline));
  const selectedId = useAtlas((s) => s.selectedId);
  const aggregate = useDeferredValue(useAtlas((s) => s.aggregate));
  const aggregated = aggregate !== null;
  const { setSideTab, select, togglePanel, requestFit, setStyle } = useAtlas.getState();
  const byId = useMemo(() => (metrics ? new Map(metrics.nodes.map((m) => [m.id, m])) : null), [metrics]);
  const names = useMemo(() => new Map((slice?.nodes ?? []).map((n) => [n.id, n.name])), [slice]);
  const choose = (id: string, type: 'organisation' | 'partnership' | 'event' = 'organisation') => {
    void select(id, type);
    requestFit(id);
  };
  return (
    <aside className={`panel side tab-${tab}`} aria-label="Side panel">
      <div className="tabs" role="tablist" aria-label="Panels">
        {TABS.map(([key, label]) => (
          <button key={key} role="tab" aria-selected={tab === key} data-testid={`tab-${key}`} onClick={() => setSideTab(key)}>
            {label}
          </button>
        ))}
        <button className="icon" aria-label="Collapse the side panel" title="Collapse" onClick={() => togglePanel('side', false)}>
          ›
        </button>
      </div>
      <div className="tab-body" role="tabpanel">
        <Suspense fallback={<p className="muted">Loading…</p>}>
          {tab === 'details' && <DetailsPanel />}
          {(tab === 'analysis' || tab === 'table') && aggregated && (
            <p className="muted">
              The network is drawn by {`region or country`} because the filter holds more than 5,000 organisations. Open a group or narrow
              the filters to analyse organisations.
            </p>
          )}
          {tab === 'charts' && aggregate && (
            <>
              <p className="muted">
                The network is drawn by group: these charts count the groups. Open one or narrow the filters for charts of sectors, ties and
                degrees.
              </p>
              <AggregateCharts aggregate={aggregate} timeline={timeline} />
            </>
          )}
          {tab === 'analysis' && !aggregated && (
            <WeightChoice metrics={metrics} onChange={() => void useAtlas.getState().ensureMetrics()} />
          )}
          {tab === 'analysis' && !aggregated && (
            <MetricsSummary
              metrics={metrics}
              status={metricsStatus}
              error={metricsError}
              names={names}
              onSelect={(id) => choose(id)}
              onColourByCommunity={() => void setStyle({ colourBy: 'community' })}
              onRetry={() => void useAtlas.getState().ensureMetrics()}
            />
          )}
          {tab === 'table' && !aggregated && <BulkEdit nodes={slice?.nodes ?? []} />}
          {tab === 'table' && !aggregated && <TableColumnChooser />}
          {tab === 'table' && !aggregated && (
            <NodeTable
              attributeColumns={tableAttributes}
              nodes={slice?.nodes ?? []}
              metrics={byId}
              estimated={metrics?.estimated ?? false}
              selectedId={selectedId}
              onSelect={(id, type) => choose(id, type)}
            />
          )}
          {tab === 'charts' && !aggregated && (
            <Charts nodes={slice?.nodes ?? []} edges={slice?.edges ?? []} timeline={timeline} metrics={byId} />
          )}
          {tab === 'views' && <SavedViews />}
        </Suspense>
      </div>
    </aside>
  );
}
