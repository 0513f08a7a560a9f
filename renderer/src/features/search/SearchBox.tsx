// Search as you type over names and acronyms (its text is in the store, so "Clear all" clears it). Choosing a result selects it and centres it; when
// the current view does not draw it, the store raises a notice offering to show it.
import { useEffect, useId, useRef, useState } from 'react';
import type { SearchHit } from '../../../../shared/schemas';
import { call } from '../../api/client';
import { useAtlas } from '../../store/atlas';
import { humanise } from '../details/format';

export const SEARCH_INPUT_ID = 'atlas-search';

export function SearchBox() {
  const text = useAtlas((s) => s.search);
  const setText = useAtlas((s) => s.setSearch);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [total, setTotal] = useState(0);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const ticket = useRef(0);
  // The list closes a moment after the box loses the focus (so a click on a result lands first);
  // focus coming back before then keeps it open, or a list answered meanwhile would close under
  // the person typing (found by CI: a button clicked, then the box typed in within 150 ms).
  const closing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(closing.current), []);

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setHits([]);
      setTotal(0);
      return;
    }
    const t = ++ticket.current;
    const timer = setTimeout(() => {
      call('search.query', { text: q, limit: 12 })
        .then((r) => {
          if (t !== ticket.current) return;
          setHits(r.hits);
          setTotal(r.total);
          setActive(0);
          setOpen(true);
        })
        .catch(() => t === ticket.current && setHits([]));
    }, 80);
    return () => clearTimeout(timer);
  }, [text]);

  const choose = (h: SearchHit) => {
    setOpen(false);
    void useAtlas.getState().reveal(h.id, h.type, h.name);
  };

  return (
    <div className="search" role="search">
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        placeholder="Search by name or acronym  (Ctrl+F)"
        aria-label="Search by name or acronym"
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onFocus={() => {
          clearTimeout(closing.current);
          if (hits.length > 0) setOpen(true);
        }}
        onBlur={() => {
          closing.current = setTimeout(() => setOpen(false), 150);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && hits[active]) {
            e.preventDefault();
            choose(hits[active]!);
          } else if (e.key === 'Escape') {
            e.stopPropagation();
            if (text) setText('');
            setOpen(false);
            (e.target as HTMLInputElement).blur();
          }
        }}
      />
      {open && text.trim() && (
        <ul className="search-results" id={listId} role="listbox" data-testid="search-results">
          {hits.length === 0 && <li className="muted empty-hit">Nothing matches “{text.trim()}”.</li>}
          {hits.map((h, i) => (
            <li
              key={h.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(h)}
              onMouseEnter={() => setActive(i)}
            >
              <span className="hit-name">
                {h.name}
                {h.acronym && <span className="muted"> ({h.acronym})</span>}
              </span>
              <span className="muted hit-detail">{[humanise(h.type), h.detail && humanise(h.detail)].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
          {total > hits.length && <li className="muted empty-hit">{total - hits.length} more: keep typing to narrow.</li>}
        </ul>
      )}
    </div>
  );
}
