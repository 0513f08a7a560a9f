// The `graph.metrics` call: the organisation view of the filtered slice (or of an ego network),
// turned into indices and measured, its ties weighed by their count or by a relation attribute.
// The filtered slice is read from the selection itself (organisations kept, tie slots), not from
// a drawn slice: at 50,000 organisations and 400,000 ties, the slice's node and edge objects cost
// more than every metric but betweenness.
import { numberOf } from '../../../../shared/attributes';
import type { CallInput } from '../../../../shared/contract';
import { AtlasError } from '../../../../shared/errors';
import type { Filters, Metrics } from '../../../../shared/schemas';
import { egoNetwork } from '../ego';
import { relationTest } from '../filters';
import type { GraphIndex } from '../index';
import type { GraphService } from '../service';
import { computeMetrics, type WeightedEdge } from './index';

/** The slice as index pairs: organisations (index positions) and ties with what they share. */
interface Pairs {
  orgs: Int32Array;
  a: Int32Array;
  b: Int32Array;
  /** Shared partnerships plus events, and the tie's weight by count. */
  connectors: Int32Array;
  count: Float64Array;
}

function selectionPairs(graph: GraphService, filters: Filters): Pairs {
  const g = graph.index();
  const sel = graph.select(g, filters);
  const orgs = new Int32Array(sel.organisations);
  let k = 0;
  for (let i = 0; i < sel.keep.length; i++) if (sel.keep[i]) orgs[k++] = i;
  const { ties, live } = sel;
  const m = live.length;
  const out: Pairs = { orgs, a: new Int32Array(m), b: new Int32Array(m), connectors: new Int32Array(m), count: new Float64Array(m) };
  for (let j = 0; j < m; j++) {
    const s = live[j]!;
    out.a[j] = ties.a[s]!;
    out.b[j] = ties.b[s]!;
    out.connectors[j] = ties.partnerships[s]! + ties.events[s]!;
    out.count[j] = ties.weight(s);
  }
  return out;
}

function egoPairs(graph: GraphService, input: NonNullable<CallInput<'graph.metrics'>['ego']>, filters: Filters): Pairs {
  const g = graph.index();
  const slice = egoNetwork(graph, input.organisationId, input.depth, filters, 'organisations');
  const at = (id: string) => g.index.get(id)!;
  return {
    orgs: Int32Array.from(slice.nodes, (n) => at(n.id)),
    a: Int32Array.from(slice.edges, (e) => at(e.source)),
    b: Int32Array.from(slice.edges, (e) => at(e.target)),
    connectors: Int32Array.from(slice.edges, (e) => e.partnerships + e.events),
    count: Float64Array.from(slice.edges, (e) => e.weight),
  };
}

/**
 * Each tie's weight by a relation attribute: the attribute summed over the tie's direct relations
 * that the filters keep, plus 1 for each partnership, event and relation without a number there
 * (so a network whose ties are all weighted relations, as files from other tools bring, is weighed
 * by exactly the file's weights). Returns the weights and how many relations had a value.
 */
function attributeWeights(g: GraphIndex, p: Pairs, filters: Filters, name: string): { weights: Float64Array; relations: number } {
  const column = g.attributes!.column('relation', name);
  const passes = relationTest(g, filters);
  let withValue = 0;
  const weights = new Float64Array(p.a.length);
  for (let j = 0; j < weights.length; j++) {
    const a = p.a[j]!;
    const b = p.b[j]!;
    let w = p.connectors[j]!;
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
    weights[j] = w;
  }
  return { weights, relations: withValue };
}

/**
 * `tick` is told how many of the shortest-path searches are done (the long part at scale) and may
 * throw to cancel.
 */
export function sliceMetrics(
  graph: GraphService,
  input: CallInput<'graph.metrics'>,
  tick?: (done: number, total: number) => void,
): Metrics {
  const t = performance.now();
  const filters = (input.filters ?? {}) as Filters;
  const g = graph.index();
  const p = input.ego ? egoPairs(graph, input.ego, filters) : selectionPairs(graph, filters);
  const local = new Int32Array(g.ids.length);
  const ids: string[] = new Array(p.orgs.length);
  for (let i = 0; i < p.orgs.length; i++) {
    local[p.orgs[i]!] = i;
    ids[i] = g.ids[p.orgs[i]!]!;
  }
  const byAttribute = input.weight !== undefined ? attributeWeights(g, p, filters, input.weight) : null;
  const weights = byAttribute ? byAttribute.weights : p.count;
  const edges: WeightedEdge[] = new Array(p.a.length);
  for (let j = 0; j < edges.length; j++) edges[j] = { source: local[p.a[j]!]!, target: local[p.b[j]!]!, weight: weights[j]! };
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
