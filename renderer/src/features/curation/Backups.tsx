// Backups kept beside the database (the engine makes them: once a day, before every import and
// merge; the last ten are kept). Restoring one says first what it replaces, and backs up what is
// there now, so a restore can itself be taken back by restoring that backup.
import { useEffect, useState } from 'react';
import type { Backup } from '../../../../shared/schemas';
import { call, errorText } from '../../api/client';
import { useAtlas } from '../../store/atlas';
import { loadCuration } from './edits';
import { Modal } from './Modal';

const REASONS: Record<string, string> = {
  daily: 'daily',
  'before-import': 'before an import',
  'before-merge': 'before a merge',
  'before-restore': 'before a restore',
  'by-hand': 'made by hand',
};

export function Backups({ onClose }: { onClose: () => void }) {
  const [list, setList] = useState<Backup[] | null>(null);
  const [asking, setAsking] = useState<Backup | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const info = useAtlas((s) => s.info);
  const reload = () =>
    void call('backup.list', {})
      .then(setList)
      .catch((err) => setMessage(errorText(err)));
  useEffect(reload, []);
  const restore = async (b: Backup) => {
    setBusy(true);
    try {
      const r = await call('backup.restore', { name: b.name });
      setMessage(`Restored the backup of ${new Date(r.restored.at).toLocaleString()}. What was there before is kept as a backup too.`);
      setAsking(null);
      await useAtlas.getState().load();
      await loadCuration();
      reload();
    } catch (err) {
      setMessage(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="Backups" testId="backups-dialog" onClose={onClose}>
      <p className="muted">Made once a day and before every import and merge; the last ten are kept, beside the database.</p>
      {message && (
        <p role="status" data-testid="backup-message">
          {message}
        </p>
      )}
      <button
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void call('backup.create', {})
            .then(reload)
            .catch((err) => setMessage(errorText(err)))
            .finally(() => setBusy(false));
        }}
        data-testid="backup-now"
      >
        Back up now
      </button>
      {list && list.length === 0 && <p className="muted">No backup yet.</p>}
      <ul className="plain-list" data-testid="backups">
        {list?.map((b) => (
          <li key={b.name}>
            <span>
              {new Date(b.at).toLocaleString()}{' '}
              <span className="muted">
                · {REASONS[b.reason] ?? b.reason} · {b.organisations ?? '?'} organisations
              </span>
            </span>
            <button onClick={() => setAsking(b)} disabled={busy}>
              Restore…
            </button>
          </li>
        ))}
      </ul>
      {asking && (
        <section className="impact" role="alertdialog" aria-label="Restore this backup?" data-testid="restore-confirm">
          <p>
            <strong>Replace the network with the backup of {new Date(asking.at).toLocaleString()}?</strong> It holds{' '}
            {asking.organisations ?? '?'} organisations; the network has {info?.organisations ?? '?'} now.{' '}
            {asking.actionsSince
              ? `The ${asking.actionsSince} change${asking.actionsSince === 1 ? '' : 's'} made since then will be gone (and their undo with them).`
              : 'Nothing was changed since then.'}{' '}
            What is there now is backed up first.
          </p>
          <div className="actions">
            <button onClick={() => setAsking(null)}>Keep the network as it is</button>
            <button className="danger" disabled={busy} onClick={() => void restore(asking)} data-testid="restore-button">
              Restore
            </button>
          </div>
        </section>
      )}
    </Modal>
  );
}
