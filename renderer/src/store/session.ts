// The work kept between reloads and restarts, per database, without saving a view by hand: what
// is looked at (filters, view, focus, hidden, styling), the layout with every node's position,
// and the selection, in the window's own storage under the database's path (the app's origin is
// fixed; the browser mode's is its address). Written a moment after each change and when the page
// goes away; read once when the network is opened. A snapshot shown read-only keeps nothing.
import type { GraphView } from '../../../shared/domain';
import type { Info } from '../../../shared/schemas';
import { settledPositions } from '../features/graph/handle';
import { restoredView, viewRecord, type ViewRecord } from './saved-views';
import type { AtlasState, LayoutChoice, NodeType } from './state';
import type { ViewState } from './view';

const PREFIX = 'atlas-session:';
/** Positions are kept up to this many nodes (beyond it the layout runs again). */
const MAX_POSITIONS = 20_000;
const WRITE_AFTER_MS = 400;

interface Session extends ViewRecord {
  selected: { id: string; type: NodeType } | null;
}

type Store = { getState(): AtlasState; subscribe(fn: (s: AtlasState, before: AtlasState) => void): () => void };

const keyOf = (info: Info) => (info.viewing ? null : `${PREFIX}${info.dbPath}`);

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage refused (a sandboxed page): the work is simply not kept
  }
}

/** Whether any database's work is kept here (if none, the window need not ask which database it shows first). */
export function anySession(): boolean {
  const s = storage();
  if (!s) return false;
  for (let i = 0; i < s.length; i++) if (s.key(i)?.startsWith(PREFIX)) return true;
  return false;
}

/** The work kept for `info`'s database, as the store takes it back; null if none or unreadable. */
export function keptSession(info: Info): { vs: ViewState; layout: LayoutChoice; selected: { id: string; type: NodeType } | null } | null {
  const key = keyOf(info);
  const text = key ? storage()?.getItem(key) : null;
  if (!text) return null;
  try {
    const s = JSON.parse(text) as Partial<Session>;
    if (typeof s !== 'object' || s === null) return null;
    const view: GraphView = s.view === 'full' ? 'full' : 'organisations';
    const positions = s.positions && typeof s.positions === 'object' ? s.positions : {};
    const { patch, layout } = restoredView({
      filters: s.filters,
      view,
      layout: typeof s.layout === 'string' ? s.layout : null,
      positions,
      style: s.style,
    });
    const sel = s.selected;
    const selected =
      sel && typeof sel.id === 'string' && ['organisation', 'partnership', 'event'].includes(sel.type)
        ? { id: sel.id, type: sel.type }
        : null;
    return { vs: patch, layout, selected };
  } catch {
    return null;
  }
}

/** Keeps `store`'s work for `info`'s database from now on; returns what stops it. */
export function keepSession(store: Store, info: Info): () => void {
  const key = keyOf(info);
  const s = storage();
  if (!key || !s) return () => {};
  const write = () => {
    const state = store.getState();
    if (state.status !== 'ready') return;
    // While a layout computes, the positions on screen are the ones before it: keep the layout chosen instead.
    const all = state.raw?.aggregate ? {} : (settledPositions() ?? {});
    const positions = Object.keys(all).length <= MAX_POSITIONS ? all : {};
    const layout: LayoutChoice = Object.keys(positions).length > 0 ? { name: 'preset', positions } : state.layout;
    const session: Session = {
      ...viewRecord(state.vs, layout, positions),
      selected: state.selectedId && state.selectedType ? { id: state.selectedId, type: state.selectedType } : null,
    };
    try {
      s.setItem(key, JSON.stringify(session));
    } catch {
      // Full: the last write stays.
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(write, WRITE_AFTER_MS);
  };
  const off = store.subscribe((now, before) => {
    // What is looked at, the selection, and a layout ending (its positions) are worth keeping.
    if (
      now.vs !== before.vs ||
      now.selectedId !== before.selectedId ||
      now.layout !== before.layout ||
      now.layoutActive !== before.layoutActive
    )
      soon();
  });
  window.addEventListener('pagehide', write);
  return () => {
    off();
    clearTimeout(timer);
    window.removeEventListener('pagehide', write);
  };
}
