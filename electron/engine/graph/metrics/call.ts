// The `graph.metrics` call: the organisation view of the filtered slice (or of an ego network),
// turned into indices and measured, its ties weighed by their count or by a relation attribute.
import { numberOf } from '../../../../shared/attributes';
import type { CallInput } from '../../../../shared/contract';
import { AtlasError } from '../../../../shared/errors';
import type { Filters, GraphEdge, Metrics, Slice } from '../../../../shared/schemas';
import { egoNetwork } from '../ego';
import { relationTest } from '../filters';
import type { GraphIndex } from '../index';
import type { GraphService } from '../service';
import { computeMetrics } from './index';

/**
 * Each tie's weight by a relation attribute: the attribute summed over the tie's direct relations
 * that the filters keep, plus 1 for each partnership, event and relation without a number there
 * (so a network whose ties are all weighted relations, as files from other tools bring, is weighed
 * by exactly the file's weights). Returns the weights and how many relations had a value.
 */
function attributeWeights(
  g: GraphIndex,
  edges: readonly GraphEdge[],
  filters: Filters,
  name: string,
): { weights: number[]; relations: number } {
  const column = g.attributes!.column('relation', name);
  const passes = relationTest(g, filters);
  let withValue = 0;
  const weights = edges.map((e) => {
    const a = g.index.get(e.source)!;
    const b = g.index.get(e.target)!;
    let w = e.partnerships + e.events;
    for (const k of g.orgRelations[a]!) {
      const r = g.relations[k]!;
      if ((r.source === a ? r.target : r.source) !== b || !passes(r)) continue;
      const v = numberOf(column.get(r.id));
      if (v === null) w += 1;
      else {
        if (v < 0) throw new AtlasError('validation', `Relation ${r.id} has ${name} = ${v}; weights cannot be negative`, 'weight');
        w += v;
        withValue++;
      }
    }
    return w;
  });
  return { weights, relations: withValue };
}

/**
 * `tick` is told how many of the shortest-path searches are done (the long part at scale) and may
 * throw to cancel.
 */
export function sliceMetrics(graph: GraphService, input: CallInput<'graph.metrics'>, tick?: (done: number, total: number) => void): Metrics {
  const t = performance.now();
  const filters = (input.filters ?? {}) as Filters;
  const slice: Slice = input.ego
    ? egoNetwork(graph, input.ego.organisationId, input.ego.depth, filters, 'organisations')
    : graph.slice(filters, 'organisations');
  const ids = slice.nodes.map((node) => node.id);
  const at = new Map<string, number>();
  ids.forEach((id, i) => at.set(id, i));
  const byAttribute = input.weight !== undefined ? attributeWeights(graph.index(), slice.edges, filters, input.weight) : null;
  const edges = slice.edges.map((e, k) => ({
    source: at.get(e.source)!,
    target: at.get(e.target)!,
    weight: byAttribute ? byAttribute.weights[k]! : e.weight,
  }));
  const opts = {
    ...(input.exactUpTo !== undefined ? { exactUpTo: input.exactUpTo } : {}),
    ...(input.seed !== undefined ? { seed: input.seed } : {}),
    // A weight the person chose is a tie's strength: paths run over 1 / weight (centrality.ts).
    weightedPaths: byAttribute !== null,
    ...(tick ? { tick } : {}),
  };
  const weight = {
    attribute: input.weight ?? null,
    relations: byAttribute?.relations ?? 0,
    paths: byAttribute ? ('inverse' as const) : ('steps' as const),
  };
  return { ...computeMetrics(ids, edges, opts), weight, millis: performance.now() - t };
}
