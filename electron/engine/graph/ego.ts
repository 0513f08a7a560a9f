// The ego network: the organisations within 1 to 3 ties of one organisation, under the same
// filters as any slice, found by breadth-first search over the tie walk (walk.ts), then drawn as
// a slice restricted to what was reached.
import type { GraphView } from '../../../shared/domain';
import { AtlasError } from '../../../shared/errors';
import type { Filters, Slice } from '../../../shared/schemas';
import type { GraphService } from './service';
import { TieWalker } from './walk';

export function egoNetwork(graph: GraphService, centreId: string, depth: number, filters: Filters, view: GraphView): Slice {
  const g = graph.index();
  const centre = g.index.get(centreId);
  if (centre === undefined) throw new AtlasError('not_found', `No organisation has ID '${centreId}'`, 'organisationId');
  const walker = new TieWalker(g, filters);
  const reached = new Set<number>([centre]);
  let frontier = [centre];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const o of frontier) {
      for (const m of walker.neighbours(o)) {
        if (!reached.has(m)) {
          reached.add(m);
          next.push(m);
        }
      }
    }
    frontier = next;
  }
  return graph.slice(filters, view, { restrictTo: reached, alwaysKeep: centre });
}
