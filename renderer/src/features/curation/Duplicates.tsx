// The duplicate finder: likely pairs with their reasons, ranked (the engine finds them in its
// worker), and for one pair the two records side by side, where they differ a choice of whose
// value to keep, and a merge that keeps every tie, citation and attribute of both. One Ctrl+Z
// takes a merge back.
import { useEffect, useState } from 'react';
import type { DuplicatePair, Organisation, Source } from '../../../../shared/schemas';
import { call, errorText } from '../../api/client';
import { sectorLabel } from '../details/format';
import { useCuration, write } from './edits';
import { Modal } from './Modal';
import { countText } from '../../../../shared/count-text';

const REASONS: Record<DuplicatePair['reasons'][number]['kind'], string> = {
  same_name: 'same name',
  same_acronym: 'same acronym',
  same_domain: 'same website',
  similar_name: 'similar name, same country',
  name_is_acronym: 'a name that is the other’s acronym',
};
const FIELDS = ['name', 'acronym', 'sector', 'country', 'city', 'website', 'description'] as const;

export function Duplicates({ onClose }: { onClose: () => void }) {
  const [found, setFound] = useState<{ pairs: DuplicatePair[]; total: number; millis: number } | null>(null);
  const [pair, setPair] = useState<DuplicatePair | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useCuration((s) => s.version);
  useEffect(() => {
    void call('duplicates.find', { limit: 300 })
      .then(setFound)
      .catch((err) => setError(errorText(err)));
  }, [version]);
  return (
    <Modal title="Likely duplicates" testId="duplicates-dialog" onClose={onClose}>
      {error && <p className="error">{error}</p>}
      {!found && !error && <p className="muted">Looking…</p>}
      {pair ? (
        <Merge pair={pair} onDone={() => setPair(null)} />
      ) : (
        found && (
          <>
            <p className="muted" data-testid="duplicates-count">
              {found.total === 0
                ? 'No likely duplicates.'
                : `${countText(found.total)} likely pairs, most likely first${found.total > found.pairs.length ? ` (the first ${found.pairs.length})` : ''}.`}
            </p>
            <table className="plan duplicates" data-testid="duplicates">
              <thead>
                <tr>
                  <th>One</th>
                  <th>The other</th>
                  <th>Why</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {found.pairs.map((p) => (
                  <tr key={`${p.a.id}|${p.b.id}`}>
                    <td>
                      {p.a.name}
                      {p.a.country ? <span className="muted"> · {p.a.country}</span> : null}
                    </td>
                    <td>
                      {p.b.name}
                      {p.b.country ? <span className="muted"> · {p.b.country}</span> : null}
                    </td>
                    <td>{p.reasons.map((r) => REASONS[r.kind]).join('; ')}</td>
                    <td>
                      <button onClick={() => setPair(p)}>Compare…</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )
      )}
    </Modal>
  );
}

function Merge({ pair, onDone }: { pair: DuplicatePair; onDone: () => void }) {
  const [recs, setRecs] = useState<[Organisation, Organisation] | null>(null);
  const [keepFirst, setKeepFirst] = useState(true);
  const [choose, setChoose] = useState<Record<string, 'keep' | 'merge'>>({});
  const [sources, setSources] = useState<Source[]>([]);
  const [sourceId, setSourceId] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void Promise.all([call('organisation.get', { id: pair.a.id }), call('organisation.get', { id: pair.b.id })])
      .then((r) => setRecs(r))
      .catch((err) => setError(errorText(err)));
    void call('source.list', { limit: 10_000, sort: 'title' }).then((r) => setSources(r.items));
  }, [pair]);
  if (!recs) return error ? <p className="error">{error}</p> : <p className="muted">Loading…</p>;
  const [keep, other] = keepFirst ? recs : [recs[1], recs[0]];
  const show = (f: (typeof FIELDS)[number], o: Organisation) => (f === 'sector' ? sectorLabel(o.sector) : (o[f] ?? '—'));
  const merge = async () => {
    setError(null);
    try {
      await write('organisation.merge', { keepId: keep.id, mergeId: other.id, choose, ...(sourceId ? { sourceId } : {}) });
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section className="merge" data-testid="merge">
      <p>
        Merging keeps one record and moves every partnership, event, relation and source of the other onto it; tags and attributes of both
        are kept. Where they differ, choose whose value stays.
      </p>
      <table className="plan">
        <thead>
          <tr>
            <th />
            <th>
              <label>
                <input type="radio" name="keep" checked={keepFirst} onChange={() => (setKeepFirst(true), setChoose({}))} /> Keep this record
              </label>
            </th>
            <th>
              <label>
                <input type="radio" name="keep" checked={!keepFirst} onChange={() => (setKeepFirst(false), setChoose({}))} /> Keep this
                record
              </label>
            </th>
          </tr>
        </thead>
        <tbody>
          {FIELDS.map((f) => {
            const a = keep[f] ?? null;
            const b = other[f] ?? null;
            const conflict = a !== null && b !== null && a !== b;
            const [left, right] = keepFirst ? [keep, other] : [other, keep];
            const takesLeft = (choose[f] ?? 'keep') === (keepFirst ? 'keep' : 'merge');
            return (
              <tr key={f} className={conflict ? 'conflict' : undefined}>
                <th>{f[0]!.toUpperCase() + f.slice(1)}</th>
                {[left, right].map((o, i) => (
                  <td key={i}>
                    {conflict ? (
                      <label>
                        <input
                          type="radio"
                          name={`field-${f}`}
                          checked={i === 0 ? takesLeft : !takesLeft}
                          data-testid={`choose-${f}-${i}`}
                          onChange={() => setChoose({ ...choose, [f]: (i === 0) === keepFirst ? 'keep' : 'merge' })}
                        />{' '}
                        {show(f, o)}
                      </label>
                    ) : (
                      show(f, o)
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
          <tr>
            <th>Tags</th>
            <td colSpan={2}>{[...new Set([...keep.tags, ...other.tags])].join(', ') || '—'} (both kept)</td>
          </tr>
        </tbody>
      </table>
      <label className="field">
        Based on a source (optional)
        <select value={sourceId} onChange={(e) => setSourceId(e.target.value)}>
          <option value="">—</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button onClick={onDone}>Back to the list</button>
        <button className="primary" onClick={() => void merge()} data-testid="merge-button">
          Merge into ‘{keep.name}’
        </button>
      </div>
    </section>
  );
}
