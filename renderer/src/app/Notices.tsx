// One-line notices above the graph for what the view is doing and what to do about it.
import { backToNetwork, importShown } from '../features/interchange/snapshotView';
import { useAtlas } from '../store/atlas';
import { EgoHidden } from './EgoHidden';
import { AGGREGATE_ABOVE } from '../store/view';
import { countText } from '../../../shared/count-text';

const count = (n: number, what: string): string => `${countText(n)} ${what}${n === 1 ? '' : 's'}`;

export function Notices() {
  const raw = useAtlas((s) => s.raw);
  const cut = useAtlas((s) => s.cut);
  const ego = useAtlas((s) => s.vs.ego);
  const notice = useAtlas((s) => s.notice);
  const path = useAtlas((s) => s.path);
  const importedLayout = useAtlas((s) => s.importedLayout);
  const landed = useAtlas((s) => s.landedImport);
  const viewing = useAtlas((s) => s.info?.viewing ?? null);
  const a = useAtlas.getState();
  return (
    <>
      {viewing && (
        <p className="banner info" role="note" data-testid="snapshot-banner">
          Showing the snapshot <strong>{viewing}</strong>, read-only: nothing in it can change.{' '}
          <button className="link" onClick={() => void importShown()}>
            Import it into my network
          </button>{' '}
          ·{' '}
          <button className="link" onClick={() => void backToNetwork()}>
            Back to my network
          </button>
        </p>
      )}
      {raw?.aggregate && (
        <p className="banner info" role="note" data-testid="aggregated">
          {countText(raw.counts.organisations.shown)} organisations match, more than the {countText(AGGREGATE_ABOVE)} that stay readable, so
          they are drawn by {raw.aggregate.by === 'subRegion' ? 'sub-region' : raw.aggregate.by}. Double-click a group to open it, or narrow
          the filters.{' '}
          <select
            aria-label="Group by"
            value={raw.aggregate.by}
            onChange={(e) => void a.change({ aggregateBy: e.target.value as 'region' })}
          >
            <option value="region">by region</option>
            <option value="subRegion">by sub-region</option>
            <option value="country">by country</option>
          </select>
        </p>
      )}
      {ego && (
        <p className="banner info" role="note" data-testid="ego-banner">
          Ego network of <strong>{ego.name}</strong>, {ego.depth === 1 ? 'direct neighbours' : `${ego.depth} steps out`}.{' '}
          <button className="link" onClick={() => void a.clearEgo()}>
            Back to the whole network
          </button>
        </p>
      )}
      <EgoHidden />
      {path && !path.to && (
        <p className="banner info" role="note">
          Shortest path from <strong>{path.from.name}</strong>: select another organisation and choose “Path to here”.{' '}
          <button className="link" onClick={a.clearPath}>
            Cancel
          </button>
        </p>
      )}
      {landed && (
        <p className="banner info" role="status" data-testid="import-landed">
          Imported <strong>{landed.file}</strong>: {count(landed.organisations, 'organisation')}, {count(landed.relations, 'tie')}
          {landed.warnings ? `, ${count(landed.warnings, 'warning')}` : ''}.{' '}
          {landed.ids.length > 0 && (
            <>
              <button className="link" onClick={() => void a.change({ isolated: landed.ids })}>
                Show just those
              </button>{' '}
              ·{' '}
            </>
          )}
          <button className="link" onClick={a.dismissLandedImport}>
            Dismiss
          </button>
        </p>
      )}
      {importedLayout && (
        <p className="banner info" role="note" data-testid="imported-layout">
          <strong>{importedLayout.file}</strong> came with its own layout, kept as a saved view.{' '}
          <button
            className="link"
            onClick={() => {
              a.dismissImportedLayout();
              void a.restoreView(importedLayout.viewId);
            }}
          >
            Use it
          </button>{' '}
          ·{' '}
          <button className="link" onClick={a.dismissImportedLayout}>
            Keep this layout
          </button>
        </p>
      )}
      {notice && (
        <p className="banner" role="alert" data-testid="hidden-notice">
          <strong>{notice.name}</strong> is not drawn: the current filters or view leave it out.{' '}
          <button className="link" onClick={() => void showHidden(notice.id, notice.name, notice.type)}>
            Show it
          </button>
        </p>
      )}
      {cut && (
        <p className="banner" role="note" data-testid="cut">
          Drawing the {countText(cut.drawn)} most connected of {countText(cut.of)} nodes, so the window stays responsive. Narrow the filters
          to see the rest.
        </p>
      )}
    </>
  );
}

/**
 * Shows a record the view leaves out: with no filters if that draws it, else its own neighbourhood.
 * Either way it is one undoable change.
 */
async function showHidden(id: string, name: string, type: 'organisation' | 'partnership' | 'event') {
  const a = useAtlas.getState();
  const total = a.raw?.counts.organisations.total ?? 0;
  if (type === 'organisation' && total > AGGREGATE_ABOVE) {
    await a.change({ ego: { id, name, depth: 1 }, hidden: [], isolated: null });
  } else {
    await a.change({ filters: {}, ego: null, hidden: [], isolated: null, view: type === 'organisation' ? a.vs.view : 'full' });
  }
  await a.select(id, type);
  a.requestFit(id);
}
