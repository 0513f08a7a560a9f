// The ego network: the organisations within 1 to 3 ties of one organisation, under the same
// filters as any slice, found by breadth-first search over the in-memory index, then drawn by the
// slice builder restricted to what was reached.
import type { GraphView } from '../../../shared/domain';
import { AtlasError } from '../../../shared/errors';
import type { Filters, Slice } from '../../../shared/schemas';
import { connectorTest, organisationTest, relationTest } from './filters';
import type { SliceBuilder } from './slice';

export function egoNetwork(slices: SliceBuilder, centreId: string, depth: number, filters: Filters, view: GraphView): Slice {
  const g = slices.cache.get();
  const centre = g.index.get(centreId);
  if (centre === undefined) throw new AtlasError('not_found', `No organisation has ID '${centreId}'`, 'organisationId');
  const orgOk = organisationTest(g, filters);
  const connOk = connectorTest(filters);
  const relOk = relationTest(filters);
  const connPasses = new Map<number, boolean>();
  const reached = new Set<number>([centre]);
  let frontier = [centre];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: number[] = [];
    const visit = (o: number) => {
      if (!reached.has(o) && (!orgOk || orgOk(o))) {
        reached.add(o);
        next.push(o);
      }
    };
    for (const o of frontier) {
      for (const k of g.orgConnectors[o]!) {
        let ok = connPasses.get(k);
        if (ok === undefined) connPasses.set(k, (ok = connOk(g.connectors[k]!)));
        if (ok) for (const m of g.connectors[k]!.orgs) visit(m);
      }
      for (const k of g.orgRelations[o]!) {
        const r = g.relations[k]!;
        if (relOk(r)) visit(r.source === o ? r.target : r.source);
      }
    }
    frontier = next;
  }
  return slices.slice(filters, view, { restrictTo: reached, alwaysKeep: centre });
}
