// Filters as SQL. A filter says which organisations are nodes and which connectors (partnerships,
// events, direct relations) tie them. The rule for connectors, documented in ARCHITECTURE.md:
// - a partnership filter (kind, focus area) alone narrows the slice to partnerships;
// - an event filter (kind) alone narrows it to events; both together keep both, each filtered;
// - direct relations count only while neither is set;
// - a date range keeps connectors whose dates overlap it (an undated one cannot, so it is left out);
// - while any connector filter is set, an organisation is kept only if it takes part in a kept one.
import type { Filters } from '../../../shared/schemas';

export interface Sql {
  where: string; // '1' when nothing filters
  params: unknown[];
}

const json = (v: readonly unknown[]) => JSON.stringify(v);
const nonEmpty = <T>(a: readonly T[] | undefined): a is readonly T[] => !!a && a.length > 0;

export function dateBounds(f: Filters): { from: string; to: string } | null {
  if (!f.dateFrom && !f.dateTo) return null;
  const from = f.dateFrom
    ? f.dateFrom.length === 4
      ? `${f.dateFrom}-01-01`
      : f.dateFrom.length === 7
        ? `${f.dateFrom}-01`
        : f.dateFrom
    : '0000-01-01';
  const to = f.dateTo
    ? f.dateTo.length === 4
      ? `${f.dateTo}-12-31`
      : f.dateTo.length === 7
        ? `${f.dateTo}-31`
        : f.dateTo
    : '9999-12-31';
  return { from, to };
}

export interface ConnectorRule {
  partnerships: boolean;
  events: boolean;
  relations: boolean;
  /** Whether organisations must take part in a kept connector to be kept. */
  active: boolean;
}

export function connectorRule(f: Filters): ConnectorRule {
  const p = nonEmpty(f.partnershipKinds) || nonEmpty(f.focusAreas);
  const e = nonEmpty(f.eventKinds);
  return {
    partnerships: p || !e,
    events: e || !p,
    relations: !p && !e,
    active: p || e || dateBounds(f) !== null,
  };
}

/** Organisation filters; the query must alias organisation as o and country as c. */
export function organisationWhere(f: Filters): Sql {
  const where: string[] = [];
  const params: unknown[] = [];
  if (nonEmpty(f.regions)) {
    where.push('c.region IN (SELECT value FROM json_each(?))');
    params.push(json(f.regions));
  }
  if (nonEmpty(f.subRegions)) {
    where.push(
      '(c.sub_region IN (SELECT value FROM json_each(?)) OR c.intermediate_region IN (SELECT value FROM json_each(?)))',
    );
    params.push(json(f.subRegions), json(f.subRegions));
  }
  if (nonEmpty(f.countries)) {
    where.push('o.country IN (SELECT value FROM json_each(?))');
    params.push(json(f.countries));
  }
  if (nonEmpty(f.sectors)) {
    where.push('o.sector IN (SELECT value FROM json_each(?))');
    params.push(json(f.sectors));
  }
  if (nonEmpty(f.tags)) {
    where.push('EXISTS (SELECT 1 FROM json_each(o.tags) t WHERE t.value IN (SELECT value FROM json_each(?)))');
    params.push(json(f.tags));
  }
  if (f.text) {
    const like = `%${f.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(`(o.name LIKE ? ESCAPE '\\' OR o.acronym LIKE ? ESCAPE '\\')`);
    params.push(like, like);
  }
  return { where: where.length ? where.join(' AND ') : '1', params };
}

export function hasOrganisationFilter(f: Filters): boolean {
  return organisationWhere(f).where !== '1';
}

/** Date overlap for a table aliased `alias` with start_key/end_key columns. */
function dateWhere(alias: string, f: Filters, where: string[], params: unknown[]): void {
  const b = dateBounds(f);
  if (!b) return;
  where.push(
    `(${alias}.start_key IS NOT NULL OR ${alias}.end_key IS NOT NULL)`,
    `coalesce(${alias}.start_key, '0000-01-01') <= ?`,
    `coalesce(${alias}.end_key, '9999-12-31') >= ?`,
  );
  params.push(b.to, b.from);
}

export function partnershipWhere(f: Filters): Sql {
  const where: string[] = [];
  const params: unknown[] = [];
  if (nonEmpty(f.partnershipKinds)) {
    where.push('p.kind IN (SELECT value FROM json_each(?))');
    params.push(json(f.partnershipKinds));
  }
  if (nonEmpty(f.focusAreas)) {
    where.push('EXISTS (SELECT 1 FROM json_each(p.focus_areas) t WHERE t.value IN (SELECT value FROM json_each(?)))');
    params.push(json(f.focusAreas));
  }
  dateWhere('p', f, where, params);
  return { where: where.length ? where.join(' AND ') : '1', params };
}

export function eventWhere(f: Filters): Sql {
  const where: string[] = [];
  const params: unknown[] = [];
  if (nonEmpty(f.eventKinds)) {
    where.push('e.kind IN (SELECT value FROM json_each(?))');
    params.push(json(f.eventKinds));
  }
  dateWhere('e', f, where, params);
  return { where: where.length ? where.join(' AND ') : '1', params };
}

export function relationWhere(f: Filters): Sql {
  const where: string[] = [];
  const params: unknown[] = [];
  dateWhere('r', f, where, params);
  return { where: where.length ? where.join(' AND ') : '1', params };
}
