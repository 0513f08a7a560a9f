// The top bar's Export button; the dialog (ExportDialog.tsx) is loaded on first use (app/lazy.ts).
import { Suspense, useState } from 'react';
import { lazyNamed } from '../../app/lazy';

const ExportDialog = lazyNamed(() => import('./ExportDialog'), 'ExportDialog');

export function ExportButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button className="tool" onClick={() => setOpen(true)}>
        Export…
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExportDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
