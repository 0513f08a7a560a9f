// Quick add, for workshops: one key (N) opens it; type a name, Tab, a sector (its first letter
// chooses it), Tab, a country (name or code), Enter; the organisation is added, tied to the
// selected partnership or event if that box is ticked, and the form is ready for the next one.
// While the name is typed the engine names likely duplicates (the same name in any script, the
// same acronym, a similar name in the same country). The new node is placed where the person is
// looking (beside the partnership or event it joins, or in the middle of the view), so nothing
// else moves.
import { useEffect, useRef, useState } from 'react';
import { SECTOR_LABELS, SECTORS } from '../../../../shared/domain';
import type { Country } from '../../../../shared/schemas';
import { ApiError, call, errorText } from '../../api/client';
import { useAtlas } from '../../store/atlas';
import { placeNewNode } from '../graph/handle';
import { humanise } from '../details/format';
import { write } from './edits';
import { countryOption, readCountry, ROLES, validate } from './fields';
import { countries } from './RecordForm';

type Likely = { id: string; name: string; acronym: string | null; country: string | null; why: string };

export function QuickAdd({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const selectedId = useAtlas((s) => s.selectedId);
  const selectedType = useAtlas((s) => s.selectedType);
  const details = useAtlas((s) => s.details);
  const tieTo = selectedId && (selectedType === 'partnership' || selectedType === 'event') ? { id: selectedId, type: selectedType } : null;
  const tieName = tieTo && details?.record.id === tieTo.id ? details.record.name : null;
  const [list, setList] = useState<Country[]>([]);
  const [name, setName] = useState('');
  const [sector, setSector] = useState('');
  const [country, setCountry] = useState('');
  const [tie, setTie] = useState(true);
  const [role, setRole] = useState('');
  const [likely, setLikely] = useState<Likely[]>([]);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
    nameRef.current?.focus();
    void countries().then(setList);
  }, []);
  useEffect(() => setRole(tieTo?.type === 'event' ? 'participant' : 'member'), [tieTo?.type]);
  useEffect(() => {
    const t = name.trim();
    if (t.length < 2) return setLikely([]);
    let live = true;
    const code = readCountry(country, list) ?? null;
    const timer = setTimeout(() => {
      void call('duplicates.likely', { name: t, country: code })
        .then((r) => live && setLikely(r))
        .catch(() => {});
    }, 100);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [name, country, list]);

  const submit = async () => {
    const code = readCountry(country, list);
    const values = { name: name.trim(), sector, country: code ?? null };
    const found = validate('organisation', values);
    if (code === undefined) found.country = `No country is called “${country.trim()}”: type its name or two-letter code`;
    if (!sector) found.sector = 'Choose a sector';
    setIssues(found);
    if (Object.keys(found).length) {
      document.getElementById(found.name ? 'quick-name' : found.sector ? 'quick-sector' : 'quick-country')?.focus();
      return;
    }
    setBusy(true);
    try {
      const tied = tie && tieTo ? tieTo : null;
      const org = await write('organisation.create', values as never, (rec) => placeNewNode(rec.id, tied?.id ?? null));
      if (tied) {
        const input =
          tied.type === 'partnership'
            ? { partnershipId: tied.id, organisationId: org.id, role }
            : { eventId: tied.id, organisationId: org.id, role };
        await write(tied.type === 'partnership' ? 'membership.create' : 'participation.create', input as never);
      }
      setAdded((a) => [org.name, ...a].slice(0, 5));
      setName('');
      setLikely([]);
      nameRef.current?.focus();
    } catch (err) {
      setIssues(err instanceof ApiError && err.field ? { [err.field]: err.message } : { name: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="modal quick-add" aria-labelledby="quick-title" onClose={onClose} data-testid="quick-add">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id="quick-title">Quick add</h2>
        <p className="muted">Name, Tab, sector (its first letter), Tab, country, Enter. Esc when done.</p>
        <div className="form-grid">
          <div className={`field${issues.name ? ' invalid' : ''}`}>
            <label htmlFor="quick-name">Name</label>
            <input
              id="quick-name"
              ref={nameRef}
              autoComplete="off"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={issues.name ? true : undefined}
              aria-describedby="quick-likely"
            />
            {issues.name && (
              <span className="field-error" role="alert" data-testid="quick-name-error">
                {issues.name}
              </span>
            )}
          </div>
          <div id="quick-likely" aria-live="polite" className="likely" data-testid="quick-likely">
            {likely.length > 0 && (
              <>
                <strong>Already in the network?</strong>
                <ul>
                  {likely.map((l) => (
                    <li key={l.id}>
                      {l.name}
                      {l.acronym ? ` (${l.acronym})` : ''}
                      {l.country ? ` · ${l.country}` : ''} <span className="muted">— {l.why}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <div className={`field${issues.sector ? ' invalid' : ''}`}>
            <label htmlFor="quick-sector">Sector</label>
            <select
              id="quick-sector"
              value={sector}
              onChange={(e) => setSector(e.target.value)}
              aria-invalid={issues.sector ? true : undefined}
            >
              <option value="">Choose…</option>
              {SECTORS.map((s) => (
                <option key={s} value={s}>
                  {SECTOR_LABELS[s]}
                </option>
              ))}
            </select>
            {issues.sector && (
              <span className="field-error" role="alert">
                {issues.sector}
              </span>
            )}
          </div>
          <div className={`field${issues.country ? ' invalid' : ''}`}>
            <label htmlFor="quick-country">Country</label>
            <input
              id="quick-country"
              list="quick-countries"
              autoComplete="off"
              value={country}
              onChange={(e) => setCountry(e.target.value)}
              onKeyDown={(e) => {
                // Enter adds, even while the browser's completion list is open.
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void submit();
                }
              }}
              aria-invalid={issues.country ? true : undefined}
            />
            <datalist id="quick-countries">
              {list.map((c) => (
                <option key={c.code} value={countryOption(c)} />
              ))}
            </datalist>
            {issues.country && (
              <span className="field-error" role="alert">
                {issues.country}
              </span>
            )}
          </div>
          {tieTo && (
            <div className="field">
              <label>
                <input type="checkbox" checked={tie} onChange={(e) => setTie(e.target.checked)} data-testid="quick-tie" /> Add to{' '}
                {tieName ?? `the selected ${tieTo.type}`} as
              </label>
              <select aria-label="Role" value={role} onChange={(e) => setRole(e.target.value)} disabled={!tie}>
                {ROLES[tieTo.type].map((r) => (
                  <option key={r.value} value={r.value}>
                    {humanise(r.value)}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        {added.length > 0 && (
          <p className="muted" role="status" data-testid="quick-added">
            Added {added.join(', ')}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Done
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Add
          </button>
        </div>
      </form>
    </dialog>
  );
}
