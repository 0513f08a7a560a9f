// How far the engine has got with the network measures, read from the host while they run (the
// shortest-path searches report after each source), with a button that stops them.
import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../../shared/contract';
import { workText } from '../../../../shared/domain';
import { call } from '../../api/client';

const POLL_MS = 300;

export function MetricsProgress() {
  const [progress, setProgress] = useState<CallOutput<'work.progress'>>(null);
  useEffect(() => {
    let live = true;
    const poll = () =>
      call('work.progress', {})
        .then((p) => live && setProgress(p))
        .catch(() => {})
        .finally(() => live && (timer = setTimeout(poll, POLL_MS)));
    let timer = setTimeout(poll, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);
  if (progress?.phase !== 'measuring') return null;
  return (
    <p className="mx-hint muted" data-testid="metrics-progress">
      {workText(progress)}.{' '}
      <button type="button" className="link" onClick={() => void call('work.cancel', {}).catch(() => {})}>
        Stop
      </button>
    </p>
  );
}
