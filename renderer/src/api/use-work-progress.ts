// What the engine reports of its long call, polled from the host while a component shows it (the
// engine is busy, so the host answers from memory the two share).
import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../shared/contract';
import { call } from './client';

export function useWorkProgress(pollMs: number): CallOutput<'work.progress'> {
  const [progress, setProgress] = useState<CallOutput<'work.progress'>>(null);
  useEffect(() => {
    let live = true;
    const poll = () =>
      call('work.progress', {})
        .then((p) => live && setProgress(p))
        .catch(() => {})
        .finally(() => live && (timer = setTimeout(poll, pollMs)));
    let timer = setTimeout(poll, pollMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [pollMs]);
  return progress;
}
