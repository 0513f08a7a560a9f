// One attribute's facet for the filter panel: the values to tick with their counts, or the range
// of numbers or dates, over what the other filters keep. The attribute's own filter is left out,
// as in any faceted search, so ticking a value never hides the others from the list.
import { categoriesOf, dateKeyOf, isRangeType, numberOf, type AttributeKind } from '../../../shared/attributes';
import type { AttributeFacet, Filters } from '../../../shared/schemas';
import type { GraphIndex } from '../graph/index';
import type { GraphService } from '../graph/service';
import type { AttributeCatalogue } from './catalogue';

const MAX_VALUES = 500;

function keptIds(graph: GraphService, kind: AttributeKind, filters: Filters): Iterable<string> {
  const g = graph.index();
  const sel = graph.select(g, filters);
  if (kind === 'organisation') return g.ids.filter((_, i) => sel.keep[i] === 1);
  if (kind === 'relation') return sel.relations.map((r) => r.id);
  return sel.shown.filter((k) => k.c.type === kind).map((k) => k.c.id);
}

export function attributeFacet(
  catalogue: AttributeCatalogue,
  graph: GraphService,
  kind: AttributeKind,
  name: string,
  filters: Filters,
): AttributeFacet {
  const entry = catalogue.need(kind, name);
  const others: Filters = { ...filters, attributes: (filters.attributes ?? []).filter((a) => a.kind !== kind || a.name !== name) };
  const column = graph.index().attributes!.column(kind, name);
  let count = 0;
  const counts = new Map<string, number>();
  let min: number | string | null = null;
  let max: number | string | null = null;
  const range = isRangeType(entry.type);
  for (const id of keptIds(graph, kind, others)) {
    const value = column.get(id);
    if (value === undefined) continue;
    count++;
    if (range) {
      const v = entry.type === 'number' ? numberOf(value) : dateKeyOf(value);
      if (v === null) continue;
      if (min === null || v < min) min = v;
      if (max === null || v > max) max = v;
    } else {
      for (const c of categoriesOf(value)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  const values = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([value, n]) => ({ value, count: n }));
  return {
    kind,
    name,
    type: entry.type,
    count,
    values: values.slice(0, MAX_VALUES),
    more: Math.max(0, values.length - MAX_VALUES),
    range: min !== null && max !== null ? { min, max } : null,
  };
}

/** A numeric relation attribute summed per pair of organisations, keyed "idA idB" (smaller ID first). */
export function relationPairs(g: GraphIndex, column: ReadonlyMap<string, unknown>): Record<string, number> {
  const pairs: Record<string, number> = {};
  for (const r of g.relations) {
    const v = numberOf(column.get(r.id));
    if (v === null) continue;
    const a = g.ids[r.source]!;
    const b = g.ids[r.target]!;
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    pairs[key] = (pairs[key] ?? 0) + v;
  }
  return pairs;
}
