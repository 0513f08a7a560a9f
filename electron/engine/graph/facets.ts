// The values the filter panel offers, each with how many records carry it: organisations for
// regions, sub-regions, countries, sectors and tags; partnerships for partnership kinds and focus
// areas; events for event kinds. Only values present in the network are listed, largest first, then
// by label. Sub-regions are the UN M49 sub-regions (the level the aggregated view groups by); the
// subRegions filter also accepts intermediate regions, but the panel offers two levels only.
// Computed once per index version (the network changes only through writes).
import { SECTOR_LABELS, type Sector } from '../../../shared/domain';
import type { Facets } from '../../../shared/schemas';
import type { GraphIndex } from './index';
import type { Selection } from './selection';

/** What facets read of the graph service (service.ts), which itself keeps them in its summary. */
interface FacetSource {
  index(): GraphIndex;
  select(g: GraphIndex, filters: Record<string, never>): Selection;
}

type Facet = Facets['countries'][number];

const KIND_LABELS: Record<string, string> = {
  public_private: 'Public-private partnership',
  multistakeholder: 'Multistakeholder',
  network: 'Network',
  expert_group: 'Expert group',
  agreement: 'Agreement',
  project: 'Project',
  funding: 'Funding',
  consultation: 'Consultation',
  negotiating_session: 'Negotiating session',
  side_event: 'Side event',
  workshop: 'Workshop',
  conference: 'Conference',
  webinar: 'Webinar',
};

/** One per index and revision: an applied write counts them again on the next call. */
const cache = new WeakMap<GraphIndex, { revision: number; f: Facets }>();

export function facets(graph: FacetSource): Facets {
  const g = graph.index();
  let f = cache.get(g)?.revision === g.revision ? cache.get(g)!.f : null;
  if (!f) cache.set(g, { revision: g.revision, f: (f = compute(g, graph)) });
  return f;
}

/** Counts values, remembering a label for each. */
class Tally {
  private readonly counts = new Map<string, { label: string; count: number }>();
  add(value: string, label: string = value): void {
    const t = this.counts.get(value);
    if (t) t.count++;
    else this.counts.set(value, { label, count: 1 });
  }
  list(): Facet[] {
    return [...this.counts].map(([value, t]) => ({ value, label: t.label, count: t.count })).sort(byCountThenLabel);
  }
}

function byCountThenLabel(a: Facet, b: Facet): number {
  return b.count - a.count || a.label.localeCompare(b.label, 'en');
}

function compute(g: GraphIndex, graph: FacetSource): Facets {
  const regions = new Tally();
  const subRegions = new Map<string, Tally>();
  const countries = new Tally();
  const sectors = new Tally();
  const tags = new Tally();
  for (let i = 0; i < g.ids.length; i++) {
    const region = g.region[i];
    if (region) {
      regions.add(region);
      const sub = g.subRegion[i];
      if (sub) {
        let t = subRegions.get(region);
        if (!t) subRegions.set(region, (t = new Tally()));
        t.add(sub);
      }
    }
    const country = g.country[i];
    if (country) countries.add(country, g.countryName[i] ?? country);
    sectors.add(g.sector[i]!, SECTOR_LABELS[g.sector[i] as Sector] ?? g.sector[i]!);
    for (const tag of new Set(g.tagsOf(i))) tags.add(tag);
  }

  const partnershipKinds = new Tally();
  const eventKinds = new Tally();
  const focusAreas = new Tally();
  let minYear = Infinity;
  let maxYear = -Infinity;
  for (const c of g.connectors) {
    (c.type === 'partnership' ? partnershipKinds : eventKinds).add(c.kind, KIND_LABELS[c.kind] ?? c.kind);
    for (const area of new Set(c.focus)) focusAreas.add(area);
    for (const key of [c.startKey, c.endKey]) {
      if (!key) continue;
      const year = Number(key.slice(0, 4));
      if (year < minYear) minYear = year;
      if (year > maxYear) maxYear = year;
    }
  }

  const whole = graph.select(g, {});
  let maxWeight = 0;
  for (let s = 0; s < whole.ties.size; s++) maxWeight = Math.max(maxWeight, whole.ties.weight(s));

  return {
    regions: regions.list().map((r) => ({ ...r, subRegions: subRegions.get(r.value)?.list() ?? [] })),
    countries: countries.list(),
    sectors: sectors.list(),
    partnershipKinds: partnershipKinds.list(),
    eventKinds: eventKinds.list(),
    focusAreas: focusAreas.list(),
    tags: tags.list(),
    maxWeight,
    years: minYear === Infinity ? null : { min: minYear, max: maxYear },
  };
}
