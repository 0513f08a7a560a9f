// How far an import has got, read from the host a few times a second while it runs (the engine is
// busy importing, so the host answers from memory the two share). Before the engine reports a
// phase, the bar is indeterminate.
import { workPercent, workText } from '../../../../shared/domain';
import { useWorkProgress } from '../../api/use-work-progress';

const POLL_MS = 250;

export function ImportProgress() {
  const progress = useWorkProgress(POLL_MS);
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
