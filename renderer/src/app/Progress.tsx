// A progress indicator for anything that takes longer than half a second. While the engine is
// preparing the network (loading or building its graph index, the longest part of opening a large
// one), it says so with how far it has got: "Preparing the network… 40%".
import { useEffect, useState } from 'react';
import { workText } from '../../../shared/domain';
import { call } from '../api/client';
import { onBusy } from '../api/busy';

const DELAY_MS = 500;
const POLL_MS = 250;

export function Progress() {
  const [label, setLabel] = useState<string | null>(null);
  const [preparing, setPreparing] = useState<string | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onBusy((busy) => {
      clearTimeout(timer);
      if (!busy) setLabel(null);
      else timer = setTimeout(() => setLabel(busy), DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, []);
  // Asked only while something is slow: the host answers from memory it shares with the engine.
  useEffect(() => {
    if (!label) return setPreparing(null);
    let live = true;
    const ask = () =>
      call('work.progress', {})
        .then((p) => live && setPreparing(p?.phase === 'preparing' ? workText(p) : null))
        .catch(() => {});
    void ask();
    const every = setInterval(ask, POLL_MS);
    return () => {
      live = false;
      clearInterval(every);
    };
  }, [label]);
  if (!label) return null;
  return (
    <div className="progress" role="status" aria-live="polite" data-testid="progress">
      <span className="progress-bar" />
      <span className="progress-label">{preparing ?? `${label}…`}</span>
    </div>
  );
}
