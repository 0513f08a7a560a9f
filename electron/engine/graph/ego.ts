// The ego network: the organisations within 1 to 3 ties of one organisation, under the same
// filters as any slice, found by breadth-first search in SQL (only the frontier is read, never the
// whole network), then drawn by the slice builder restricted to what was reached.
import type { Database } from 'better-sqlite3';
import type { GraphView } from '../../../shared/domain';
import { AtlasError } from '../../../shared/errors';
import type { Filters, Slice } from '../../../shared/schemas';
import { connectorRule, eventWhere, organisationWhere, partnershipWhere, relationWhere } from './filters';
import type { SliceBuilder } from './slice';

export function egoNetwork(
  db: Database,
  slices: SliceBuilder,
  centre: string,
  depth: number,
  filters: Filters,
  view: GraphView,
): Slice {
  if (!db.prepare('SELECT 1 FROM organisation WHERE id = ?').get(centre)) {
    throw new AtlasError('not_found', `No organisation has ID '${centre}'`, 'organisationId');
  }
  const rule = connectorRule(filters);
  const org = organisationWhere(filters);
  const parts: string[] = [];
  const params: (frontier: string) => unknown[] = (frontier) => {
    const out: unknown[] = [];
    if (rule.partnerships) out.push(frontier, ...partnershipWhere(filters).params);
    if (rule.events) out.push(frontier, ...eventWhere(filters).params);
    if (rule.relations) out.push(frontier, ...relationWhere(filters).params, frontier, ...relationWhere(filters).params);
    return out;
  };
  if (rule.partnerships) {
    parts.push(`SELECT m2.organisation_id AS id FROM membership m1
      JOIN partnership p ON p.id = m1.partnership_id
      JOIN membership m2 ON m2.partnership_id = m1.partnership_id
      WHERE m1.organisation_id IN (SELECT value FROM json_each(?)) AND ${partnershipWhere(filters).where}`);
  }
  if (rule.events) {
    parts.push(`SELECT q2.organisation_id AS id FROM participation q1
      JOIN event e ON e.id = q1.event_id
      JOIN participation q2 ON q2.event_id = q1.event_id
      WHERE q1.organisation_id IN (SELECT value FROM json_each(?)) AND ${eventWhere(filters).where}`);
  }
  if (rule.relations) {
    const r = relationWhere(filters).where;
    parts.push(`SELECT r.target_id AS id FROM relation r WHERE r.source_id IN (SELECT value FROM json_each(?)) AND ${r}`);
    parts.push(`SELECT r.source_id AS id FROM relation r WHERE r.target_id IN (SELECT value FROM json_each(?)) AND ${r}`);
  }
  const step = db
    .prepare(
      `SELECT o.id FROM organisation o LEFT JOIN country c ON c.code = o.country
       WHERE o.id IN (${parts.join(' UNION ')}) AND ${org.where}`,
    )
    .pluck();

  const reached = new Set<string>([centre]);
  let frontier = [centre];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: string[] = [];
    const json = JSON.stringify(frontier);
    for (const id of step.all(...params(json), ...org.params) as string[]) {
      if (!reached.has(id)) {
        reached.add(id);
        next.push(id);
      }
    }
    frontier = next;
  }
  return slices.slice(filters, view, { restrictTo: [...reached], alwaysKeep: centre });
}
