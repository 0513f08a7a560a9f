// The app shell: a header with what is drawn, the graph, the legend and the details panel, and
// designed states for loading, errors and an empty network.
import { useEffect } from 'react';
import { DetailsPanel } from '../features/details/DetailsPanel';
import { ExportButton } from '../features/interchange/ExportDialog';
import { ImportButton } from '../features/interchange/ImportDialog';
import { GraphCanvas } from '../features/graph/GraphCanvas';
import { Legend } from '../features/legend/Legend';
import { useAtlas } from '../store/atlas';

function Counts() {
  const slice = useAtlas((s) => s.slice);
  if (!slice) return null;
  const { organisations, ties } = slice.counts;
  const n = (x: number) => x.toLocaleString('en');
  const part = (c: { shown: number; total: number }, noun: string) =>
    c.shown === c.total ? `${n(c.total)} ${noun}` : `${n(c.shown)} of ${n(c.total)} ${noun}`;
  return (
    <p className="counts" data-testid="counts">
      {part(organisations, 'organisations')} · {part(ties, 'ties')}
    </p>
  );
}

export function App() {
  const { status, error, info, view, slice, cut, load, setView } = useAtlas();
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="app">
      <header className="topbar">
        <h1>Stakeholder Atlas</h1>
        <Counts />
        <ImportButton />
        <ExportButton />
        <div className="segmented" role="group" aria-label="View">
          <button aria-pressed={view === 'organisations'} onClick={() => void setView('organisations')}>
            Organisations
          </button>
          <button aria-pressed={view === 'full'} onClick={() => void setView('full')}>
            With partnerships and events
          </button>
        </div>
      </header>
      {info?.synthetic && (
        <p className="banner" role="note">
          This database holds synthetic records (named “[synthetic] …”) made for demonstration. They are not real data.
        </p>
      )}
      {cut && (
        <p className="banner" role="note" data-testid="cut">
          Drawing the {cut.drawn.toLocaleString('en')} most connected of {cut.of.toLocaleString('en')} nodes, so the window stays
          responsive. Narrow the network with filters (the explorer, next) to see the rest.
        </p>
      )}
      <main className="workspace">
        <div className="stage">
          <div className="canvas">
          <GraphCanvas />
          {status === 'loading' && <div className="overlay" aria-busy="true">Opening the network…</div>}
          {status === 'error' && (
            <div className="overlay error" role="alert">
              <p>{error}</p>
              <button onClick={() => void load()}>Try again</button>
            </div>
          )}
          {status === 'ready' && slice && slice.nodes.length === 0 && (
            <div className="overlay">The network is empty. Organisations you add or import will appear here.</div>
          )}
          </div>
          <Legend />
        </div>
        <DetailsPanel />
      </main>
    </div>
  );
}
