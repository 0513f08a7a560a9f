// A dialog with a title and a Close button, for the curation tools' lists.
import { useEffect, useRef, type ReactNode } from 'react';

export function Modal({ title, testId, onClose, children }: { title: string; testId: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => ref.current?.showModal(), []);
  return (
    <dialog ref={ref} className="modal wide" aria-label={title} onClose={onClose} data-testid={testId}>
      <h2>{title}</h2>
      {children}
      <div className="actions">
        <button onClick={() => ref.current?.close()}>Close</button>
      </div>
    </dialog>
  );
}
