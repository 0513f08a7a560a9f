// Network metrics of one slice, computed in the engine's worker: degree, weighted degree,
// betweenness, closeness, PageRank, Louvain communities, components and brokers.
import type { Metrics, NodeMetrics } from '../../../../shared/schemas';
import { brokers } from './brokers';
import { centrality, lengthsOf } from './centrality';
import { communities } from './communities';
import { components } from './components';
import { buildCsr, degrees, type WeightedEdge } from './csr';
import { pagerank } from './pagerank';
import { seededRandom } from './rng';
import { samplingError } from './sampling-error';

export type { WeightedEdge } from './csr';

const DEFAULT_EXACT_UP_TO = 5000;
const DEFAULT_SEED = 1;

export interface MetricsOptions {
  exactUpTo?: number;
  /** Pivots for sampled betweenness and closeness; by default chosen from a work budget (centrality.ts). */
  samples?: number;
  seed?: number;
  /**
   * Shortest paths (betweenness, closeness) over tie lengths 1 / weight, the weight read as a
   * strength, instead of counting steps.
   */
  weightedPaths?: boolean;
  /** Told as the path searches go (done of total sources); may throw to cancel. */
  tick?: (done: number, total: number) => void;
}

export type MetricsResult = Omit<Metrics, 'millis' | 'weight'>;
export type MetricsTimings = Record<'graph' | 'components' | 'centrality' | 'pagerank' | 'communities' | 'brokers' | 'output', number>;

export function computeMetrics(nodeIds: readonly string[], edges: readonly WeightedEdge[], opts: MetricsOptions = {}): MetricsResult {
  return computeMetricsTimed(nodeIds, edges, opts).metrics;
}

/** The same, with the milliseconds spent on each step (for the benchmark). */
export function computeMetricsTimed(
  nodeIds: readonly string[],
  edges: readonly WeightedEdge[],
  opts: MetricsOptions = {},
): { metrics: MetricsResult; timings: MetricsTimings } {
  const seed = opts.seed ?? DEFAULT_SEED;
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = now - t;
    t = now;
    return ms;
  };
  const n = nodeIds.length;
  const g = buildCsr(n, edges);
  const { degree, weighted } = degrees(g);
  const graph = lap();
  const comps = components(g);
  const componentsMs = lap();
  const exact = n <= (opts.exactUpTo ?? DEFAULT_EXACT_UP_TO);
  // Separate streams, so changing one step never changes another's draw.
  const c = centrality(g, comps, {
    exact,
    ...(opts.samples !== undefined ? { samples: opts.samples } : {}),
    random: seededRandom(seed),
    lengths: opts.weightedPaths ? lengthsOf(g) : null,
    ...(opts.tick ? { tick: opts.tick } : {}),
  });
  const centralityMs = lap();
  const pr = pagerank(g);
  const pagerankMs = lap();
  const comm = communities(g, seededRandom(seed ^ 0x5bd1e995));
  const communitiesMs = lap();
  const brokerList = brokers(g, c.betweenness);
  const brokersMs = lap();
  const nodes: NodeMetrics[] = new Array(n);
  for (let v = 0; v < n; v++) {
    nodes[v] = {
      id: nodeIds[v]!,
      degree: degree[v]!,
      weightedDegree: weighted[v]!,
      betweenness: c.betweenness[v]!,
      closeness: c.closeness[v]!,
      pagerank: pr[v]!,
      community: comm.of[v]!,
      component: comps.of[v]!,
    };
  }
  const metrics: MetricsResult = {
    nodes,
    estimated: c.estimated,
    samples: c.estimated ? c.sources : null,
    sampling: c.pivots ? { pivots: c.pivots.k, of: c.pivots.of, error: samplingError(c.pivots.k, opts.weightedPaths ?? false) } : null,
    communities: comm.count,
    modularity: comm.modularity,
    components: comps.count,
    largestComponent: comps.count > 0 ? comps.sizes[0]! : 0,
    brokers: brokerList.map((b) => nodeIds[b.node]!),
    brokerJoins: brokerList.map((b) => b.joins),
  };
  const output = lap();
  return {
    metrics,
    timings: {
      graph,
      components: componentsMs,
      centrality: centralityMs,
      pagerank: pagerankMs,
      communities: communitiesMs,
      brokers: brokersMs,
      output,
    },
  };
}
