// Filters as predicates over the graph index. A filter says which organisations are nodes and
// which connectors (partnerships, events, direct relations) tie them. The rule for connectors:
// - a partnership filter (kind, focus area) alone narrows the slice to partnerships;
// - an event filter (kind) alone narrows it to events; both together keep both, each filtered;
// - direct relations count only while neither is set;
// - a date range keeps connectors whose dates overlap it (an undated one cannot, so it is left out);
// - while any connector filter is set, an organisation is kept only if it takes part in a kept one.
// The minimum tie weight (see weightFloor) then works on the ties these leave. "Citing no source"
// (`unsourced`) is an organisation filter like sector or country: it combines with every other.
import { endBound, startBound } from '../../../shared/dates';
import type { AttributeKind } from '../../../shared/attributes';
import type { Filters } from '../../../shared/schemas';
import { attributeFiltersOf, attributeTest } from './attribute-columns';
import type { Connector, GraphIndex, RelationEdge } from './index';

const nonEmpty = <T>(a: readonly T[] | undefined): a is readonly T[] => !!a && a.length > 0;

function dateBounds(f: Filters): { from: string; to: string } | null {
  if (!f.dateFrom && !f.dateTo) return null;
  return { from: f.dateFrom ? startBound(f.dateFrom) : '0000-01-01', to: f.dateTo ? endBound(f.dateTo) : '9999-12-31' };
}

export interface ConnectorRule {
  partnerships: boolean;
  events: boolean;
  relations: boolean;
  /** Whether organisations must take part in a kept connector to be kept. */
  active: boolean;
}

const hasAttributeFilter = (f: Filters, kind: AttributeKind): boolean => attributeFiltersOf(f, kind).length > 0;

/** Attribute filters on partnerships, events or relations count as filters of that connector (attribute-columns.ts). */
export function connectorRule(f: Filters): ConnectorRule {
  const p = nonEmpty(f.partnershipKinds) || nonEmpty(f.focusAreas) || hasAttributeFilter(f, 'partnership');
  const e = nonEmpty(f.eventKinds) || hasAttributeFilter(f, 'event');
  const r = hasAttributeFilter(f, 'relation');
  return {
    partnerships: p || (!e && !r),
    events: e || (!p && !r),
    relations: r || (!p && !e),
    active: p || e || r || dateBounds(f) !== null,
  };
}

function attributes(g: GraphIndex): NonNullable<GraphIndex['attributes']> {
  if (!g.attributes) throw new Error('this graph index was not loaded from a database, so it has no attributes');
  return g.attributes;
}

/**
 * The minimum tie weight, or null when it filters nothing: every tie weighs at least 1, so 1 is the
 * same as no filter. A tie's weight is the number of partnerships, events and direct relations its
 * two organisations share among those the other filters keep. While the floor is on, it behaves
 * like an edge-weight filter followed by "hide isolates" in Gephi or Kumu:
 * - ties lighter than the floor are not drawn (nor counted in `counts.ties.shown`);
 * - an organisation stays only if at least one of its ties meets the floor (an ego network's centre
 *   always stays);
 * - a partnership or event stays (in the counts, and as a node of the full view) only if one of
 *   its members stays; a direct relation only if the tie it is part of meets the floor.
 * In the full view the floor therefore applies to organisations: a kept organisation is drawn with
 * all its links to kept partnerships and events, an organisation whose strongest tie is below the
 * floor is not drawn at all. Ego networks and paths only walk over ties that meet it.
 */
export function weightFloor(f: Filters): number | null {
  return f.minWeight !== undefined && f.minWeight > 1 ? f.minWeight : null;
}

export function hasOrganisationFilter(f: Filters): boolean {
  return (
    nonEmpty(f.regions) ||
    nonEmpty(f.subRegions) ||
    nonEmpty(f.countries) ||
    nonEmpty(f.sectors) ||
    nonEmpty(f.tags) ||
    !!f.text ||
    !!f.unsourced ||
    hasAttributeFilter(f, 'organisation')
  );
}

/** Whether the filters keep the whole network (no organisation, connector or weight filter). */
export function keepsEverything(f: Filters): boolean {
  return !hasOrganisationFilter(f) && !connectorRule(f).active && weightFloor(f) === null;
}

/** A predicate over organisation indices; null when every organisation passes. */
export function organisationTest(g: GraphIndex, f: Filters): ((i: number) => boolean) | null {
  if (!hasOrganisationFilter(f)) return null;
  const regions = nonEmpty(f.regions) ? new Set(f.regions) : null;
  const subs = nonEmpty(f.subRegions) ? new Set(f.subRegions) : null;
  const countries = nonEmpty(f.countries) ? new Set<string | null>(f.countries) : null;
  const sectors = nonEmpty(f.sectors) ? new Set<string>(f.sectors) : null;
  const tags = nonEmpty(f.tags) ? new Set(f.tags) : null;
  const text = f.text ? f.text.toLowerCase() : null;
  const attr = hasAttributeFilter(f, 'organisation') ? attributeTest(attributes(g), f, 'organisation') : null;
  const citing = f.unsourced ? attributes(g).citing('organisation') : null;
  return (i) =>
    (!regions || regions.has(g.region[i]!)) &&
    (!subs || subs.has(g.subRegion[i]!) || subs.has(g.intermediateRegion[i]!)) &&
    (!countries || countries.has(g.country[i]!)) &&
    (!sectors || sectors.has(g.sector[i]!)) &&
    (!tags || g.tagsOf(i).some((t) => tags.has(t))) &&
    (!text || g.search[i]!.includes(text)) &&
    (!citing || !citing.has(g.ids[i]!)) &&
    (!attr || attr(g.ids[i]!));
}

function overlaps(b: { from: string; to: string } | null, startKey: string | null, endKey: string | null): boolean {
  if (!b) return true;
  if (startKey === null && endKey === null) return false;
  return (startKey ?? '0000-01-01') <= b.to && (endKey ?? '9999-12-31') >= b.from;
}

/** A predicate over connectors: included by the rule and passing their own filters. */
export function connectorTest(g: GraphIndex, f: Filters): (c: Connector) => boolean {
  const rule = connectorRule(f);
  const pAttr = hasAttributeFilter(f, 'partnership') ? attributeTest(attributes(g), f, 'partnership') : null;
  const eAttr = hasAttributeFilter(f, 'event') ? attributeTest(attributes(g), f, 'event') : null;
  const b = dateBounds(f);
  const pKinds = nonEmpty(f.partnershipKinds) ? new Set<string>(f.partnershipKinds) : null;
  const focus = nonEmpty(f.focusAreas) ? new Set(f.focusAreas) : null;
  const eKinds = nonEmpty(f.eventKinds) ? new Set<string>(f.eventKinds) : null;
  return (c) => {
    if (c.type === 'partnership') {
      if (!rule.partnerships || (pKinds && !pKinds.has(c.kind)) || (focus && !c.focus.some((x) => focus.has(x)))) return false;
      if (pAttr && !pAttr(c.id)) return false;
    } else if (!rule.events || (eKinds && !eKinds.has(c.kind)) || (eAttr && !eAttr(c.id))) return false;
    return overlaps(b, c.startKey, c.endKey);
  };
}

export function relationTest(g: GraphIndex, f: Filters): (r: RelationEdge) => boolean {
  const rule = connectorRule(f);
  const b = dateBounds(f);
  const rAttr = hasAttributeFilter(f, 'relation') ? attributeTest(attributes(g), f, 'relation') : null;
  return (r) => rule.relations && overlaps(b, r.startKey, r.endKey) && (!rAttr || rAttr(r.id));
}
