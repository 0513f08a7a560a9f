// Which relations go one way, for the formats that say so per edge (GEXF, GraphML). Its own module
// because both the bundle reader and the graph encoding need it.

/** Whether a relation goes one way: collaborations do not, nor relations a file brought as undirected edges. */
export function isDirectedRelation(record: { type?: unknown; attributes?: unknown }): boolean {
  if (record.type === 'collaborates_with') return false;
  const attrs = record.attributes as Record<string, unknown> | undefined;
  return !(attrs && attrs.directed === false);
}

/** The same in SQL, over a relation row. */
export const DIRECTED_RELATION_SQL = `type <> 'collaborates_with' AND coalesce(json_extract(attributes, '$.directed'), 1) <> 0`;
