// Writes from the window and what follows them: every change to the network goes through `write`,
// which asks the analyst's name once (every change records who made it), makes the call, and
// then brings the drawing, the filters' counts and the details panel up to date.
//
// One Ctrl/Cmd+Z for everything: the view's own undo (filters, hiding, styling; store/viewing.ts)
// and the network's (the engine's stack, which survives a restart) are interleaved in the order
// they happened here. Each change to the network made in this window remembers how deep the view's
// history was at the time; Ctrl+Z undoes whichever came last, and once this session's view changes
// are used up it goes on undoing the network's changes, however old.
import { create } from 'zustand';
import type { CallInput, CallName, CallOutput } from '../../../../shared/contract';
import type { UndoState } from '../../../../shared/schemas';
import { call } from '../../api/client';
import { useAtlas } from '../../store/atlas';

interface CurationState {
  undo: UndoState;
  /** The analyst's name as preferences hold it; null until known, '' when never set. */
  analyst: string | null;
  /** Set while the window waits for the analyst to give their name (first edit). */
  askName: ((name: string | null) => void) | null;
  /** Bumped after every write, for panels that show records (history, sources) to read again. */
  version: number;
  /** What the last undo or redo did, said in a toast. */
  toast: string | null;
}

export const useCuration = create<CurationState>()(() => ({
  undo: { undo: null, redo: null },
  analyst: null,
  askName: null,
  version: 0,
  toast: null,
}));

/** View-history depths at which this window changed the network, oldest first. */
const marks: number[] = [];

export async function loadCuration(): Promise<void> {
  const [undo, prefs] = await Promise.all([call('history.state', {}), call('preferences.get', {})]);
  useCuration.setState({ undo, analyst: prefs.analystName ?? '' });
}

/** The analyst's name, asked for at the first edit if it was never set. */
async function ensureAnalyst(): Promise<void> {
  if (useCuration.getState().analyst === null) await loadCuration().catch(() => {});
  if (useCuration.getState().analyst) return;
  const name = await new Promise<string | null>((resolve) => useCuration.setState({ askName: resolve }));
  useCuration.setState({ askName: null });
  if (name) {
    const prefs = await call('preferences.set', { analystName: name });
    useCuration.setState({ analyst: prefs.analystName ?? '' });
  }
}

/** Everything the window shows that a write may have changed, asked again. */
async function afterWrite(): Promise<void> {
  const a = useAtlas.getState();
  useCuration.setState((s) => ({ version: s.version + 1 }));
  const [undo, facets, info] = await Promise.all([call('history.state', {}), call('graph.facets', {}), call('meta.info', {}), a.refresh()]);
  useCuration.setState({ undo });
  useAtlas.setState({ facets, info });
  const { selectedId, selectedType } = useAtlas.getState();
  if (selectedId && selectedType) {
    // The selected record is read again in place (select() would empty the panel and switch the side
    // tab meanwhile); if it is gone (deleted, or undone), nothing is selected.
    try {
      const details = await call('record.details', { type: selectedType, id: selectedId });
      if (useAtlas.getState().selectedId === selectedId) useAtlas.setState({ details, detailsError: null });
    } catch {
      if (useAtlas.getState().selectedId === selectedId) await useAtlas.getState().select(null);
    }
  }
}

/** Makes one call that changes the network, as one undoable step. */
export async function write<K extends CallName>(
  name: K,
  input: CallInput<K>,
  /** Runs once the call has answered, before the drawing is asked again (to place a new node). */
  landed?: (out: CallOutput<K>) => void,
): Promise<CallOutput<K>> {
  await ensureAnalyst();
  const out = await call(name, input);
  landed?.(out);
  marks.push(useAtlas.getState().history.length);
  await afterWrite();
  return out;
}

/** A change made elsewhere in the window (an import) joins the same undo order. */
export function noteWrite(): void {
  marks.push(useAtlas.getState().history.length);
  void call('history.state', {}).then((undo) => useCuration.setState({ undo }));
}

export async function undoAny(): Promise<void> {
  const a = useAtlas.getState();
  const mark = marks[marks.length - 1];
  const viewCameLast = a.history.length > 0 && (mark === undefined || a.history.length > mark);
  if (viewCameLast) return a.undo();
  marks.pop();
  const r = await call('history.undo', {});
  useCuration.setState({ toast: r.did ? `Undone: ${r.did.label}` : 'Nothing to undo' });
  if (r.did) await afterWrite();
}

export async function redoAny(): Promise<void> {
  const r = await call('history.redo', {});
  useCuration.setState({ toast: r.did ? `Redone: ${r.did.label}` : 'Nothing to redo' });
  if (r.did) {
    marks.push(useAtlas.getState().history.length);
    await afterWrite();
  }
}
