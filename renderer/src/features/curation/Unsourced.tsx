// Records that cite no source: the list to work through when checking a network's facts. Choosing
// one selects it (its details say where to cite a source).
import { useEffect, useState } from 'react';
import { call, errorText } from '../../api/client';
import { useAtlas } from '../../store/atlas';
import { useCuration } from './edits';
import { Modal } from './Modal';
import { countText } from '../../../../shared/count-text';

type T = 'organisation' | 'partnership' | 'event';

export function Unsourced({ onClose }: { onClose: () => void }) {
  const [type, setType] = useState<T>('organisation');
  const [rows, setRows] = useState<{ id: string; name: string }[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const version = useCuration((s) => s.version);
  useEffect(() => {
    let live = true;
    void (async () => {
      const r = await call('record.unsourced', { type, limit: 200 });
      const named = await Promise.all(
        r.ids.map(async (id) => ({ id, name: (await call(`${type}.get` as 'organisation.get', { id })).name })),
      );
      if (!live) return;
      setRows(named);
      setTotal(r.total);
    })().catch((err) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [type, version]);
  return (
    <Modal title="Records citing no source" testId="unsourced-dialog" onClose={onClose}>
      <div className="segmented" role="group" aria-label="Record type">
        {(['organisation', 'partnership', 'event'] as const).map((t) => (
          <button key={t} aria-pressed={type === t} onClick={() => setType(t)}>
            {t[0]!.toUpperCase() + t.slice(1)}s
          </button>
        ))}
      </div>
      {error && <p className="error">{error}</p>}
      <p className="muted" data-testid="unsourced-count">
        {countText(total)} cite no source{total > 200 ? '; the first 200 by name:' : '.'}
      </p>
      <ul className="plain-list">
        {rows?.map((r) => (
          <li key={r.id}>
            <button className="link" onClick={() => void useAtlas.getState().reveal(r.id, type, r.name)}>
              {r.name}
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
