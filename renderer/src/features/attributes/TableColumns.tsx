// The table's choice of attribute columns: any organisation attribute, shown after the built-in
// columns and sorted as its type sorts (numbers by value, dates in time, text alphabetically).
import { useEffect, useMemo } from 'react';
import { categoriesOf, dateKeyOf, numberOf } from '../../../../shared/attributes';
import type { TableAttribute } from '../table/NodeTable';
import { attributesOf, useAttributes } from './store';
import { valueKey } from './value-key';
import { create } from 'zustand';

const useChosen = create<{ chosen: string[]; toggle(name: string): void }>()((set, get) => ({
  chosen: [],
  toggle: (name) => set({ chosen: get().chosen.includes(name) ? get().chosen.filter((n) => n !== name) : [...get().chosen, name] }),
}));

/** The chosen columns, their values asked for as they are chosen. */
export function useTableAttributes(): TableAttribute[] {
  const chosen = useChosen((s) => s.chosen);
  const catalogue = useAttributes((s) => s.catalogue);
  const values = useAttributes((s) => s.values);
  const want = useAttributes((s) => s.want);
  useEffect(() => {
    for (const name of chosen) void want('organisation', name);
  }, [chosen, want, catalogue]);
  return useMemo(
    () =>
      chosen.flatMap((name) => {
        const info = catalogue.find((a) => a.kind === 'organisation' && a.name === name);
        const v = values[valueKey('organisation', name)];
        if (!info || !v) return [];
        const read = (id: string): string | number | null => {
          const raw = v.values[id];
          if (info.type === 'number') return numberOf(raw);
          if (info.type === 'date') return dateKeyOf(raw);
          const items = categoriesOf(raw);
          return items.length ? items.join(', ') : null;
        };
        return [{ name, type: info.type, valueOf: read }];
      }),
    [chosen, catalogue, values],
  );
}

export function TableColumnChooser() {
  const catalogue = useAttributes((s) => s.catalogue);
  const chosen = useChosen((s) => s.chosen);
  const toggle = useChosen((s) => s.toggle);
  const attrs = attributesOf(catalogue, 'organisation');
  if (attrs.length === 0) return null;
  return (
    <details className="table-columns" data-testid="table-columns">
      <summary>Columns: attributes{chosen.length ? ` (${chosen.length})` : ''}</summary>
      {attrs.map((a) => (
        <label key={a.name}>
          <input type="checkbox" checked={chosen.includes(a.name)} onChange={() => toggle(a.name)} /> {a.name}{' '}
          <span className="muted small">({a.type})</span>
        </label>
      ))}
    </details>
  );
}
