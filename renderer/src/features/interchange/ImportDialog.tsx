// Import: pick files, see exactly what would change (the preview), choose what happens to
// duplicates, then import in one step that lands whole or not at all.
import { useEffect, useRef, useState } from 'react';
import { IMPORT_ACCEPT } from '../../../../shared/formats';
import type { ImportInput, ImportSummary } from '../../../../shared/schemas';
import { ApiError, call } from '../../api/client';
import { useAtlas } from '../../store/atlas';
import { noteWrite } from '../curation/edits';
import { plural } from '../metrics/format';
import { stageFiles } from './files';
import { ImportProgress } from './ImportProgress';
import { showSnapshot } from './snapshotView';

type OnDuplicate = 'merge' | 'skip' | 'create';
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

export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const [path, setPath] = useState<string | null>(null);
  const [staging, setStaging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button className="tool" onClick={() => input.current?.click()} disabled={staging}>
        {staging ? 'Reading…' : 'Import…'}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        hidden
        data-testid="import-input"
        onChange={async (e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (!files.length) return;
          setStaging(true);
          setError(null);
          try {
            setPath(await stageFiles(files));
          } catch (err) {
            setError((err as Error).message);
          } finally {
            setStaging(false);
          }
        }}
      />
      {error && (
        <p className="toast error" role="alert">
          {error} <button onClick={() => setError(null)}>Dismiss</button>
        </p>
      )}
      {path && <ImportDialog path={path} onClose={() => setPath(null)} />}
    </>
  );
}

function ImportDialog({ path, onClose }: { path: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [onDuplicate, setOnDuplicate] = useState<OnDuplicate>('merge');
  const [mapping, setMapping] = useState<ImportInput['mapping']>(undefined);
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [state, setState] = useState<'previewing' | 'ready' | 'importing' | 'failed'>('previewing');
  const [message, setMessage] = useState<string | null>(null);
  const load = useAtlas((s) => s.load);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  useEffect(() => {
    let live = true;
    setState('previewing');
    setMessage(null);
    call('import.preview', { path, onDuplicate, ...(mapping ? { mapping } : {}) })
      .then((p) => live && (setPreview(p), setState('ready')))
      .catch((err: ApiError) => live && (setMessage(err.message), setState('failed')));
    return () => {
      live = false;
    };
  }, [path, onDuplicate, mapping]);

  const run = async () => {
    setState('importing');
    setMessage(null);
    try {
      const done = await call('import.run', { path, onDuplicate, ...(mapping ? { mapping } : {}) });
      await load();
      noteWrite(); // Ctrl+Z takes the import back, in the order things were done here
      useAtlas.setState({ importedLayout: done.layoutView ? { file: done.file, viewId: done.layoutView.id } : null });
      dialog.current?.close();
      onClose();
    } catch (err) {
      setMessage((err as Error).message);
      // A cancelled import leaves the plan as it was: the person may import it after all.
      setState(err instanceof ApiError && err.code === 'cancelled' ? 'ready' : 'failed');
    }
  };

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
                    <td>{c.create.toLocaleString('en')}</td>
                    <td>{c.merge.toLocaleString('en')}</td>
                    <td>{c.skip.toLocaleString('en')}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          {preview.columns && <ColumnChoice columns={preview.columns} onChange={setMapping} />}
          {preview.duplicates.length > 0 && (
            <fieldset>
              <legend>{preview.duplicates.length} already in the network (matched by ID, by name and country, or by acronym)</legend>
              {(['merge', 'skip', 'create'] as const).map((mode) => (
                <label key={mode}>
                  <input type="radio" name="dup" checked={onDuplicate === mode} onChange={() => setOnDuplicate(mode)} />{' '}
                  {mode === 'merge' ? 'Merge: fill in what is missing' : mode === 'skip' ? 'Skip them' : 'Create them again as new records'}
                </label>
              ))}
            </fieldset>
          )}
          {preview.errorCount > 0 && (
            <section className="issues error">
              <h3>{plural(preview.errorCount, 'error')}: the file cannot be imported until they are fixed</h3>
              <ul>
                {preview.errors.map((e, i) => (
                  <li key={i}>{[e.line !== undefined ? `line ${e.line}` : e.element, e.message].filter(Boolean).join(': ')}</li>
                ))}
              </ul>
              {preview.errorCount > preview.errors.length && <p className="muted">The first {preview.errors.length} are listed.</p>}
            </section>
          )}
          {preview.warningCount > 0 && (
            <section className="issues">
              <h3>{plural(preview.warningCount, 'warning')}</h3>
              <ul>
                {preview.warnings.map((w, i) => (
                  <li key={i}>{[w.line !== undefined ? `line ${w.line}` : w.element, w.message].filter(Boolean).join(': ')}</li>
                ))}
              </ul>
              {preview.warningCount > preview.warnings.length && <p className="muted">The first {preview.warnings.length} are listed.</p>}
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
        <button className="primary" onClick={run} disabled={state !== 'ready' || !preview || preview.errorCount > 0}>
          {state === 'importing' ? 'Importing…' : 'Import'}
        </button>
      </div>
    </dialog>
  );
}

type Columns = NonNullable<ImportSummary['columns']>;
const NODE_ROLES = [
  ['name', 'Name', true],
  ['country', 'Country', false],
  ['sector', 'Sector', false],
] as const;
const EDGE_ROLES = [
  ['source', 'From', true],
  ['target', 'To', true],
  ['type', 'Relation type', false],
] as const;

/** Which column is the name, the country, the sector (and an edge's ends); the rest are kept as attributes. */
function ColumnChoice({ columns, onChange }: { columns: Columns; onChange: (m: Columns['mapping']) => void }) {
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
          pick(columns.nodes!, m.nodes![role], required, (v) => onChange({ ...m, nodes: { ...m.nodes!, [role]: v } as never }), label),
        )}
      {columns.edges &&
        m.edges &&
        EDGE_ROLES.map(([role, label, required]) =>
          pick(columns.edges!, m.edges![role], required, (v) => onChange({ ...m, edges: { ...m.edges!, [role]: v } as never }), label),
        )}
    </fieldset>
  );
}
