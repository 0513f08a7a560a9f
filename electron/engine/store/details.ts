// What the details panel shows for one organisation, partnership or event: the record, its country,
// what it is connected to and in which role, its direct relations, every source cited for it or for
// its memberships and participations, and (for an organisation) the organisations it is tied to.
import type { Database } from 'better-sqlite3';
import type { Details } from '../../../shared/schemas';
import type { GraphService } from '../graph/service';
import { TieWalker } from '../graph/walk';
import { TABLES, fromRow, type RecordObject } from './tables';
import type { RecordStore } from './records';

type Row = Record<string, unknown>;

/**
 * An imported relation of a type this app has no word for is kept as 'other', with the file's own
 * name for it in its attributes (the importer reads 'type', 'relation' or 'relation_type').
 */
const TYPE_NAME = `CASE WHEN r.type = 'other' THEN coalesce(
  json_extract(r.attributes, '$.type'), json_extract(r.attributes, '$.relation'), json_extract(r.attributes, '$.relation_type')) END AS typeName`;

export function recordDetails(db: Database, store: RecordStore, graph: GraphService, type: Details['type'], id: string): Details {
  const record = store.get(TABLES[type], id);
  const country = record.country
    ? ((db
        .prepare(
          `SELECT code, alpha3, numeric, name, region, sub_region AS subRegion,
                  intermediate_region AS intermediateRegion FROM country WHERE code = ?`,
        )
        .get(record.country) as Details['country']) ?? null)
    : null;

  let connections: Details['connections'];
  let linkType: 'membership' | 'participation' | null = null;
  if (type === 'organisation') {
    connections = [
      ...(db
        .prepare(
          `SELECT p.id, 'partnership' AS type, p.name, p.kind, m.role,
                  coalesce(m.start_date, p.start_date) AS startDate, coalesce(m.end_date, p.end_date) AS endDate,
                  m.id AS linkId
           FROM membership m JOIN partnership p ON p.id = m.partnership_id
           WHERE m.organisation_id = ? ORDER BY p.start_key NULLS LAST, p.name`,
        )
        .all(id) as Row[]),
      ...(db
        .prepare(
          `SELECT e.id, 'event' AS type, e.name, e.kind, q.role, e.start_date AS startDate, e.end_date AS endDate,
                  q.id AS linkId
           FROM participation q JOIN event e ON e.id = q.event_id
           WHERE q.organisation_id = ? ORDER BY e.start_key NULLS LAST, e.name`,
        )
        .all(id) as Row[]),
    ] as Details['connections'];
  } else {
    linkType = type === 'partnership' ? 'membership' : 'participation';
    const [table, col] = type === 'partnership' ? ['membership', 'partnership_id'] : ['participation', 'event_id'];
    connections = db
      .prepare(
        `SELECT o.id, 'organisation' AS type, o.name, o.sector AS kind, l.role,
                ${type === 'partnership' ? 'l.start_date' : 'NULL'} AS startDate,
                ${type === 'partnership' ? 'l.end_date' : 'NULL'} AS endDate, l.id AS linkId
         FROM ${table} l JOIN organisation o ON o.id = l.organisation_id
         WHERE l.${col} = ? ORDER BY instr('lead funder member observer organiser speaker participant', l.role), o.name`,
      )
      .all(id) as Details['connections'];
  }
  const linkIds = connections.map((c) => (c as unknown as { linkId: string }).linkId);
  for (const c of connections) delete (c as unknown as { linkId?: string }).linkId;

  const relations =
    type === 'organisation'
      ? (
          db
            .prepare(
              `SELECT r.id, r.type, 'out' AS direction, o.id AS otherId, o.name AS otherName, r.start_date, r.end_date, ${TYPE_NAME}, r.attributes
               FROM relation r JOIN organisation o ON o.id = r.target_id WHERE r.source_id = ?
               UNION ALL
               SELECT r.id, r.type, 'in', o.id, o.name, r.start_date, r.end_date, ${TYPE_NAME}, r.attributes
               FROM relation r JOIN organisation o ON o.id = r.source_id WHERE r.target_id = ?`,
            )
            .all(id, id) as Row[]
        ).map((r) => ({
          id: r.id as string,
          type: r.type as Details['relations'][number]['type'],
          direction: r.direction as 'out' | 'in',
          other: { id: r.otherId as string, name: r.otherName as string },
          startDate: r.start_date as string | null,
          endDate: r.end_date as string | null,
          attributes: JSON.parse(r.attributes as string) as Record<string, unknown>,
          typeName: typeof r.typeName === 'string' && r.typeName.trim() ? r.typeName.trim() : null,
        }))
      : [];

  // Sources cited for the record itself, its links, and (for organisations) its relations.
  const cited: [string, string][] = [[type, id]];
  if (type === 'organisation') {
    connections.forEach((c, i) => cited.push([c.type === 'partnership' ? 'membership' : 'participation', linkIds[i]!]));
    relations.forEach((r) => cited.push(['relation', r.id]));
  } else if (linkType) {
    linkIds.forEach((l) => cited.push([linkType!, l]));
  }
  const sourceRows = db
    .prepare(
      `SELECT c.id AS citationId, c.locator, c.record_type AS recordType, c.record_id AS recordId, s.*
       FROM citation c JOIN source s ON s.id = c.source_id
       WHERE (c.record_type, c.record_id) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))
       ORDER BY c.record_type = ? DESC, s.title`,
    )
    .all(JSON.stringify(cited), type) as Row[];
  const sources = sourceRows.map((r) => ({
    citationId: r.citationId as string,
    locator: r.locator as string | null,
    recordType: r.recordType as Details['sources'][number]['recordType'],
    recordId: r.recordId as string,
    source: fromRow(TABLES.source, r) as unknown as Details['sources'][number]['source'],
  }));

  const neighbours = type === 'organisation' ? neighboursOf(graph, id) : [];
  return { type, record: record as RecordObject as Details['record'], country, connections, relations, sources, neighbours };
}

/**
 * The organisations one organisation is tied to over the whole network (no filters), strongest tie
 * first, then by name. From the graph index, so the ties are the ones the graph draws.
 */
function neighboursOf(graph: GraphService, id: string): Details['neighbours'] {
  const g = graph.index();
  const o = g.index.get(id);
  if (o === undefined) return [];
  return [...new TieWalker(g, {}).ties(o)]
    .map(([m, t]) => ({ id: g.ids[m]!, name: g.name[m]!, weight: t.partnerships + t.events + t.relations, ...t }))
    .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));
}
