// The sources a record cites, while it is edited: cite one already in the network, or a new one
// made here (a title and where it is), with where in it the fact is; or stop citing one.
import { useEffect, useState } from 'react';
import type { Source } from '../../../../shared/schemas';
import { call, errorText } from '../../api/client';
import { useCuration, write } from './edits';
import type { EditableType } from './fields';

interface Cited {
  citationId: string;
  locator: string | null;
  source: Source;
}

export function SourcesEditor({ type, id }: { type: Exclude<EditableType, 'source'>; id: string }) {
  const version = useCuration((s) => s.version);
  const [cited, setCited] = useState<Cited[]>([]);
  const [all, setAll] = useState<Source[]>([]);
  const [choice, setChoice] = useState('');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [locator, setLocator] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const cits = (await call('citation.list', { where: { recordId: id, recordType: type }, limit: 1000 })).items;
      const sources = (await call('source.list', { limit: 10_000, sort: 'title' })).items;
      const byId = new Map(sources.map((s) => [s.id, s]));
      if (!live) return;
      setAll(sources);
      setCited(
        cits.flatMap((c) => (byId.has(c.sourceId) ? [{ citationId: c.id, locator: c.locator, source: byId.get(c.sourceId)! }] : [])),
      );
    })().catch((err) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [id, type, version]);

  const cite = async () => {
    setError(null);
    try {
      let sourceId = choice;
      if (choice === 'new') {
        sourceId = (await write('source.create', { title, ...(url.trim() ? { url: url.trim() } : {}) })).id;
      }
      await write('citation.create', { sourceId, recordType: type, recordId: id, ...(locator.trim() ? { locator: locator.trim() } : {}) });
      setChoice('');
      setTitle('');
      setUrl('');
      setLocator('');
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section className="links" aria-label="Sources" data-testid="form-sources">
      <h3>Sources</h3>
      {cited.length === 0 && <p className="muted">No source is cited for this record yet.</p>}
      <ul>
        {cited.map((c) => (
          <li key={c.citationId}>
            <span>
              {c.source.title}
              {c.locator ? <span className="muted"> · {c.locator}</span> : null}
            </span>
            <button
              type="button"
              className="link"
              aria-label={`Stop citing ${c.source.title}`}
              onClick={() => void write('citation.delete', { id: c.citationId }).catch((err) => setError(errorText(err)))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div className="add-link">
        <select aria-label="Cite a source" value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="cite-source">
          <option value="">Cite a source…</option>
          <option value="new">A new source…</option>
          {all
            .filter((s) => !cited.some((c) => c.source.id === s.id))
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
        </select>
        {choice === 'new' && (
          <>
            <input
              aria-label="New source's title"
              placeholder="Title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              data-testid="new-source-title"
            />
            <input aria-label="New source's web address" placeholder="https://…" value={url} onChange={(e) => setUrl(e.target.value)} />
          </>
        )}
        {choice && (
          <>
            <input
              aria-label="Where in the source"
              placeholder="Page, paragraph…"
              value={locator}
              onChange={(e) => setLocator(e.target.value)}
            />
            <button type="button" onClick={() => void cite()} data-testid="cite-button" disabled={choice === 'new' && !title.trim()}>
              Cite
            </button>
          </>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
