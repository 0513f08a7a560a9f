// The `graph.metrics` call: the organisation view of the filtered slice (or of an ego network),
// turned into indices and measured.
import type { CallInput } from '../../../../shared/contract';
import type { Filters, Metrics, Slice } from '../../../../shared/schemas';
import { egoNetwork } from '../ego';
import type { GraphService } from '../service';
import { computeMetrics } from './index';

export function sliceMetrics(graph: GraphService, input: CallInput<'graph.metrics'>): Metrics {
  const t = performance.now();
  const filters = (input.filters ?? {}) as Filters;
  const slice: Slice = input.ego
    ? egoNetwork(graph, input.ego.organisationId, input.ego.depth, filters, 'organisations')
    : graph.slice(filters, 'organisations');
  const ids = slice.nodes.map((node) => node.id);
  const at = new Map<string, number>();
  ids.forEach((id, i) => at.set(id, i));
  const edges = slice.edges.map((e) => ({ source: at.get(e.source)!, target: at.get(e.target)!, weight: e.weight }));
  const opts = {
    ...(input.exactUpTo !== undefined ? { exactUpTo: input.exactUpTo } : {}),
    ...(input.seed !== undefined ? { seed: input.seed } : {}),
  };
  return { ...computeMetrics(ids, edges, opts), millis: performance.now() - t };
}
