// The form to create or edit an organisation, partnership, event, relation or source, as a dialog.
// Every field is checked by the shared schema as the engine will check it, and each problem is
// shown beside its field (the engine's own refusals too: a missing country, a date range out of
// order). Partnerships and events list their members or participants with their roles; every
// record that can cite a source lists its sources and can cite another, or a new one, from here.
// Delete says first what goes with the record, and asks.
import { useEffect, useRef, useState } from 'react';
import type { Country } from '../../../../shared/schemas';
import { ApiError, call, errorText } from '../../api/client';
import { useAtlas } from '../../store/atlas';
import { humanise } from '../details/format';
import { write } from './edits';
import { countryOption, FORM_FIELDS, NOUNS, readForm, shown, validate, type EditableType, type FieldSpec } from './fields';
import { Links } from './Links';
import { OrganisationPicker } from './OrganisationPicker';
import { SourcesEditor } from './SourcesEditor';
import { countries, type FormRequest } from './form-request';

export function RecordForm({ request, onClose }: { request: FormRequest; onClose: () => void }) {
  const { type } = request;
  const dialog = useRef<HTMLDialogElement>(null);
  const [id, setId] = useState(request.id);
  const [list, setList] = useState<Country[]>([]);
  const [texts, setTexts] = useState<Record<string, string> | null>(request.id ? null : {});
  const [orgs, setOrgs] = useState<Record<string, { id: string; name: string } | null>>({});
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [impact, setImpact] = useState<{ total: number; byType: Record<string, number>; examples: string[] } | null>(null);
  const specs = FORM_FIELDS[type];

  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  useEffect(() => {
    let live = true;
    void (async () => {
      const cs = await countries();
      if (!live) return;
      setList(cs);
      const preset = request.preset ?? {};
      let rec: Record<string, unknown> = preset;
      if (request.id) rec = (await call(`${type}.get` as 'organisation.get', { id: request.id })) as unknown as Record<string, unknown>;
      if (!live) return;
      const t: Record<string, string> = {};
      const o: Record<string, { id: string; name: string } | null> = {};
      for (const s of specs) {
        if (s.kind === 'organisation') {
          const oid = rec[s.key] as string | undefined;
          o[s.key] = oid ? { id: oid, name: (await call('organisation.get', { id: oid })).name } : null;
        } else t[s.key] = shown(s, rec[s.key], cs);
      }
      if (!request.id && type === 'organisation') t.sector ??= '';
      if (!live) return;
      // A new record's form takes typing at once: what was typed while the countries loaded stays.
      setTexts((typed) => (request.id ? t : { ...t, ...typed }));
      setOrgs((chosen) => (request.id ? o : { ...o, ...chosen }));
      // A relation drawn in the graph has both ends: its type is what is left to choose.
      if (type === 'relation' && preset.sourceId && preset.targetId)
        setTimeout(() => document.getElementById('field-relation-type')?.focus());
    })().catch((err) => live && setMessage(errorText(err)));
    return () => {
      live = false;
    };
  }, [request, type, specs]);

  const save = async () => {
    if (!texts) return;
    const all = { ...texts };
    for (const s of specs) if (s.kind === 'organisation') all[s.key] = orgs[s.key]?.id ?? '';
    const { values, issues: typed } = readForm(type, all, list);
    const found = { ...validate(type, values), ...typed };
    setIssues(found);
    setMessage(null);
    if (Object.keys(found).length) {
      // The first field with a problem takes the focus, so the keyboard lands where to fix it.
      const first = specs.find((s) => found[s.key]);
      if (first) document.getElementById(`field-${type}-${first.key}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      if (id) {
        await write(`${type}.update` as 'organisation.update', { id, patch: values });
        onClose();
      } else {
        const rec = (await write(`${type}.create` as 'organisation.create', values as never)) as { id: string };
        if (type === 'partnership' || type === 'event') {
          setId(rec.id); // stays open: members and sources come next
          setMessage(`${humanise(type)} added. Add its ${type === 'partnership' ? 'members' : 'participants'} and sources below.`);
        } else {
          if (type === 'organisation') void useAtlas.getState().select(rec.id, 'organisation');
          onClose();
        }
      }
    } catch (err) {
      if (err instanceof ApiError && err.field && specs.some((s) => s.key === err.field)) setIssues({ [err.field]: err.message });
      else setMessage(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  const askDelete = async () => {
    if (!id) return;
    try {
      setImpact(await call('record.impact', { type, id }));
    } catch (err) {
      setMessage(errorText(err));
    }
  };
  const doDelete = async () => {
    if (!id) return;
    try {
      await write(`${type}.delete` as 'organisation.delete', { id });
      onClose();
    } catch (err) {
      setMessage(errorText(err));
    }
  };

  const title = `${id ? 'Edit' : 'New'} ${NOUNS[type]}`;
  return (
    <dialog ref={dialog} className="modal record-form" aria-labelledby="record-form-title" onClose={onClose} data-testid={`form-${type}`}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id="record-form-title">{title}</h2>
        {message && (
          <p className="muted" role="status" data-testid="form-message">
            {message}
          </p>
        )}
        {!texts ? (
          <p className="muted">Loading…</p>
        ) : (
          <div className="form-grid">
            {specs.map((s) => (
              <Field
                key={s.key}
                type={type}
                spec={s}
                text={texts[s.key] ?? ''}
                org={orgs[s.key] ?? null}
                countries={list}
                issue={issues[s.key]}
                onText={(v) => setTexts({ ...texts, [s.key]: v })}
                onOrg={(v) => setOrgs({ ...orgs, [s.key]: v })}
              />
            ))}
          </div>
        )}
        {id && (type === 'partnership' || type === 'event') && <Links type={type} id={id} />}
        {id && type !== 'source' && <SourcesEditor type={type} id={id} />}
        {impact && (
          <section className="impact" role="alertdialog" aria-label="Delete this record?" data-testid="delete-impact">
            <p>
              <strong>Delete this {NOUNS[type]}?</strong>{' '}
              {impact.total === 0
                ? 'Nothing else goes with it.'
                : `With it go ${Object.entries(impact.byType)
                    .map(([t, n]) => `${n} ${humanise(t).toLowerCase()}${n === 1 ? '' : 's'}`)
                    .join(', ')}:`}
            </p>
            {impact.examples.length > 0 && (
              <ul>
                {impact.examples.map((x, i) => (
                  <li key={i}>{x}</li>
                ))}
                {impact.total > impact.examples.length && <li className="muted">and {impact.total - impact.examples.length} more</li>}
              </ul>
            )}
            <p className="muted">Ctrl+Z brings it all back.</p>
            <div className="actions">
              <button type="button" onClick={() => setImpact(null)}>
                Keep it
              </button>
              <button type="button" className="danger" onClick={() => void doDelete()} data-testid="confirm-delete">
                Delete
              </button>
            </div>
          </section>
        )}
        <div className="actions">
          {id && !impact && (
            <button type="button" className="danger left" onClick={() => void askDelete()} data-testid="form-delete">
              Delete…
            </button>
          )}
          <button type="button" onClick={() => dialog.current?.close()}>
            {id && (type === 'partnership' || type === 'event') && !request.id ? 'Done' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={saving || !texts} data-testid="form-save">
            {saving ? 'Saving…' : id ? 'Save' : 'Add'}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function Field({
  type,
  spec,
  text,
  org,
  countries,
  issue,
  onText,
  onOrg,
}: {
  type: EditableType;
  spec: FieldSpec;
  text: string;
  org: { id: string; name: string } | null;
  countries: Country[];
  issue: string | undefined;
  onText: (v: string) => void;
  onOrg: (v: { id: string; name: string } | null) => void;
}) {
  const id = `field-${type}-${spec.key}`;
  const errId = `${id}-error`;
  const hintId = `${id}-hint`;
  const described = [issue ? errId : null, spec.hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-invalid': issue ? true : undefined, 'aria-describedby': described, 'data-testid': id } as const;
  let input;
  switch (spec.kind) {
    case 'choice':
      input = (
        <select {...common} value={text} onChange={(e) => onText(e.target.value)}>
          <option value="">{spec.required ? 'Choose…' : '—'}</option>
          {spec.options!.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
      break;
    case 'long':
      input = <textarea {...common} rows={3} value={text} onChange={(e) => onText(e.target.value)} />;
      break;
    case 'country':
      input = (
        <>
          <input {...common} list="country-options" autoComplete="off" value={text} onChange={(e) => onText(e.target.value)} />
          <datalist id="country-options">
            {countries.map((c) => (
              <option key={c.code} value={countryOption(c)} />
            ))}
          </datalist>
        </>
      );
      break;
    case 'organisation':
      input = (
        <OrganisationPicker id={id} value={org} label={spec.label} onChange={onOrg} invalid={!!issue} describedBy={described} testId={id} />
      );
      break;
    default:
      input = (
        <input
          {...common}
          inputMode={spec.kind === 'number' ? 'numeric' : undefined}
          value={text}
          onChange={(e) => onText(e.target.value)}
        />
      );
  }
  return (
    <div className={`field${issue ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {spec.label}
        {spec.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {input}
      {spec.hint && !issue && (
        <span className="hint muted" id={hintId}>
          {spec.hint}
        </span>
      )}
      {issue && (
        <span className="field-error" id={errId} role="alert" data-testid={`${id}-error`}>
          {issue}
        </span>
      )}
    </div>
  );
}
