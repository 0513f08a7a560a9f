// The Edit menu in the top bar: undo and redo (saying what they would do), new records, quick add,
// the duplicate finder, records citing no source, undoing one import, backups and the analyst's
// name. Also the dialogs it opens, the name prompt of the first edit and the undo toast.
import { Suspense, useEffect, useRef, useState } from 'react';
import type { ImportRun } from '../../../../shared/schemas';
import { call, errorText } from '../../api/client';
import { useAtlas } from '../../store/atlas';
import { lazyNamed } from '../../app/lazy';
import { loadCuration, redoAny, undoAny, useCuration, write } from './edits';
import { openForm, useForms } from './form-request';
import { Modal } from './Modal';

// Loaded when first opened (app/lazy.ts).
const QuickAdd = lazyNamed(() => import('./QuickAdd'), 'QuickAdd');
const Duplicates = lazyNamed(() => import('./Duplicates'), 'Duplicates');
const Backups = lazyNamed(() => import('./Backups'), 'Backups');
const Unsourced = lazyNamed(() => import('./Unsourced'), 'Unsourced');
const RecordForm = lazyNamed(() => import('./RecordForm'), 'RecordForm');

/** The record form asked for (form-request.ts), if any. */
function RecordForms() {
  const form = useForms((s) => s.form);
  if (!form) return null;
  return (
    <Suspense fallback={null}>
      <RecordForm key={`${form.type}:${form.id ?? 'new'}`} request={form} onClose={() => useForms.setState({ form: null })} />
    </Suspense>
  );
}

type Dialog = 'quick' | 'duplicates' | 'backups' | 'imports' | 'name' | 'unsourced' | null;
export const useEditDialogs = (() => {
  let setter: ((d: Dialog) => void) | null = null;
  return {
    bind: (fn: ((d: Dialog) => void) | null) => void (setter = fn),
    open: (d: Dialog) => setter?.(d),
  };
})();

export function EditMenu() {
  const undo = useCuration((s) => s.undo);
  const [dialog, setDialog] = useState<Dialog>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const readOnly = useAtlas((s) => s.info?.viewing != null);
  useEffect(() => {
    void loadCuration().catch(() => {});
    useEditDialogs.bind(setDialog);
    return () => useEditDialogs.bind(null);
  }, []);
  const pick = (fn: () => void) => () => {
    menu.current?.removeAttribute('open');
    fn();
  };
  return (
    <>
      <details className="menu edit-menu" ref={menu} data-testid="edit-menu">
        <summary className="tool">Edit ▾</summary>
        <div className="menu-body menu-list" role="menu">
          <button role="menuitem" disabled={!undo.undo} onClick={pick(() => void undoAny())} data-testid="menu-undo">
            Undo{undo.undo ? `: ${undo.undo.label}` : ''} <kbd>Ctrl+Z</kbd>
          </button>
          <button role="menuitem" disabled={!undo.redo} onClick={pick(() => void redoAny())} data-testid="menu-redo">
            Redo{undo.redo ? `: ${undo.redo.label}` : ''} <kbd>Ctrl+Shift+Z</kbd>
          </button>
          <hr />
          <button role="menuitem" disabled={readOnly} onClick={pick(() => setDialog('quick'))} data-testid="menu-quick-add">
            Quick add… <kbd>N</kbd>
          </button>
          {(['organisation', 'partnership', 'event', 'relation', 'source'] as const).map((t) => (
            <button
              key={t}
              role="menuitem"
              disabled={readOnly}
              onClick={pick(() => openForm({ type: t, id: null }))}
              data-testid={`menu-new-${t}`}
            >
              New {t}…
            </button>
          ))}
          <hr />
          <button role="menuitem" onClick={pick(() => setDialog('duplicates'))} data-testid="menu-duplicates">
            Find duplicates…
          </button>
          <button role="menuitem" onClick={pick(() => setDialog('unsourced'))} data-testid="menu-unsourced">
            Records citing no source…
          </button>
          <button role="menuitem" disabled={readOnly} onClick={pick(() => setDialog('imports'))} data-testid="menu-undo-import">
            Undo an import…
          </button>
          <button role="menuitem" disabled={readOnly} onClick={pick(() => setDialog('backups'))} data-testid="menu-backups">
            Backups…
          </button>
          <button role="menuitem" disabled={readOnly} onClick={pick(() => setDialog('name'))} data-testid="menu-name">
            Your name…
          </button>
        </div>
      </details>
      <RecordForms />
      <Suspense fallback={null}>
        {dialog === 'quick' && <QuickAdd onClose={() => setDialog(null)} />}
        {dialog === 'duplicates' && <Duplicates onClose={() => setDialog(null)} />}
        {dialog === 'backups' && <Backups onClose={() => setDialog(null)} />}
        {dialog === 'unsourced' && <Unsourced onClose={() => setDialog(null)} />}
      </Suspense>
      {dialog === 'imports' && <Imports onClose={() => setDialog(null)} />}
      {dialog === 'name' && <NamePrompt onDone={() => setDialog(null)} />}
      <AskName />
      <Toast />
    </>
  );
}

