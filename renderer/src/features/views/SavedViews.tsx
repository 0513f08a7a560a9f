// Saved views: the current filters, view, styling, layout and node positions under a name, kept
// in the database; listed here to restore, rename or delete.
import { useState } from 'react';
import { errorText } from '../../api/client';
import { drawnPositions } from '../graph/handle';
import { useAtlas } from '../../store/atlas';

export function SavedViews() {
  const views = useAtlas((s) => s.savedViews);
  const aggregated = useAtlas((s) => !!s.aggregate);
  const { saveView, restoreView, renameView, deleteView } = useAtlas.getState();
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const attempt = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      setMessage({ text: ok, error: false });
    } catch (err) {
      setMessage({ text: errorText(err), error: true });
    }
  };

  return (
    <section className="saved-views" aria-label="Saved views" data-testid="saved-views">
      <form
        className="save-form"
        onSubmit={(e) => {
          e.preventDefault();
          const n = name.trim();
          if (!n) return;
          void attempt(async () => {
            await saveView(n, aggregated ? {} : drawnPositions());
            setName('');
          }, `Saved “${n}”.`);
        }}
      >
        <label htmlFor="view-name">Save what you see now</label>
        <div className="row">
          <input
            id="view-name"
            value={name}
            placeholder="Name, e.g. Africa PPPs 2019–2022"
            onChange={(e) => setName(e.target.value)}
            maxLength={200}
          />
          <button className="tool primary" type="submit" disabled={!name.trim()}>
            Save
          </button>
        </div>
        <p className="muted small">Keeps the filters, the view, the styling, the layout and where every node is.</p>
      </form>
      {message && (
        <p className={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {views.length === 0 ? (
        <p className="muted">No saved views yet.</p>
      ) : (
        <ul className="view-list">
          {views.map((v) => (
            <li key={v.id} data-testid="saved-view">
              {editing?.id === v.id ? (
                <form
                  className="row"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void attempt(async () => {
                      await renameView(v.id, editing.name);
                      setEditing(null);
                    }, 'Renamed.');
                  }}
                >
                  <input
                    aria-label="New name"
                    value={editing.name}
                    autoFocus
                    onChange={(e) => setEditing({ id: v.id, name: e.target.value })}
                  />
                  <button className="tool" type="submit">
                    OK
                  </button>
                  <button className="tool" type="button" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <>
                  <button className="link view-name" onClick={() => void attempt(() => restoreView(v.id), `Restored “${v.name}”.`)}>
                    {v.name}
                  </button>
                  <span className="muted small">
                    {Object.keys(v.filters).length} filters · {Object.keys(v.positions).length} positions · {v.updatedAt.slice(0, 10)}
                  </span>
                  <span className="row-actions">
                    <button className="link" onClick={() => setEditing({ id: v.id, name: v.name })}>
                      Rename
                    </button>
                    <button
                      className="link danger"
                      onClick={() => {
                        if (window.confirm(`Delete the saved view “${v.name}”?`)) void attempt(() => deleteView(v.id), 'Deleted.');
                      }}
                    >
                      Delete
                    </button>
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
