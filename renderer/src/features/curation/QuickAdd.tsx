// Quick add, for workshops: one key (N) opens it; type a name, Tab, a sector (its first letter
// chooses it), Tab, a country (name or code), Enter; the organisation is added, tied to the
// selected partnership or event if that box is ticked, and the form is ready for the next one.
// While the name is typed the engine names likely duplicates (the same name in any script, the
// same acronym, a similar name in the same country). The new node is placed where the person is
// looking (beside the partnership or event it joins, or in the middle of the view), so nothing
// else moves.
//
// Enter takes the entry and clears the name at once; the writes (the organisation, then its tie)
// run one entry after another in the order typed. A facilitator types the next name while the
// last one is still being written: clearing the field only once both writes had answered wiped
// what was typed meanwhile, and a test that looked only at the drawn node count read the partnership
// before the second entry's tie had landed.
import { useEffect, useRef, useState } from 'react';
import { SECTOR_LABELS, SECTORS } from '../../../../shared/domain';
import type { Country } from '../../../../shared/schemas';
import { ApiError, call, errorText } from '../../api/client';
import { useAtlas } from '../../store/atlas';
import { placeNewNode } from '../graph/handle';
import { humanise } from '../details/format';
import { write } from './edits';
import { countryOption, readCountry, ROLES, validate } from './fields';
import { countries } from './form-request';

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
  /** Names taken but not yet written, in order. */
  const [pending, setPending] = useState<string[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());

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

  const submit = () => {
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
    // The tie is the one offered when Enter was pressed, whatever is selected by the time it is written.
    const tied = tie && tieTo ? { ...tieTo, role } : null;
    setName('');
    setLikely([]);
    setPending((p) => [...p, values.name]);
    nameRef.current?.focus();
    queue.current = queue.current.then(async () => {
      try {
        const org = await write('organisation.create', values as never, (rec) => placeNewNode(rec.id, tied?.id ?? null));
        if (tied) {
          const input =
            tied.type === 'partnership'
              ? { partnershipId: tied.id, organisationId: org.id, role: tied.role }
              : { eventId: tied.id, organisationId: org.id, role: tied.role };
          await write(tied.type === 'partnership' ? 'membership.create' : 'participation.create', input as never);
        }
        setAdded((a) => [org.name, ...a].slice(0, 5));
        // The name dialog (asked at the first edit) gives the focus back to the name field on
        // closing, but Chromium then leaves the caret out of it and typed letters go nowhere: the
        // caret is put back (unless the person has moved on to another field).
        const field = nameRef.current;
        const at = document.activeElement;
        if (field && dialog.current?.open && (at === field || !dialog.current.contains(at))) {
          field.focus();
          field.setSelectionRange(field.value.length, field.value.length);
        }
      } catch (err) {
        // The entry comes back to be corrected, unless the person is already typing the next.
        setName((n) => n || values.name);
        setIssues(err instanceof ApiError && err.field ? { [err.field]: err.message } : { name: `${values.name}: ${errorText(err)}` });
      } finally {
        setPending((p) => p.slice(1));
      }
    });
  };

  return (
    <dialog ref={dialog} className="modal quick-add" aria-labelledby="quick-title" onClose={onClose} data-testid="quick-add">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
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
              {/* Not "Choose…": the sector stays from the last entry, and typing C for Civil society
                  again would jump to a placeholder starting with C. */}
              <option value="">—</option>
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
                  submit();
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
        {pending.length > 0 && (
          <p className="muted" data-testid="quick-pending">
            Adding {pending.join(', ')}…
          </p>
        )}
        {added.length > 0 && (
          <p className="muted" role="status" data-testid="quick-added">
            Added {added.join(', ')}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Done
          </button>
          <button type="submit" className="primary">
            Add
          </button>
        </div>
      </form>
    </dialog>
  );
}
