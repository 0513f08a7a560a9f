// How far an import has got, read from the host a few times a second while it runs (the engine is
// busy importing, so the host answers from memory the two share). Before the engine reports a
// phase, the bar is indeterminate.
import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../../shared/contract';
import { workPercent, workText } from '../../../../shared/domain';
import { call } from '../../api/client';

type Progress = CallOutput<'work.progress'>;
const POLL_MS = 250;

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
  const percent = progress ? workPercent(progress) : null;
  return (
    <div className="import-progress" data-testid="import-progress" data-phase={progress?.phase ?? ''} data-percent={percent ?? ''}>
      {percent === null ? (
        <progress aria-label="Importing" className="working" />
      ) : (
        <progress aria-label="Importing" className="working" max={100} value={percent} />
      )}
      <span className="import-progress-label">{progress ? workText(progress) : 'Starting…'}</span>
    </div>
  );
}
