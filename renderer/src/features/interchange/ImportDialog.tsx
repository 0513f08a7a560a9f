// Import: pick files, see exactly what would change (the preview), choose what happens to
// duplicates, then import in one step that lands whole or not at all.
import { useEffect, useRef, useState } from 'react';
import { SECTOR_LABELS, SECTORS, type Sector } from '../../../../shared/domain';
import type { ImportInput, ImportSummary } from '../../../../shared/schemas';
import { ApiError, call } from '../../api/client';
import { useAtlas } from '../../store/atlas';
import { noteWrite } from '../curation/edits';
import { plural } from '../metrics/format';
import { ImportProgress } from './ImportProgress';
import { showSnapshot } from './snapshotView';
import { countText } from '../../../../shared/count-text';

const PART_LABELS: Record<string, string> = {
  organisations: 'Organisations',
  partnerships: 'Partnerships',
  memberships: 'Memberships',
  events: 'Events',
  participations: 'Participations',
  relations: 'Relations',
  sources: 'Sources',
  citations: 'Citations',
  savedViews: 'Saved views',
};

type Choices = Omit<ImportInput, 'path' | 'format' | 'maxBytes'>;

export function ImportDialog({ path, onClose }: { path: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [choices, setChoices] = useState<Choices>({ onDuplicate: 'merge' });
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [state, setState] = useState<'previewing' | 'ready' | 'importing' | 'failed'>('previewing');
  const [message, setMessage] = useState<string | null>(null);
  const load = useAtlas((s) => s.load);
  const choose = (patch: Partial<Choices>) => setChoices((c) => ({ ...c, ...patch }));
  const input = JSON.stringify(choices);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  useEffect(() => {
    let live = true;
    setState('previewing');
    setMessage(null);
    call('import.preview', { path, ...(JSON.parse(input) as Choices) })
      .then((p) => live && (setPreview(p), setState('ready')))
      .catch((err: ApiError) => live && (setMessage(err.message), setState('failed')));
    return () => {
      live = false;
    };
  }, [path, input]);

  const run = async () => {
    setState('importing');
    setMessage(null);
    try {
      const done = await call('import.run', { path, ...choices });
      await load();
      noteWrite(); // Ctrl+Z takes the import back, in the order things were done here
      useAtlas.setState({
        importedLayout: done.layoutView ? { file: done.file, viewId: done.layoutView.id } : null,
        landedImport: done.landed
          ? {
              file: done.file,
              organisations: done.landed.organisations,
              relations: done.landed.relations,
              warnings: done.warningCount,
              ids: done.landed.organisationIds,
            }
          : null,
      });
      dialog.current?.close();
      onClose();
    } catch (err) {
      setMessage((err as Error).message);
      // A cancelled import leaves the plan as it was: the person may import it after all.
      setState(err instanceof ApiError && err.code === 'cancelled' ? 'ready' : 'failed');
    }
  };
  const blocked = !preview || (preview.errorCount > 0 && !(preview.badRowsSkippable && choices.skipBadRows));

  return (
    <dialog ref={dialog} className="modal" aria-labelledby="import-title" onClose={onClose} data-testid="import-dialog">
      <h2 id="import-title">Import {preview ? `${preview.file}` : ''}</h2>
      {state === 'previewing' && <p aria-busy="true">Reading the file…</p>}
      {(state === 'failed' || (state === 'ready' && message)) && (
        <p className={state === 'failed' ? 'error' : 'muted'} role="alert">
          {message}
          {/nothing was/i.test(message ?? '') ? '' : ' Nothing was changed.'}
        </p>
      )}
      {preview && state !== 'failed' && (
        <>
          <p className="muted">
            {preview.format.toUpperCase()} · {plural(preview.nodes, 'node')} · {plural(preview.edges, 'edge')}
            {preview.skippedLines > 0 && ` · the first ${plural(preview.skippedLines, 'line')}, before the header, skipped`}
          </p>
          <table className="plan" data-testid="import-plan">
            <thead>
              <tr>
                <th>Records</th>
                <th>New</th>
                <th>Merged</th>
                <th>Skipped</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(preview.records)
                .filter(([, c]) => c.create + c.merge + c.skip > 0)
                .map(([part, c]) => (
                  <tr key={part}>
                    <td>{PART_LABELS[part] ?? part}</td>
                    <td>{countText(c.create)}</td>
                    <td>{countText(c.merge)}</td>
                    <td>{countText(c.skip)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          {preview.columns && (
            <ColumnChoice
              columns={preview.columns}
              skippedLines={preview.skippedLines}
              onChange={(mapping, skipLines) => choose({ mapping, skipLines })}
            />
          )}
          {preview.sectorValues.length > 0 && (
            <SectorValues values={preview.sectorValues} onChange={(sectors) => choose({ values: { ...choices.values, sectors } })} />
          )}
          {preview.countryValues.length > 0 && (
            <CountryValues values={preview.countryValues} onChange={(countries) => choose({ values: { ...choices.values, countries } })} />
          )}
          {preview.duplicateCount > 0 && (
            <fieldset>
              <legend>
                {plural(preview.duplicateCount, 'organisation')} already in the network (matched by ID, by name and country, or by acronym)
              </legend>
              {(['merge', 'skip', 'create'] as const).map((mode) => (
                <label key={mode}>
                  <input type="radio" name="dup" checked={choices.onDuplicate === mode} onChange={() => choose({ onDuplicate: mode })} />{' '}
                  {mode === 'merge' ? 'Merge: fill in what is missing' : mode === 'skip' ? 'Skip them' : 'Create them again as new records'}
                </label>
              ))}
            </fieldset>
          )}
          {preview.inFileDuplicateCount > 0 && (
            <fieldset data-testid="in-file-duplicates">
              <legend>
                {preview.inFileDuplicateCount === 1 ? 'One name is' : `${countText(preview.inFileDuplicateCount)} names are`} given to
                several nodes of this file, in the same country, with different IDs
              </legend>
              <ul>
                {preview.inFileDuplicates.slice(0, 10).map((d, i) => (
                  <li key={i}>
                    “{d.name}”{d.country ? ` (${d.country})` : ''}: {d.count} nodes
                    {d.lines.length ? `, lines ${d.lines.slice(0, 5).join(', ')}` : ''}
                  </li>
                ))}
              </ul>
              {(['apart', 'merge'] as const).map((mode) => (
                <label key={mode}>
                  <input
                    type="radio"
                    name="in-file"
                    checked={(choices.inFileDuplicates ?? 'apart') === mode}
                    onChange={() => choose({ inFileDuplicates: mode })}
                  />{' '}
                  {mode === 'apart' ? 'Keep them apart: they are different organisations' : 'Merge each group into one organisation'}
                </label>
              ))}
            </fieldset>
          )}
          {preview.errorCount > 0 && !preview.badRowsSkippable && (
            <section className="issues error" data-testid="import-errors">
              <h3>{plural(preview.errorCount, 'error')}: the file cannot be imported until they are fixed</h3>
              <IssueList issues={preview.errors} total={preview.errorCount} />
            </section>
          )}
          {((preview.errorCount > 0 && preview.badRowsSkippable) || preview.skippedRows > 0) && (
            <section className={preview.skippedRows ? 'issues' : 'issues error'} data-testid="bad-rows">
              <h3>
                {preview.skippedRows
                  ? `${plural(preview.skippedRows, 'row')} will be left out (they are listed among the warnings)`
                  : `${plural(preview.errorCount, 'row')} cannot be imported as written`}
              </h3>
              {preview.errorCount > 0 && <IssueList issues={preview.errors} total={preview.errorCount} />}
              <label>
                <input type="checkbox" checked={choices.skipBadRows === true} onChange={(e) => choose({ skipBadRows: e.target.checked })} />{' '}
                Skip the bad rows and import the rest
              </label>
            </section>
          )}
          {preview.warningCount > 0 && (
            <section className="issues">
              <h3>{plural(preview.warningCount, 'warning')}</h3>
              <IssueList issues={preview.warnings} total={preview.warningCount} />
            </section>
          )}
          {preview.layout && <p className="muted">The file's node positions will be kept as a saved view.</p>}
        </>
      )}
      {state === 'importing' && <ImportProgress />}
      <div className="actions">
        <button
          onClick={() => (state === 'importing' ? void call('work.cancel', {}) : dialog.current?.close())}
          data-testid="import-cancel"
        >
          Cancel
        </button>
        {preview?.format === 'snapshot' && state === 'ready' && (
          <button onClick={() => void showSnapshot(path).then(() => (dialog.current?.close(), onClose()))} data-testid="snapshot-show">
            Show it read-only
          </button>
        )}
        <button className="primary" onClick={run} disabled={state !== 'ready' || blocked}>
          {state === 'importing' ? 'Importing…' : 'Import'}
        </button>
      </div>
    </dialog>
  );
}

/** Issues with where they are in the file; the engine sends the first 200 of `total`. */
function IssueList({ issues, total }: { issues: ImportSummary['warnings']; total: number }) {
  return (
    <>
      <ul>
        {issues.map((w, i) => (
          <li key={i}>{[w.line !== undefined ? `line ${w.line}` : w.element, w.message].filter(Boolean).join(': ')}</li>
        ))}
      </ul>
      {total > issues.length && <p className="muted">The first {issues.length} are listed.</p>}
    </>
  );
}

type Columns = NonNullable<ImportSummary['columns']>;
const NODE_ROLES = [
  ['name', 'Name', true],
  ['id', 'ID', false],
  ['country', 'Country', false],
  ['sector', 'Sector', false],
] as const;
const EDGE_ROLES = [
  ['source', 'From', true],
  ['target', 'To', true],
  ['type', 'Relation type', false],
] as const;

/**
 * Which column is the name, the ID, the country, the sector (and an edge's ends, and which node
 * column those name); the rest are kept as attributes. Also how many lines come before the header.
 */
function ColumnChoice({
  columns,
  skippedLines,
  onChange,
}: {
  columns: Columns;
  skippedLines: number;
  onChange: (m: Columns['mapping'], skipLines: number) => void;
}) {
  const m = columns.mapping;
  const pick = (headers: string[], value: string | undefined, required: boolean, set: (v: string | undefined) => void, label: string) => (
    <label key={label}>
      {label}{' '}
      <select aria-label={`${label} column`} value={value ?? ''} onChange={(e) => set(e.target.value || undefined)}>
        {!required && <option value="">(none)</option>}
        {headers.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset data-testid="column-mapping">
      <legend>Columns (the others are kept as attributes)</legend>
      {columns.nodes &&
        m.nodes &&
        NODE_ROLES.map(([role, label, required]) =>
          pick(
            columns.nodes!,
            m.nodes![role],
            required,
            (v) => onChange({ ...m, nodes: { ...m.nodes!, [role]: v } as never }, skippedLines),
            label,
          ),
        )}
      {columns.edges &&
        m.edges &&
        EDGE_ROLES.map(([role, label, required]) =>
          pick(
            columns.edges!,
            m.edges![role],
            required,
            (v) => onChange({ ...m, edges: { ...m.edges!, [role]: v } as never }, skippedLines),
            label,
          ),
        )}
      {columns.nodes &&
        columns.edges &&
        m.edges &&
        pick(
          columns.nodes,
          m.edges.refersTo,
          false,
          (v) => onChange({ ...m, edges: { ...m.edges!, refersTo: v } }, skippedLines),
          'Edge ends name the nodes by',
        )}
      <label>
        Lines before the header{' '}
        <input
          type="number"
          min={0}
          max={1000}
          aria-label="Lines before the header"
          defaultValue={skippedLines}
          onBlur={(e) => {
            const n = Math.max(0, Math.min(1000, Math.trunc(Number(e.target.value) || 0)));
            if (n !== skippedLines) onChange(m, n);
          }}
        />
      </label>
    </fieldset>
  );
}

type SectorValue = ImportSummary['sectorValues'][number];

/** The sector column's values and the sector each becomes: guessed, and the person's to correct. */
function SectorValues({ values, onChange }: { values: SectorValue[]; onChange: (sectors: Record<string, Sector>) => void }) {
  const chosen = Object.fromEntries(values.filter((v) => v.how === 'chosen').map((v) => [v.value, v.sector]));
  return (
    <fieldset data-testid="sector-values">
      <legend>Sectors: what the file's values become</legend>
      <table className="plan">
        <tbody>
          {values.slice(0, 50).map((v) => (
            <tr key={v.value}>
              <td>{v.value}</td>
              <td className="muted">{countText(v.count)}</td>
              <td>
                <select
                  aria-label={`Sector for ${v.value}`}
                  value={v.sector}
                  onChange={(e) => onChange({ ...chosen, [v.value]: e.target.value as Sector })}
                >
                  {SECTORS.map((s) => (
                    <option key={s} value={s}>
                      {SECTOR_LABELS[s]}
                    </option>
                  ))}
                </select>
              </td>
              <td className="muted">{v.how === 'guessed' ? 'guessed' : v.how === 'none' ? 'not recognised' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

type CountryValue = ImportSummary['countryValues'][number];

/** The country column's values that name no country, for the person to map (or leave without a country). */
function CountryValues({ values, onChange }: { values: CountryValue[]; onChange: (countries: Record<string, string>) => void }) {
  const [countries, setCountries] = useState<{ code: string; name: string }[]>([]);
  useEffect(() => {
    void call('country.list', {}).then((list) => setCountries(list.map((c) => ({ code: c.code, name: c.name }))));
  }, []);
  const chosen = Object.fromEntries(values.filter((v) => v.how === 'chosen').map((v) => [v.value, v.country ?? '']));
  return (
    <fieldset data-testid="country-values">
      <legend>Countries the file names in a way not recognised</legend>
      <table className="plan">
        <tbody>
          {values.slice(0, 50).map((v) => (
            <tr key={v.value}>
              <td>{v.value}</td>
              <td className="muted">{countText(v.count)}</td>
              <td>
                <select
                  aria-label={`Country for ${v.value}`}
                  value={v.country ?? ''}
                  onChange={(e) => onChange({ ...chosen, [v.value]: e.target.value })}
                >
                  <option value="">(no country)</option>
                  {countries.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
