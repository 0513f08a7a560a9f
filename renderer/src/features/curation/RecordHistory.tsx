// What the details panel adds for curation: Edit, who brought the record in and when (an import,
// named, or a person), merges folded into it and where their values came from, and its history:
// every change, by whom and when, with the fields it changed; an earlier value can be put back.
import { useEffect, useState } from 'react';
import type { Change, Provenance } from '../../../../shared/schemas';
import { call, errorText } from '../../api/client';
import { useAtlas } from '../../store/atlas';
import { humanise } from '../details/format';
import { useCuration, write } from './edits';
import { openForm } from './form-request';

type T = 'organisation' | 'partnership' | 'event';
const HIDDEN = new Set(['updatedAt', 'createdAt', 'id']);
const when = (at: string) => new Date(at).toLocaleString();
const valueText = (v: unknown) =>
  v === null || v === undefined || v === ''
    ? '—'
    : Array.isArray(v)
      ? v.join(', ') || '—'
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);

/** The fields a change changed, with their values before and after. */
function changed(c: Change): { field: string; before: unknown; after: unknown }[] {
  if (c.op !== 'update' || !c.before || !c.after) return [];
  return Object.keys(c.after)
    .filter((k) => !HIDDEN.has(k) && JSON.stringify(c.before![k]) !== JSON.stringify(c.after![k]))
    .map((k) => ({ field: k, before: c.before![k], after: c.after![k] }));
}

export function EditButton({ type, id }: { type: T; id: string }) {
  const readOnly = useAtlas((s) => s.info?.viewing != null);
  if (readOnly) return null;
  return (
    <button className="tool edit-record" onClick={() => openForm({ type, id })} data-testid="edit-record">
      Edit…
    </button>
  );
}

export function RecordHistory({ type, id }: { type: T; id: string }) {
  const version = useCuration((s) => s.version);
  const [prov, setProv] = useState<Provenance | null>(null);
  const [log, setLog] = useState<Change[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([call('record.provenance', { type, id }), call('changes.list', { recordId: id, limit: 200 })])
      .then(([p, l]) => live && (setProv(p), setLog(l)))
      .catch((err) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [type, id, version]);
  const restore = (field: string, value: unknown) =>
    void write(`${type}.update` as 'organisation.update', { id, patch: { [field]: value } }).catch((err) => setError(errorText(err)));
  return (
    <section className="provenance" data-testid="provenance">
      {prov && (
        <p className="muted" data-testid="created-by">
          {prov.importLabel
            ? `Brought in by the import “${prov.importLabel.replace(/^Import of /, '')}”${prov.createdAt ? ` on ${when(prov.createdAt)}` : ''}${prov.createdBy ? ` (${prov.createdBy})` : ''}.`
            : prov.createdBy
              ? `Added by ${prov.createdBy}${prov.createdAt ? ` on ${when(prov.createdAt)}` : ''}.`
              : 'Where this record came from is not recorded.'}
          {prov.lastChangedAt ? ` Last changed by ${prov.lastChangedBy} on ${when(prov.lastChangedAt)}.` : ''}
        </p>
      )}
      {prov?.merges.map((m) => (
        <div key={m.mergedId} className="muted merged" data-testid="merged-from">
          Merged with {m.mergedName} by {m.actor} on {when(m.at)}
          {Object.keys(m.fields).length > 0 && (
            <ul>
              {Object.entries(m.fields).map(([f, how]) => (
                <li key={f}>
                  {humanise(f.replace(/^attributes\./, ''))}: {how}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {error && <p className="error">{error}</p>}
      <details data-testid="history">
        <summary>History{log ? ` (${log.length}${log.length === 200 ? '+' : ''})` : ''}</summary>
        <ol className="history">
          {log?.map((c) => (
            <li key={c.seq}>
              <span className="muted">
                {when(c.at)} · {c.actor}
              </span>{' '}
              {c.op === 'create' ? (c.importId ? 'brought in by an import' : 'added') : c.op === 'delete' ? 'deleted' : 'changed'}
              <ul>
                {changed(c).map((d) => (
                  <li key={d.field}>
                    {humanise(d.field)}: {valueText(d.before)} → {valueText(d.after)}{' '}
                    <button className="link" onClick={() => restore(d.field, d.before)} data-testid={`restore-${d.field}`}>
                      Put back “{valueText(d.before)}”
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
