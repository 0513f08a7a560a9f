// The aggregated view: when a filter keeps more organisations than can be drawn, one node per
// region, sub-region or country instead, and one link per pair of groups whose organisations are
// tied. Works on the slice's packed ties (selection.ts), so the whole network of 50,000
// organisations and a quarter of a million ties aggregates without building a single edge object.
//
// Which group an organisation falls in:
// - `region` and `subRegion` use the UN M49 region and sub-region of its country (the sub-region
//   proper, e.g. "Sub-Saharan Africa", not the intermediate region "Western Africa": its key is a
//   value the subRegions filter accepts, and the groups stay few);
// - an organisation whose country has no region (Antarctica, say) gets its country's group, so
//   that group's `by` is 'country' and expanding it filters by that country;
// - an organisation without a country goes to the group 'none' (key null).
// Each group also says what it holds: its organisations by sector, and its region (the window
// colours a country or sub-region by the region it lies in).
import type { Aggregate, AggregateGroup, AggregateLevel } from '../../../shared/schemas';
import type { Selection } from './selection';

const NO_COUNTRY_LABEL = 'No country (international)';

export function aggregateSelection(sel: Selection, by: AggregateLevel): Aggregate {
  const { g, keep, ties } = sel;
  const groups: AggregateGroup[] = [];
  const groupIndex = new Map<string, number>();
  const groupOf = new Int32Array(g.ids.length).fill(-1);
  const group = (id: string, level: AggregateLevel, key: string | null, label: string): number => {
    let gi = groupIndex.get(id);
    if (gi === undefined) {
      gi = groups.length;
      groupIndex.set(id, gi);
      groups.push({ id, by: level, key, label, region: null, organisations: 0, innerTies: 0, sectors: {} });
    }
    return gi;
  };
  // Organisations of one country always fall in one group: it is found once per country, not per
  // organisation (a hundred thousand IDs built and hashed were a third of a drill at 100,000).
  const ofCountry = new Map<string | null, number>();
  const values = by === 'region' ? g.region : by === 'subRegion' ? g.subRegion : null;
  const sectorCounts: Map<string, number>[] = [];
  for (let i = 0; i < g.ids.length; i++) {
    if (!keep[i]) continue;
    const country = g.country[i] ?? null;
    let gi = ofCountry.get(country);
    if (gi === undefined) {
      const value = values ? values[i] : null;
      gi =
        country === null
          ? group('none', by, null, NO_COUNTRY_LABEL)
          : value
            ? group(`${by}:${value}`, by, value, value)
            : group(`country:${country}`, 'country', country, g.countryName[i] ?? country);
      ofCountry.set(country, gi);
      groups[gi]!.region ??= g.region[i] ?? null;
      sectorCounts[gi] ??= new Map();
    }
    groupOf[i] = gi;
    groups[gi]!.organisations++;
    const sector = g.sector[i] ?? 'other';
    const counts = sectorCounts[gi]!;
    counts.set(sector, (counts.get(sector) ?? 0) + 1);
  }
  // Sectors in the order they were first met in each group, as before.
  groups.forEach((into, gi) => {
    for (const [sector, n] of sectorCounts[gi] ?? []) into.sectors[sector] = n;
  });

  // Links between groups, counted in flat arrays by the pair of group indices (a few hundred groups
  // at most): a Map lookup per tie was most of the aggregated view of a million ties.
  const G = groups.length;
  const pairTies = new Int32Array(G * G);
  const pairWeight = new Float64Array(G * G);
  const { a, b } = ties;
  for (const s of sel.live) {
    const x = groupOf[a[s]!]!;
    const y = groupOf[b[s]!]!;
    if (x === y) {
      groups[x]!.innerTies++;
      continue;
    }
    const key = x < y ? x * G + y : y * G + x;
    pairTies[key]!++;
    pairWeight[key]! += ties.weight(s);
  }
  const linkOf: { lo: number; hi: number; ties: number; weight: number }[] = [];
  for (let key = 0; key < G * G; key++) {
    if (pairTies[key]) linkOf.push({ lo: Math.floor(key / G), hi: key % G, ties: pairTies[key]!, weight: pairWeight[key]! });
  }

  // Largest groups first; each link runs from the group listed first to the other.
  const order = groups.map((_, i) => i).sort((x, y) => byCountThenLabel(groups[x]!, groups[y]!));
  const rank = new Int32Array(G);
  order.forEach((gi, r) => (rank[gi] = r));
  const links = linkOf
    .map((l) => {
      const [s, t] = rank[l.lo]! < rank[l.hi]! ? [l.lo, l.hi] : [l.hi, l.lo];
      const source = groups[s]!.id;
      const target = groups[t]!.id;
      return { id: `${source}|${target}`, source, target, ties: l.ties, weight: l.weight, r: [rank[s]!, rank[t]!] as const };
    })
    .sort((p, q) => q.ties - p.ties || p.r[0] - q.r[0] || p.r[1] - q.r[1])
    .map(({ r: _r, ...l }) => l);
  return { by, groups: order.map((gi) => groups[gi]!), links };
}

function byCountThenLabel(a: AggregateGroup, b: AggregateGroup): number {
  return b.organisations - a.organisations || a.label.localeCompare(b.label, 'en');
}
