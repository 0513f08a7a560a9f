// Choosing an organisation by typing its name or acronym: the engine's search, results as a list
// the arrow keys move through and Enter takes.
import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../../shared/schemas';
import { call } from '../../api/client';

export function OrganisationPicker({
  id,
  value,
  label,
  onChange,
  invalid,
  describedBy,
  testId,
}: {
  id: string;
  value: { id: string; name: string } | null;
  label: string;
  onChange: (v: { id: string; name: string } | null) => void;
  invalid?: boolean;
  describedBy?: string;
  testId?: string;
}) {
  const [text, setText] = useState(value?.name ?? '');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  // A value chosen from outside (a record loaded) shows its name; clearing it keeps what is typed.
  useEffect(() => {
    if (value) setText(value.name);
  }, [value]);
  useEffect(() => {
    const t = text.trim();
    if (!t || t === value?.name) return setHits([]);
    let live = true;
    const timer = setTimeout(() => {
      void call('search.query', { text: t, limit: 8, types: ['organisation'] })
        .then((r) => live && (setHits(r.hits), setActive(0)))
        .catch(() => live && setHits([]));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, value?.name]);
  const take = (h: SearchHit) => {
    onChange({ id: h.id, name: h.name });
    setText(h.name);
    setHits([]);
  };
  return (
    <span className="picker">
      <input
        id={id}
        value={text}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        aria-autocomplete="list"
        autoComplete="off"
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          if (value) onChange(null);
        }}
        onKeyDown={(e) => {
          if (!hits.length) return;
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') take(hits[active]!);
          else return;
          e.preventDefault();
        }}
      />
      {hits.length > 0 && (
        <ul className="picker-list" role="listbox" aria-label={`${label}: matching organisations`}>
          {hits.map((h, i) => (
            <li key={h.id} role="option" aria-selected={i === active}>
              <button type="button" onMouseDown={(e) => (e.preventDefault(), take(h))}>
                {h.name}
                {h.acronym ? ` (${h.acronym})` : ''}
                {h.detail ? <span className="muted"> · {h.detail}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
