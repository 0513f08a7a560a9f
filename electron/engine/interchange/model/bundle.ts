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

export const BUNDLE_PARTS = [
  'organisations',
  'partnerships',
  'memberships',
  'events',
  'participations',
  'relations',
  'sources',
  'citations',
  'savedViews',
] as const satisfies readonly (keyof Bundle)[];

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