function Imports({ onClose }: { onClose: () => void }) {
  const [runs, setRuns] = useState<ImportRun[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useCuration((s) => s.version);
  useEffect(() => {
    void call('import.list', {})
      .then(setRuns)
      .catch((err) => setError(errorText(err)));
  }, [version]);
  return (
    <Modal title="Undo an import" testId="imports-dialog" onClose={onClose}>
      <p className="muted">
        Takes back everything one import brought (what it created goes, what it filled in on existing records is put back), whatever was
        done after it. Ctrl+Z then brings the import back.
      </p>
      {error && <p className="error">{error}</p>}
      {runs && runs.length === 0 && <p className="muted">No import yet.</p>}
      <ul className="plain-list">
        {runs?.map((r) => (
          <li key={r.id}>
            <span>
              {r.label}{' '}
              <span className="muted">
                · {new Date(r.startedAt).toLocaleString()} · {r.actor}
              </span>
            </span>
            {r.undone ? (
              <span className="muted">taken back</span>
            ) : (
              <button onClick={() => void write('import.undo', { importId: r.id }).catch((err) => setError(errorText(err)))}>
                Undo this import
              </button>
            )}
          </li>
        ))}
      </ul>
    </Modal>
  );
}

function NameForm({ onDone, first }: { onDone: (name: string | null) => void; first: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const analyst = useCuration((s) => s.analyst);
  const [name, setName] = useState(analyst ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => ref.current?.showModal(), []);
  return (
    <dialog ref={ref} className="modal" aria-labelledby="name-title" onClose={() => onDone(null)} data-testid="name-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return setError('Your name, as changes will record it');
          onDone(name.trim());
          ref.current?.close();
        }}
      >
        <h2 id="name-title">{first ? 'Before your first change: who are you?' : 'Your name'}</h2>
        <p className="muted">
          Every change records who made it; the history of each record shows it. You can change it from Edit › Your name.
        </p>
        <label className="field">
          Name
          <input
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="analyst-name"
            aria-invalid={error ? true : undefined}
          />
        </label>
        {error && <span className="field-error">{error}</span>}
        <div className="actions">
          <button type="button" onClick={() => ref.current?.close()}>
            {first ? 'Not now' : 'Cancel'}
          </button>
          <button type="submit" className="primary" data-testid="analyst-save">
            Save
          </button>
        </div>
      </form>
    </dialog>
  );
}

function NamePrompt({ onDone }: { onDone: () => void }) {
  return (
    <NameForm
      first={false}
      onDone={(name) => {
        if (name) void call('preferences.set', { analystName: name }).then((p) => useCuration.setState({ analyst: p.analystName ?? '' }));
        onDone();
      }}
    />
  );
}

/** Asked at the first edit when no name is set (edits.ts waits for the answer). */
function AskName() {
  const ask = useCuration((s) => s.askName);
  if (!ask) return null;
  return <NameForm first onDone={(name) => ask(name)} />;
}

function Toast() {
  const toast = useCuration((s) => s.toast);
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => useCuration.setState({ toast: null }), 4000);
    return () => clearTimeout(t);
  }, [toast]);
  if (!toast) return null;
  return (
    <p className="toast" role="status" data-testid="undo-toast">
      {toast}
    </p>
  );
}
