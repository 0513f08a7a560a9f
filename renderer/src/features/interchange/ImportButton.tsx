// The top bar's Import button: files picked are staged, then the import dialog (ImportDialog.tsx,
// loaded on first use: app/lazy.ts) previews them.
import { Suspense, useRef, useState } from 'react';
import { IMPORT_ACCEPT } from '../../../../shared/formats';
import { lazyNamed } from '../../app/lazy';
import { stageFiles } from './files';

const ImportDialog = lazyNamed(() => import('./ImportDialog'), 'ImportDialog');

export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const [path, setPath] = useState<string | null>(null);
  const [staging, setStaging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button className="tool" onClick={() => input.current?.click()} disabled={staging}>
        {staging ? 'Reading…' : 'Import…'}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        hidden
        data-testid="import-input"
        onChange={async (e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (!files.length) return;
          setStaging(true);
          setError(null);
          try {
            setPath(await stageFiles(files));
          } catch (err) {
            setError((err as Error).message);
          } finally {
            setStaging(false);
          }
        }}
      />
      {error && (
        <p className="toast error" role="alert">
          {error} <button onClick={() => setError(null)}>Dismiss</button>
        </p>
      )}
      {path && (
        <Suspense fallback={null}>
          <ImportDialog path={path} onClose={() => setPath(null)} />
        </Suspense>
      )}
    </>
  );
}
