// The legend's lines for drawing by attributes: the partition's values with how many of the drawn
// organisations have each, and the ranges sizes and widths are drawn over.
import { categoriesOf } from '../../../../shared/attributes';
import { NO_REGION_COLOUR } from '../../../../shared/palette';
import type { GraphNode } from '../../../../shared/schemas';
import type { AttributeLooks, Ranking } from '../attributes/looks';
import { OTHER_VALUES_COLOUR } from '../attributes/looks';
import type { AttributeValues } from '../attributes/store';

const MAX_ITEMS = 12;

export function partitionItems(
  looks: AttributeLooks,
  values: AttributeValues | undefined,
  nodes: readonly GraphNode[],
): { colour: string; label: string; absent?: boolean }[] {
  const p = looks.colour;
  if (!p || !values) return [{ colour: NO_REGION_COLOUR, label: 'Reading the attribute…' }];
  const drawn = new Map<string, number>();
  let none = 0;
  for (const n of nodes) {
    if (n.type !== 'organisation') continue;
    const first = categoriesOf(values.values[n.id])[0];
    if (first === undefined) none++;
    else drawn.set(first, (drawn.get(first) ?? 0) + 1);
  }
  const items = [...p.colours].slice(0, MAX_ITEMS).map(([value, colour]) => ({
    colour,
    label: `${value} (${drawn.get(value) ?? 0})`,
    absent: !drawn.has(value),
  }));
  const rest = [...p.colours.keys()].slice(MAX_ITEMS).reduce((n, v) => n + (drawn.get(v) ?? 0), 0);
  if (p.colours.size > MAX_ITEMS)
    items.push({ colour: OTHER_VALUES_COLOUR, label: `${p.colours.size - MAX_ITEMS} other values (${rest})`, absent: rest === 0 });
  items.push({ colour: NO_REGION_COLOUR, label: `no value (${none})`, absent: none === 0 });
  return items;
}

const num = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 2 });

export const rangeText = (what: string, r: Ranking | null): string =>
  r
    ? `${what}: ${r.name}, from ${num(r.min)} (smallest) to ${num(r.max)} (largest); none where there is no value.`
    : `${what}: reading the attribute…`;
