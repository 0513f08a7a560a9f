// Drawing by attributes: colour nodes by a categorical organisation attribute (a partition: each
// value its colour, commonest first, the rest grey), size them by a numeric one (a ranking over
// the range), and ties as wide as a numeric relation attribute. Pure functions of the values, so
// the canvas and the legend read the same mapping.
import { categoriesOf, numberOf } from '../../../../shared/attributes';
import { COMMUNITY_COLOURS, NO_REGION_COLOUR } from '../../../../shared/palette';
import type { StyleSettings } from '../../../../shared/saved-view-style';
import type { AttributeValues } from './store';
import { valueKey } from './value-key';

/** Values past the palette's twelve colours share this one. */
export const OTHER_VALUES_COLOUR = '#c9c9c9';

export interface Partition {
  name: string;
  /** Value → colour, commonest value first. */
  colours: Map<string, string>;
  /** How many records have each value (a list counts for each of its items). */
  counts: Map<string, number>;
  colourOf(id: string): string;
}

export interface Ranking {
  name: string;
  min: number;
  max: number;
  valueOf(id: string): number | null;
}

export interface AttributeLooks {
  colour: Partition | null;
  size: Ranking | null;
  /** Relation attribute: by relation ID (full view) and by pair of organisations (organisation view). */
  width: (Ranking & { pairOf(a: string, b: string): number | null }) | null;
}

function partition(name: string, v: AttributeValues): Partition {
  const counts = new Map<string, number>();
  for (const value of Object.values(v.values)) for (const c of categoriesOf(value)) counts.set(c, (counts.get(c) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const colours = new Map(ranked.map(([value], i) => [value, COMMUNITY_COLOURS[i] ?? OTHER_VALUES_COLOUR]));
  return {
    name,
    colours,
    counts: new Map(ranked),
    colourOf(id) {
      const first = categoriesOf(v.values[id])[0];
      return first === undefined ? NO_REGION_COLOUR : (colours.get(first) ?? OTHER_VALUES_COLOUR);
    },
  };
}

function ranking(name: string, values: Record<string, unknown>): Ranking {
  let min = Infinity;
  let max = -Infinity;
  for (const value of Object.values(values)) {
    const n = numberOf(value);
    if (n === null) continue;
    if (n < min) min = n;
    if (n > max) max = n;
  }
  if (min > max) min = max = 0;
  return { name, min, max, valueOf: (id) => numberOf(values[id]) };
}

/** Where a value lies in the range, 0 to 1 (the middle when every value is the same). */
export function share(r: Ranking, value: number): number {
  return r.max > r.min ? (value - r.min) / (r.max - r.min) : 0.5;
}

export function attributeLooks(style: StyleSettings, values: Record<string, AttributeValues>): AttributeLooks {
  const of = (kind: 'organisation' | 'relation', name: string | null) => (name ? values[valueKey(kind, name)] : undefined);
  const colourValues = style.colourBy === 'attribute' ? of('organisation', style.colourAttribute) : undefined;
  const sizeValues = style.sizeBy === 'attribute' ? of('organisation', style.sizeAttribute) : undefined;
  const widthValues = style.edgeWidth === 'attribute' ? of('relation', style.widthAttribute) : undefined;
  let width: AttributeLooks['width'] = null;
  if (widthValues) {
    const pairs = widthValues.pairs ?? {};
    const byRelation = ranking(widthValues.name, widthValues.values);
    const byPair = ranking(widthValues.name, pairs);
    width = {
      ...byRelation,
      min: Math.min(byRelation.min, byPair.min),
      max: Math.max(byRelation.max, byPair.max),
      // Relations are edges of the full view as "r:<id>".
      valueOf: (edgeId) => byRelation.valueOf(edgeId.startsWith('r:') ? edgeId.slice(2) : edgeId),
      pairOf: (a, b) => numberOf(pairs[a < b ? `${a} ${b}` : `${b} ${a}`]),
    };
  }
  return {
    colour: colourValues ? partition(colourValues.name, colourValues) : null,
    size: sizeValues ? ranking(sizeValues.name, sizeValues.values) : null,
    width,
  };
}
