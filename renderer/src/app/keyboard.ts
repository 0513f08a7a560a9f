// Keyboard shortcuts for the whole window. Keys that type (F, +, -) act wherever the focus is
// (a checkbox, a button, the graph) except in a field that takes text; Ctrl/Cmd+F and Esc work
// everywhere.
import { useEffect } from 'react';
import { fitDrawn, zoomBy } from '../features/graph/Toolbar';
import { SEARCH_INPUT_ID } from '../features/search/SearchBox';
import { useAtlas } from '../store/atlas';

/** Inputs that take no typed text: a key pressed on them is a shortcut. */
const KEYLESS_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** Whether a key pressed on `target` types into it: text fields, and selects (they jump to the option typed). */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  if (el.tagName === 'INPUT') return !KEYLESS_INPUTS.has((el as HTMLInputElement).type);
  return el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const s = useAtlas.getState();
      if (mod && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        const input = document.getElementById(SEARCH_INPUT_ID) as HTMLInputElement | null;
        input?.focus();
        input?.select();
        return;
      }
      if (e.key === 'Escape') {
        if (document.querySelector('dialog[open]')) return; // the dialog closes itself
        if (s.path) s.clearPath();
        else if (s.notice) s.dismissNotice();
        else void s.select(null);
        (document.activeElement as HTMLElement | null)?.blur?.();
        return;
      }
      if (typing(e.target) || e.altKey) return;
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        void s.undo();
      } else if (mod) {
        return;
      } else if (e.key === 'f' || e.key === 'F') {
        fitDrawn();
      } else if (e.key === '+' || e.key === '=') {
        zoomBy(1.25);
      } else if (e.key === '-' || e.key === '_') {
        zoomBy(0.8);
      } else if (e.key === 'p' || e.key === 'P') {
        // Presentation: every panel away, or back.
        s.showPanels(!(s.panels.filters || s.panels.side));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
