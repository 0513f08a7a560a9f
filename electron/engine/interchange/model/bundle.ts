// A bundle is a piece of the network as Atlas records: what an export writes and what an
// import of an Atlas-made file (snapshot, per-record-type CSV or XLSX, or a GEXF/GraphML/Cytoscape
// file that this app exported) reads back. IDs are kept, so repeated exchanges between laptops
// converge instead of duplicating.
import type {
  Citation,
  Event,
  Membership,
  Organisation,
  Participation,
  Partnership,
  Relation,
  SavedView,
  Source,
} from '../../../../shared/schemas';
import { TABLES, type TableDef } from '../../store/tables';
import { isDirectedRelation } from './direction';

export interface Bundle {
  organisations: Organisation[];
  partnerships: Partnership[];
  memberships: Membership[];
  events: Event[];
  participations: Participation[];
  relations: Relation[];
  sources: Source[];
  citations: Citation[];
  savedViews: SavedView[];
}

export function emptyBundle(): Bundle {
  return {
    organisations: [],
    partnerships: [],
    memberships: [],
    events: [],
    participations: [],
    relations: [],
    sources: [],
    citations: [],
    savedViews: [],
  };
}

/**
 * How Atlas-typed records are written into generic graph formats (GEXF, GraphML, Cytoscape JSON),
 * so other tools see a graph and this app can read its records back: every node and edge carries
 * `atlas_type`, and every record field is an attribute under its own name (JSON-encoded when it is
 * a list or an object, under the same name).
 */
export const ATLAS_TYPE = 'atlas_type';

/**
 * Each part with its table, in an order that satisfies references (sources first, saved views
 * last): how a snapshot is written and read, and how an import of records plans and writes them.
 */
export const BUNDLE_TABLES: [keyof Bundle, TableDef][] = [
  ['sources', TABLES.source],
  ['organisations', TABLES.organisation],
  ['partnerships', TABLES.partnership],
  ['events', TABLES.event],
  ['memberships', TABLES.membership],
  ['participations', TABLES.participation],
  ['relations', TABLES.relation],
  ['citations', TABLES.citation],
  ['savedViews', TABLES.saved_view],
];

// ---------- reading a bundle part by part ----------

// What every writer reads: a scoped export has its records in memory as a Bundle; a whole-network
// export reads them from the tables as it writes (export/reader.ts).
export type Part = keyof Bundle;
export type RecordOf<K extends Part> = Bundle[K][number];
export type Dates = { startDate?: unknown; endDate?: unknown };

export interface BundleReader {
  count(part: Part): number;
  /** Ordered by id. Iterated synchronously to the end or broken off: a table reader holds a statement open. */
  records<K extends Part>(part: K): Iterable<RecordOf<K>>;
  /** Only the dates, for a writer that must know whether anything is dated before it writes. */
  dates(part: Part): Iterable<Dates>;
  /** How many relations go one way (model/atlas-graph.ts, isDirectedRelation): the graph formats' default direction. */
  directedRelations(): number;
}

export function bundleReader(bundle: Bundle): BundleReader {
  return {
    count: (part) => bundle[part].length,
    records: (part) => bundle[part],
    dates: (part) => bundle[part] as Dates[],
    directedRelations: () => bundle.relations.filter((r) => isDirectedRelation(r)).length,
  };
}
