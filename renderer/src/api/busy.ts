// Calls in flight, so the window can show a progress indicator on anything that takes longer than
// half a second without every feature tracking its own.
type Listener = (busy: string | null) => void;

const pending = new Map<number, { label: string; since: number }>();
const listeners = new Set<Listener>();
let next = 1;

function current(): string | null {
  let oldest: { label: string; since: number } | null = null;
  for (const p of pending.values()) if (!oldest || p.since < oldest.since) oldest = p;
  return oldest?.label ?? null;
}

function notify() {
  const label = current();
  for (const l of listeners) l(label);
}

/** Marks work as started; the returned function marks it done. */
export function startWork(label: string): () => void {
  const id = next++;
  pending.set(id, { label, since: performance.now() });
  notify();
  return () => {
    pending.delete(id);
    notify();
  };
}

export function onBusy(listener: Listener): () => void {
  listeners.add(listener);
  listener(current());
  return () => listeners.delete(listener);
}
