// Keyboard shortcuts for the whole window. Keys that type (F, +, -) act wherever the focus is
// (a checkbox, a button, the graph) except in a field that takes text; Ctrl/Cmd+F and Esc work
// everywhere.
import { useEffect } from 'react';
import type { MenuCommand } from '../../../shared/menu';
import { redoAny, undoAny } from '../features/curation/edits';
import { useEditDialogs } from '../features/curation/EditMenu';
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

/** When the window last undid or redid from the keyboard itself (see `onMenuCommand`). */
let keyedAt = -Infinity;
let menuHeard = false;

/**
 * The app menu's Undo and Redo (Electron; electron/main/menu.ts). In a text field they are the
 * field's own undo, as the default menu had them; elsewhere the network's and the view's. Where the
 * page saw the key first (Windows, Linux) and handled it, the menu's echo of the same key is dropped.
 */
function onMenuCommand(command: MenuCommand): void {
  if (typing(document.activeElement)) {
    document.execCommand(command);
    return;
  }
  if (performance.now() - keyedAt < 400) return;
  void (command === 'redo' ? redoAny() : undoAny());
}

export function useShortcuts(): void {
  useEffect(() => {
    if (!menuHeard && window.atlas?.onMenu) {
      menuHeard = true;
      window.atlas.onMenu(onMenuCommand);
    }
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
      // One undo for the view and the network (features/curation/edits.ts); Shift (or Ctrl+Y) redoes.
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        keyedAt = performance.now();
        void (e.shiftKey ? redoAny() : undoAny());
      } else if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        keyedAt = performance.now();
        void redoAny();
      } else if (mod) {
        return;
      } else if (e.key === 'f' || e.key === 'F') {
        fitDrawn();
      } else if (e.key === '+' || e.key === '=') {
        zoomBy(1.25);
      } else if (e.key === '-' || e.key === '_') {
        zoomBy(0.8);
      } else if ((e.key === 'n' || e.key === 'N') && !s.info?.viewing && !document.querySelector('dialog[open]')) {
        // Quick add, for workshops.
        e.preventDefault();
        useEditDialogs.open('quick');
      } else if (e.key === 'p' || e.key === 'P') {
        // Presentation: every panel away, or back.
        s.showPanels(!(s.panels.filters || s.panels.side));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
