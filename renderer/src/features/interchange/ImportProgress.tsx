// How far an import has got, read from the host a few times a second while it runs (the engine is
// busy importing, so the host answers from memory the two share). Before the engine reports a
// phase, the bar is indeterminate.
import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../../shared/contract';
import { call } from '../../api/client';

type Progress = CallOutput<'work.progress'>;
const POLL_MS = 250;
const PHASE_LABELS = { reading: 'Reading the file', checking: 'Checking records', writing: 'Writing records', finishing: 'Finishing' } as const;

export function ImportProgress() {
  const [progress, setProgress] = useState<Progress>(null);
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
  const counted = progress && progress.total > 0 && progress.phase !== 'finishing';
  const percent = counted ? Math.floor((100 * progress.done) / progress.total) : null;
  return (
    <div className="import-progress" data-testid="import-progress" data-phase={progress?.phase ?? ''} data-percent={percent ?? ''}>
      {percent === null ? (
        <progress aria-label="Importing" className="working" />
      ) : (
        <progress aria-label="Importing" className="working" max={100} value={percent} />
      )}
      <span className="import-progress-label">
        {progress ? PHASE_LABELS[progress.phase] : 'Starting'}
        {!counted ? '…' : progress.phase === 'reading' ? ` (${percent}%)` : `: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} (${percent}%)`}
      </span>
    </div>
  );
}
