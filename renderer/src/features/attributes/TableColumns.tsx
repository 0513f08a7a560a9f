// The table's choice of attribute columns: any attribute of the drawn nodes (organisations,
// partnerships, events), shown after the built-in columns and sorted as its type sorts (numbers by
// value, dates in time, text alphabetically with accents and case folded). A name two kinds share
// is one column; typed differently in the two, it is shown and sorted as text.
import { useEffect, useMemo } from 'react';
import { categoriesOf, dateKeyOf, numberOf, type AttributeKind } from '../../../../shared/attributes';
import type { TableAttribute } from '../table/NodeTable';
import { useAttributes, type AttributeInfo } from './store';
import { valueKey } from './value-key';
import { create } from 'zustand';

const NODE_KINDS: readonly AttributeKind[] = ['organisation', 'partnership', 'event'];
const KIND_WORDS: Record<string, string> = { organisation: 'organisations', partnership: 'partnerships', event: 'events' };

const useChosen = create<{ chosen: string[]; toggle(name: string): void }>()((set, get) => ({
  chosen: [],
  toggle: (name) => set({ chosen: get().chosen.includes(name) ? get().chosen.filter((n) => n !== name) : [...get().chosen, name] }),
}));

interface NodeAttribute {
  name: string;
  type: AttributeInfo['type'];
  kinds: AttributeKind[];
}

/** The node attributes by name, in name order, each with the kinds that carry it. */
function nodeAttributes(catalogue: readonly AttributeInfo[]): NodeAttribute[] {
  const byName = new Map<string, NodeAttribute>();
  for (const a of catalogue) {
    if (!NODE_KINDS.includes(a.kind)) continue;
    const seen = byName.get(a.name);
    if (!seen) byName.set(a.name, { name: a.name, type: a.type, kinds: [a.kind] });
    else {
      seen.kinds.push(a.kind);
      if (seen.type !== a.type) seen.type = 'text';
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The chosen columns, their values asked for as they are chosen. */
export function useTableAttributes(): TableAttribute[] {
  const chosen = useChosen((s) => s.chosen);
  const catalogue = useAttributes((s) => s.catalogue);
  const values = useAttributes((s) => s.values);
  const want = useAttributes((s) => s.want);
  const attrs = useMemo(() => nodeAttributes(catalogue), [catalogue]);
  useEffect(() => {
    for (const a of attrs) if (chosen.includes(a.name)) for (const kind of a.kinds) void want(kind, a.name);
  }, [chosen, want, attrs]);
  return useMemo(
    () =>
      chosen.flatMap((name) => {
        const info = attrs.find((a) => a.name === name);
        if (!info) return [];
        const tables = info.kinds.map((kind) => values[valueKey(kind, name)]);
        if (tables.some((t) => !t)) return [];
        // Record IDs are unique across kinds, so one lookup per kind finds a node's value.
        const raw = (id: string): unknown => {
          for (const t of tables) if (t!.values[id] !== undefined) return t!.values[id];
          return undefined;
        };
        const read = (id: string): string | number | null => {
          const value = raw(id);
          if (info.type === 'number') return numberOf(value);
          if (info.type === 'date') return dateKeyOf(value);
          const items = categoriesOf(value);
          return items.length ? items.join(', ') : null;
        };
        return [{ name, type: info.type, valueOf: read }];
      }),
    [chosen, attrs, values],
  );
}

export function TableColumnChooser() {
  const catalogue = useAttributes((s) => s.catalogue);
  const chosen = useChosen((s) => s.chosen);
  const toggle = useChosen((s) => s.toggle);
  const attrs = useMemo(() => nodeAttributes(catalogue), [catalogue]);
  if (attrs.length === 0) return null;
  return (
    <details className="table-columns" data-testid="table-columns">
      <summary>Columns: attributes{chosen.length ? ` (${chosen.length})` : ''}</summary>
      {attrs.map((a) => (
        <label key={a.name} data-testid={`table-column-${a.name}`}>
          <input type="checkbox" checked={chosen.includes(a.name)} onChange={() => toggle(a.name)} /> {a.name}{' '}
          <span className="muted small">
            ({a.type}
            {a.kinds.length === 1 && a.kinds[0] !== 'organisation' ? `, ${KIND_WORDS[a.kinds[0]!]}` : ''}
            {a.kinds.length > 1 ? `, ${a.kinds.map((k) => KIND_WORDS[k]).join(' and ')}` : ''})
          </span>
        </label>
      ))}
    </details>
  );
}
