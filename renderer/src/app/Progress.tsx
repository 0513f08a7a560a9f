// A progress indicator for anything that takes longer than half a second.
import { useEffect, useState } from 'react';
import { onBusy } from '../api/busy';

const DELAY_MS = 500;

export function Progress() {
  const [label, setLabel] = useState<string | null>(null);
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
  if (!label) return null;
  return (
    <div className="progress" role="status" aria-live="polite" data-testid="progress">
      <span className="progress-bar" />
      <span className="progress-label">{label}…</span>
    </div>
  );
}
