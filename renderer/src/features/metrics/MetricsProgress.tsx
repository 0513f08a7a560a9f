// How far the engine has got with the network measures, read from the host while they run (the
// shortest-path searches report after each source), with a button that stops them.
import { workText } from '../../../../shared/domain';
import { call } from '../../api/client';
import { useWorkProgress } from '../../api/use-work-progress';

const POLL_MS = 300;

export function MetricsProgress() {
  const progress = useWorkProgress(POLL_MS);
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
