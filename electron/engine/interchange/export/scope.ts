// Which part of the network an export holds: the whole network, a filtered view, a selection of
// organisations, an ego network, or a saved view, as complete records together with the sources
// and citations behind them. The whole network is read table by table as it is written; a part
// of it is gathered into a Bundle first.
import type { Database } from 'better-sqlite3';
import { AtlasError } from '../../../../shared/errors';
import type { ExportScope } from '../../../../shared/schemas';
import { egoNetwork } from '../../graph/ego';
import type { GraphService } from '../../graph/service';
import { fromRow, TABLES, type TableDef } from '../../store/tables';
import { bundleReader, emptyBundle, type BundleReader } from '../model/bundle';
import { tableReader } from './reader';

const byIds = (db: Database, def: TableDef, ids: Iterable<string>) =>
  (
    db
      .prepare(`SELECT * FROM ${def.table} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
      .all(JSON.stringify([...ids])) as Record<string, unknown>[]
  ).map((r) => fromRow(def, r));
export interface ScopedRecords {
  reader: BundleReader;
  /** Every record of the database, so a copy may be made table by table. */
  whole: boolean;
  /**
   * Ties among the organisations exported, as the window's header counts them: pairs of
   * organisations that share a partnership or event kept by the scope, or have a direct relation.
   */
  ties: number;
}

export function recordsFor(db: Database, graph: GraphService, scope: ExportScope): ScopedRecords {
  const bundle = emptyBundle();
  let filters = scope.filters ?? {};
  if (scope.savedViewId) {
    const view = db.prepare('SELECT * FROM saved_view WHERE id = ?').get(scope.savedViewId) as Record<string, unknown> | undefined;
    if (!view) throw new AtlasError('not_found', `No saved view has ID '${scope.savedViewId}'`, 'scope.savedViewId');
    const rec = fromRow(TABLES.saved_view, view);
    bundle.savedViews = [rec as never];
    filters = rec.filters as typeof filters;
  }
  const whole = !scope.ego && !scope.organisationIds && Object.keys(filters).length === 0;
  if (whole) return { reader: tableReader(db), whole: true, ties: graph.totalTies() };

  const slice = scope.ego ? egoNetwork(graph, scope.ego.organisationId, scope.ego.depth, filters, 'full') : graph.slice(filters, 'full');
  const selection = scope.organisationIds ? new Set(scope.organisationIds) : null;
  const orgs = new Set(slice.nodes.filter((n) => n.type === 'organisation' && (!selection || selection.has(n.id))).map((n) => n.id));
  const tieSlice = scope.ego
    ? egoNetwork(graph, scope.ego.organisationId, scope.ego.depth, filters, 'organisations')
    : graph.slice(filters, 'organisations');
  let ties = 0;
  for (const e of tieSlice.edges) if (orgs.has(e.source) && orgs.has(e.target)) ties++;
  // Links come from the slice's own edges, so a connector filter (kind, dates) shapes the export too.
  const memberships: string[] = [];
  const participations: string[] = [];
  const partnerships = new Set<string>();
  const events = new Set<string>();
  const relations: string[] = [];
  for (const e of slice.edges) {
    if (!orgs.has(e.source)) continue;
    if (e.type === 'membership') partnerships.add(e.target);
    else if (e.type === 'participation') events.add(e.target);
    else if (e.type === 'relation' && orgs.has(e.target)) relations.push(e.id.slice(2));
  }
  const json = JSON.stringify;
  memberships.push(
    ...(db
      .prepare(
        `SELECT id FROM membership WHERE partnership_id IN (SELECT value FROM json_each(?)) AND organisation_id IN (SELECT value FROM json_each(?))`,
      )
      .pluck()
      .all(json([...partnerships]), json([...orgs])) as string[]),
  );
  participations.push(
    ...(db
      .prepare(
        `SELECT id FROM participation WHERE event_id IN (SELECT value FROM json_each(?)) AND organisation_id IN (SELECT value FROM json_each(?))`,
      )
      .pluck()
      .all(json([...events]), json([...orgs])) as string[]),
  );
  bundle.organisations = byIds(db, TABLES.organisation, orgs) as never;
  bundle.partnerships = byIds(db, TABLES.partnership, partnerships) as never;
  bundle.events = byIds(db, TABLES.event, events) as never;
  bundle.memberships = byIds(db, TABLES.membership, memberships) as never;
  bundle.participations = byIds(db, TABLES.participation, participations) as never;
  bundle.relations = byIds(db, TABLES.relation, relations) as never;

  const cited = [
    ...[...orgs].map((id) => ['organisation', id]),
    ...[...partnerships].map((id) => ['partnership', id]),
    ...[...events].map((id) => ['event', id]),
    ...memberships.map((id) => ['membership', id]),
    ...participations.map((id) => ['participation', id]),
    ...relations.map((id) => ['relation', id]),
  ];
  bundle.citations = (
    db
      .prepare(`SELECT * FROM citation WHERE (record_type, record_id) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?)) ORDER BY id`)
      .all(json(cited)) as Record<string, unknown>[]
  ).map((r) => fromRow(TABLES.citation, r)) as never;
  bundle.sources = byIds(db, TABLES.source, new Set(bundle.citations.map((c) => c.sourceId))) as never;
  return { reader: bundleReader(bundle), whole: false, ties };
}
