// The app shell: a top bar (search, counts, view, import/export), the filter panel, the graph with
// its toolbar and legend, and the side panel; designed states for loading, errors and an empty
// network; notices for what the view is doing (aggregated, ego network, a hidden search result).
import { EditMenu } from '../features/curation/EditMenu';
import { FilterPanel } from '../features/filters/FilterPanel';
import { ExportButton } from '../features/interchange/ExportButton';
import { ImportButton } from '../features/interchange/ImportButton';
import { GraphCanvas } from '../features/graph/GraphCanvas';
import { Toolbar, ZoomControls } from '../features/graph/Toolbar';
import { Legend } from '../features/legend/Legend';
import { SearchBox } from '../features/search/SearchBox';
import { useShallow } from 'zustand/react/shallow';
import { useAtlas } from '../store/atlas';
import { AGGREGATE_ABOVE } from '../store/view';
import { useShortcuts } from './keyboard';
import { Notices } from './Notices';
import { Preferences } from './Preferences';
import { Progress } from './Progress';
import { SidePanel } from './SidePanel';
import { countText } from '../../../shared/count-text';

const n = countText;

const of = (shown: number, total: number, one: string, many = `${one}s`) => `${n(shown)} of ${n(total)} ${total === 1 ? one : many}`;

/** What the header's ties are (the export dialog counts the same pairs). */
const TIE_MEANING =
  'A tie joins two organisations that share a partnership or an event, or have a direct relation: one tie per pair, however much they share.';

/**
 * What can be seen, out of what exists: organisations (and in the full view partnerships and
 * events) drawn, and ties, which always count pairs of organisations whatever the view draws.
 */
function Counts() {
  const raw = useAtlas((s) => s.raw);
  const slice = useAtlas((s) => s.slice);
  if (!raw) return null;
  const { organisations, ties, partnerships, events } = raw.counts;
  const drawnOf = (type: string) => (slice ? slice.nodes.filter((x) => x.type === type).length : 0);
  const orgsDrawn = raw.aggregate ? organisations.shown : drawnOf('organisation');
  const tiesDrawn = raw.aggregate ? ties.shown : slice ? (raw.view === 'organisations' ? slice.edges.length : ties.shown) : 0;
  const full = raw.view === 'full' && !raw.aggregate;
  // Two lines, so neither total is cut off in a narrow window.
  return (
    <p className="counts" data-testid="counts">
      <span>
        {of(orgsDrawn, organisations.total, 'organisation')}
        {full && (
          <>
            {' · '}
            {of(drawnOf('partnership'), partnerships.total, 'partnership')}
            {' · '}
            {of(drawnOf('event'), events.total, 'event')}
          </>
        )}
      </span>
      <span className="sep"> · </span>
      <span title={TIE_MEANING}>{of(tiesDrawn, ties.total, 'tie')}</span>
    </p>
  );
}

export function App() {
  // Only what the shell shows: the whole store would render the whole window again at every
  // change, a layout's progress reports included (eight a second; issue 17).
  const { status, error, info, view, raw, panels, load, setView, togglePanel } = useAtlas(
    useShallow((s) => ({
      status: s.status,
      error: s.error,
      info: s.info,
      view: s.vs.view,
      raw: s.raw,
      panels: s.panels,
      load: s.load,
      setView: s.setView,
      togglePanel: s.togglePanel,
    })),
  );
  useShortcuts();
  return (
    <div className="app">
      <header className="topbar">
        <h1>Stakeholder Atlas</h1>
        <SearchBox />
        <Counts />
        <div className="segmented" role="group" aria-label="View">
          <button aria-pressed={view === 'organisations'} onClick={() => void setView('organisations')}>
            Organisations
          </button>
          <button aria-pressed={view === 'full'} onClick={() => void setView('full')}>
            With partnerships and events
          </button>
        </div>
        <EditMenu />
        <ImportButton />
        <ExportButton />
        <Preferences />
      </header>
      <Progress />
      {info?.synthetic && (
        <p className="banner" role="note">
          This database holds synthetic records (named “[synthetic] …”) made for demonstration. They are not real data.
        </p>
      )}
      <Notices />
      <main className="workspace">
        {panels.filters ? (
          <FilterPanel />
        ) : (
          <button
            className="rail"
            onClick={() => togglePanel('filters', true)}
            aria-label="Show the filter panel"
            data-testid="show-filters"
          >
            Filters ›
          </button>
        )}
        <div className="stage">
          <Toolbar />
          <div className="canvas">
            <GraphCanvas />
            <ZoomControls />
            {status === 'loading' && (
              <div className="overlay" aria-busy="true">
                <span className="spinner" />
                Opening the network…
              </div>
            )}
            {status === 'error' && (
              <div className="overlay error" role="alert">
                <p>{error}</p>
                <button onClick={() => void load()}>Try again</button>
              </div>
            )}
            {status === 'ready' && raw && !raw.aggregate && raw.nodes.length === 0 && (
              <div className="overlay" data-testid="empty">
                {raw.counts.organisations.total === 0 ? (
                  <p>The network is empty. Import a file (Import…) or add organisations, and they will appear here.</p>
                ) : (
                  <>
                    <p>Nothing matches these filters.</p>
                    <button onClick={() => void useAtlas.getState().clearFilters()}>Clear all filters</button>
                    <button onClick={() => void useAtlas.getState().undo()}>Undo the last change</button>
                  </>
                )}
              </div>
            )}
          </div>
          <Legend />
        </div>
        {panels.side ? (
          <SidePanel />
        ) : (
          <button className="rail" onClick={() => togglePanel('side', true)} aria-label="Show the side panel" data-testid="show-side">
            ‹ Details
          </button>
        )}
      </main>
      <p className="sr-only" aria-live="polite">
        {raw?.aggregate ? `More than ${n(AGGREGATE_ABOVE)} organisations match: drawn by ${raw.aggregate.by}.` : ''}
      </p>
    </div>
  );
}
