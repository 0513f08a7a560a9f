// Network metrics (electron/engine/graph/metrics) against published networkx values for Zachary's
// karate club, small graphs worked out by hand, graphology-metrics on a random graph, and the
// six-organisation fixture through the real engine:
//   ties: A-B (weight 2), A-C, A-E, B-C, C-D, D-E; F isolated.
import { UndirectedGraph } from 'graphology';
import { erdosRenyi } from 'graphology-generators/random';
import { karateClub } from 'graphology-generators/social';
import graphologyBetweenness from 'graphology-metrics/centrality/betweenness';
import graphologyCloseness from 'graphology-metrics/centrality/closeness';
import graphologyPagerank from 'graphology-metrics/centrality/pagerank';
import louvain from 'graphology-communities-louvain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import { computeMetrics, type MetricsOptions, type MetricsResult, type WeightedEdge } from '../../electron/engine/graph/metrics/index';
import { seededRandom } from '../../electron/engine/graph/metrics/rng';
import { samplingError } from '../../electron/engine/graph/metrics/sampling-error';
import { samplingErrors, spearman } from '../bench/sampling-error';
import type { Metrics } from '../../shared/schemas';
import { buildFixture, openEngine, tempDir } from './helpers';

const names = (n: number) => Array.from({ length: n }, (_, i) => String(i));
const pairs = (list: [number, number][], weight = 1): WeightedEdge[] => list.map(([source, target]) => ({ source, target, weight }));
const run = (n: number, edges: WeightedEdge[], opts: MetricsOptions = {}) => computeMetrics(names(n), edges, opts);
const col = (m: MetricsResult, key: 'betweenness' | 'closeness' | 'pagerank' | 'degree' | 'weightedDegree' | 'component' | 'community') =>
  m.nodes.map((x) => x[key]);
const closeTo = (actual: number[], expected: number[], digits = 8) => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(a, `index ${i}`).toBeCloseTo(expected[i]!, digits));
};

function fromGraphology(g: UndirectedGraph): { n: number; edges: WeightedEdge[] } {
  const index = new Map(g.nodes().map((k, i) => [k, i]));
  const edges: WeightedEdge[] = [];
  g.forEachEdge((_e, attr, s, t) => edges.push({ source: index.get(s)!, target: index.get(t)!, weight: (attr.weight as number) ?? 1 }));
  return { n: g.order, edges };
}

const top = (xs: number[], k: number) =>
  new Set(
    xs
      .map((x, i) => [x, i] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, k)
      .map(([, i]) => i),
  );

describe("Zachary's karate club (published networkx values)", () => {
  const { n, edges } = fromGraphology(karateClub(UndirectedGraph));
  const m = run(n, edges, { seed: 7 });

  it('has 34 members and 78 ties in one component', () => {
    expect(n).toBe(34);
    expect(edges).toHaveLength(78);
    expect(m.components).toBe(1);
    expect(m.largestComponent).toBe(34);
    expect(m.estimated).toBe(false);
    expect(m.samples).toBeNull();
    expect(m.nodes[0]!.degree).toBe(16);
    expect(m.nodes[33]!.degree).toBe(17);
  });

  it('betweenness', () => {
    expect(m.nodes[0]!.betweenness).toBeCloseTo(0.43763528, 7);
    expect(m.nodes[33]!.betweenness).toBeCloseTo(0.30407497, 7);
    expect(m.nodes[32]!.betweenness).toBeCloseTo(0.14524711, 7);
  });

  it('closeness', () => {
    expect(m.nodes[0]!.closeness).toBeCloseTo(0.56896552, 7);
    expect(m.nodes[33]!.closeness).toBeCloseTo(0.55, 7);
  });

  it('pagerank', () => {
    expect(m.nodes[33]!.pagerank).toBeCloseTo(0.10091791, 6);
    expect(m.nodes[0]!.pagerank).toBeCloseTo(0.09700182, 6);
    expect(col(m, 'pagerank').reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
  });

  it('Louvain communities', () => {
    expect(m.modularity).toBeGreaterThan(0.4);
    expect(m.modularity).toBeLessThan(0.43);
    expect(m.communities).toBeGreaterThanOrEqual(3);
    expect(m.communities).toBeLessThanOrEqual(5);
    const used = new Set(col(m, 'community'));
    expect([...used].sort((a, b) => a - b)).toEqual(Array.from({ length: m.communities }, (_, i) => i));
    // The two leaders end up apart, as the club split.
    expect(m.nodes[0]!.community).not.toBe(m.nodes[33]!.community);
  });
});

describe('small graphs worked out by hand', () => {
  it('a path of five nodes', () => {
    const m = run(
      5,
      pairs([
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 4],
      ]),
    );
    // Pairs through 1: (0,2) (0,3) (0,4); through 2: (0,3) (0,4) (1,3) (1,4); out of 6 pairs.
    closeTo(col(m, 'betweenness'), [0, 3 / 6, 4 / 6, 3 / 6, 0]);
    // Distance sums 10, 7, 6, 7, 10 to the 4 others.
    closeTo(col(m, 'closeness'), [4 / 10, 4 / 7, 4 / 6, 4 / 7, 4 / 10]);
    expect(col(m, 'degree')).toEqual([1, 2, 2, 2, 1]);
    expect(m.components).toBe(1);
  });

  it('a star: the centre lies on every path', () => {
    const m = run(
      5,
      pairs([
        [0, 1],
        [0, 2],
        [0, 3],
        [0, 4],
      ]),
    );
    closeTo(col(m, 'betweenness'), [1, 0, 0, 0, 0]);
    closeTo(col(m, 'closeness'), [1, 4 / 7, 4 / 7, 4 / 7, 4 / 7]);
    // PageRank: every leaf gives all its rank to the centre, so c = 0.15/5 + 0.85 (1 − c).
    expect(m.nodes[0]!.pagerank).toBeCloseTo(0.88 / 1.85, 5);
    expect(m.nodes[0]!.pagerank + 4 * m.nodes[1]!.pagerank).toBeCloseTo(1, 9);
  });

  it('two disconnected triangles: components, and closeness scaled by the reachable share', () => {
    const m = run(
      6,
      pairs([
        [0, 1],
        [1, 2],
        [2, 0],
        [3, 4],
        [4, 5],
        [5, 3],
      ]),
    );
    expect(m.components).toBe(2);
    expect(m.largestComponent).toBe(3);
    expect(col(m, 'component')).toEqual([0, 0, 0, 1, 1, 1]);
    // Two reachable at distance 1 each: (2/2) × (2/5).
    closeTo(col(m, 'closeness'), [0.4, 0.4, 0.4, 0.4, 0.4, 0.4]);
    closeTo(col(m, 'betweenness'), [0, 0, 0, 0, 0, 0]);
    expect(m.communities).toBe(2);
    // Two equal halves: modularity 2 × (3/6 − (6/12)²) = 0.5.
    expect(m.modularity).toBeCloseTo(0.5, 9);
  });

  it('components are numbered by size, largest first; isolated nodes have closeness 0', () => {
    const m = run(
      6,
      pairs([
        [0, 1],
        [3, 4],
        [4, 5],
        [5, 3],
      ]),
    );
    expect(col(m, 'component')).toEqual([1, 1, 2, 0, 0, 0]);
    expect(m.components).toBe(3);
    expect(m.largestComponent).toBe(3);
    expect(m.nodes[2]!.closeness).toBe(0);
    expect(m.nodes[2]!.degree).toBe(0);
    expect(m.nodes[2]!.pagerank).toBeGreaterThan(0);
  });

  it('weighted degree and weighted PageRank', () => {
    // 0 -2- 1 -1- 2: walks leave 1 for 0 two times in three.
    const m = run(3, [
      { source: 0, target: 1, weight: 2 },
      { source: 1, target: 2, weight: 1 },
    ]);
    expect(col(m, 'degree')).toEqual([1, 2, 1]);
    expect(col(m, 'weightedDegree')).toEqual([2, 3, 1]);
    // x1 = 0.05 + 0.85 (x0 + x2), x0 = 0.05 + 0.85·(2/3)·x1, x2 = 0.05 + 0.85·(1/3)·x1.
    const x1 = 0.135 / 0.2775;
    closeTo(col(m, 'pagerank'), [0.05 + (0.85 * 2 * x1) / 3, x1, 0.05 + (0.85 * x1) / 3], 5);
  });

  it('merges repeated edges (weights summed) and ignores self-loops', () => {
    const m = run(3, [
      { source: 0, target: 1, weight: 1 },
      { source: 1, target: 0, weight: 2 },
      { source: 2, target: 2, weight: 5 },
    ]);
    expect(col(m, 'degree')).toEqual([1, 1, 0]);
    expect(col(m, 'weightedDegree')).toEqual([3, 3, 0]);
  });

  it('an empty graph and a single node', () => {
    expect(run(0, [])).toMatchObject({ nodes: [], components: 0, largestComponent: 0, communities: 0, modularity: 0, brokers: [] });
    const one = run(1, []);
    expect(one.nodes[0]).toMatchObject({ degree: 0, betweenness: 0, closeness: 0, pagerank: 1, component: 0, community: 0 });
  });
});

describe('weighted shortest paths against networkx (lengths 1 / weight)', () => {
  // test/fixtures/networkx/weighted-paths.py, graph 2: weights that are powers of two, so that
  // some pairs have two shortest paths of exactly equal length; node 8 isolated.
  const edges: WeightedEdge[] = (
    [
      [0, 1, 2],
      [1, 2, 2],
      [0, 3, 1],
      [3, 2, 4],
      [2, 4, 1],
      [4, 5, 4],
      [5, 6, 4],
      [2, 6, 1],
      [1, 7, 0.5],
      [7, 6, 0.5],
    ] as const
  ).map(([source, target, weight]) => ({ source, target, weight }));
  const NETWORKX: [number, number][] = [
    [0.0, 0.5444444444],
    [0.25, 0.7205882353],
    [0.3928571429, 0.8166666667],
    [0.0, 0.7],
    [0.0714285714, 0.6805555556],
    [0.0714285714, 0.6447368421],
    [0.1428571429, 0.7205882353],
    [0.0, 0.3712121212],
    [0.0, 0.0],
  ];

  it('betweenness (Brandes over Dijkstra) and closeness match', () => {
    const m = run(9, edges, { weightedPaths: true });
    closeTo(
      col(m, 'betweenness'),
      NETWORKX.map(([b]) => b),
      9,
    );
    closeTo(
      col(m, 'closeness'),
      NETWORKX.map(([, c]) => c),
      9,
    );
  });

  it('sampled with every node as a pivot, gives the exact values', () => {
    const m = run(9, edges, { weightedPaths: true, exactUpTo: 0, samples: 9 });
    closeTo(
      col(m, 'betweenness'),
      NETWORKX.map(([b]) => b),
      9,
    );
  });

  it('a tie of weight 0 is no way through', () => {
    const m = run(
      3,
      [
        { source: 0, target: 1, weight: 1 },
        { source: 1, target: 2, weight: 0 },
      ],
      { weightedPaths: true },
    );
    expect(col(m, 'closeness')).toEqual([0.5, 0.5, 0]);
    expect(m.components).toBe(1);
  });
});

describe('against graphology-metrics on a random graph', () => {
  const g = erdosRenyi(UndirectedGraph, { order: 300, probability: 0.012, rng: seededRandom(11) });
  const r = seededRandom(12);
  g.forEachEdge((e) => g.setEdgeAttribute(e, 'weight', 1 + Math.floor(r() * 4)));
  const { n, edges } = fromGraphology(g);
  const m = run(n, edges);
  const keys = g.nodes();

  it('is disconnected, so closeness needs the reachable share', () => {
    expect(m.components).toBeGreaterThan(1);
  });

  it('betweenness (unweighted shortest paths) matches', () => {
    const ref = graphologyBetweenness(g, { getEdgeWeight: null });
    closeTo(
      col(m, 'betweenness'),
      keys.map((k) => ref[k]!),
      10,
    );
  });

  it('Wasserman–Faust closeness matches', () => {
    const ref = graphologyCloseness(g, { wassermanFaust: true });
    closeTo(
      col(m, 'closeness'),
      keys.map((k) => ref[k]!),
      10,
    );
  });

  it('weighted PageRank matches', () => {
    const ref = graphologyPagerank(g, { getEdgeWeight: 'weight' });
    closeTo(
      col(m, 'pagerank'),
      keys.map((k) => ref[k]!),
      6,
    );
  });
});

/** Preferential attachment, each newcomer tied to `m` organisations: a heavy tail like real networks. */
function attachment(n: number, m: number, seed: number): WeightedEdge[] {
  const r = seededRandom(seed);
  const ends: number[] = [];
  const edges: WeightedEdge[] = [];
  const tie = (a: number, b: number) => (edges.push({ source: a, target: b, weight: 1 }), ends.push(a, b));
  for (let v = 1; v <= m; v++) tie(0, v);
  for (let v = m + 1; v < n; v++) {
    const chosen = new Set<number>();
    while (chosen.size < m) chosen.add(ends[Math.floor(r() * ends.length)]!);
    for (const u of chosen) tie(v, u);
  }
  return edges;
}
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('sampled betweenness and closeness (1,000 nodes, 200 pivots)', () => {
  const sample = { exactUpTo: 500, samples: 200, seed: 3 };
  const pa = attachment(1000, 2, 5);
  const paExact = run(1000, pa);
  const paSampled = run(1000, pa, sample);
  // A flat random graph is the hard case: many nodes with nearly equal betweenness.
  const g = erdosRenyi(UndirectedGraph, { order: 1000, probability: 0.005, rng: seededRandom(21) });
  const { n, edges } = fromGraphology(g);
  const exact = run(n, edges);
  const sampled = run(n, edges, sample);

  it('is flagged as an estimate, with the number of sources', () => {
    expect(paExact).toMatchObject({ estimated: false, samples: null });
    expect(paSampled.estimated).toBe(true);
    expect(paSampled.samples).toBe(200);
    // Components under the pivot floor are measured from all their nodes, and counted.
    expect(sampled.estimated).toBe(true);
    expect(sampled.samples).toBeGreaterThan(200);
    expect(sampled.samples).toBeLessThan(n / 2);
  });

  it('ranks betweenness like the exact values', () => {
    for (const [a, b] of [
      [col(paExact, 'betweenness'), col(paSampled, 'betweenness')],
      [col(exact, 'betweenness'), col(sampled, 'betweenness')],
    ] as const) {
      expect(spearman(a, b)).toBeGreaterThan(0.8);
      // Unbiased: the totals agree closely.
      expect(sum(b) / sum(a)).toBeGreaterThan(0.9);
      expect(sum(b) / sum(a)).toBeLessThan(1.1);
    }
    const a = col(paExact, 'betweenness');
    const b = col(paSampled, 'betweenness');
    const overlap = [...top(a, 10)].filter((v) => top(b, 10).has(v)).length;
    expect(overlap).toBeGreaterThanOrEqual(6);
  });

  it('estimates closeness within a few per cent', () => {
    for (const [ex, sa] of [
      [paExact, paSampled],
      [exact, sampled],
    ] as const) {
      const a = col(ex, 'closeness');
      const b = col(sa, 'closeness');
      expect(spearman(a, b)).toBeGreaterThan(0.9);
      const worst = Math.max(...a.map((x, i) => (x > 0 ? Math.abs(b[i]! - x) / x : b[i]!)));
      expect(worst).toBeLessThan(0.1);
    }
  });

  it('leaves the exact metrics alone', () => {
    expect(col(sampled, 'pagerank')).toEqual(col(exact, 'pagerank'));
    expect(col(sampled, 'degree')).toEqual(col(exact, 'degree'));
    expect(col(sampled, 'component')).toEqual(col(exact, 'component'));
  });

  it('gives the same answer for the same seed, and another for another', () => {
    expect(run(1000, pa, sample)).toEqual(paSampled);
    expect(col(run(1000, pa, { ...sample, seed: 4 }), 'betweenness')).not.toEqual(col(paSampled, 'betweenness'));
  });

  it('Louvain is reproducible with a seed', () => {
    expect(run(n, edges, { seed: 9 })).toEqual(run(n, edges, { seed: 9 }));
  });
});

describe('Louvain over the compact graph, against graphology-communities-louvain', () => {
  // The same graphs through both: a flat random graph, a heavy-tailed one, and planted communities.
  const planted = (() => {
    const r = seededRandom(31);
    const out: WeightedEdge[] = [];
    for (let i = 0; i < 2000; i++) {
      for (let t = 0; t < 4; t++) {
        const same = r() < 0.8;
        const j = same ? Math.floor(i / 100) * 100 + Math.floor(r() * 100) : Math.floor(r() * 2000);
        if (j !== i) out.push({ source: i, target: j, weight: 1 + Math.floor(r() * 3) });
      }
    }
    return out;
  })();
  const cases: [string, number, WeightedEdge[]][] = [
    [
      'random, 2,000 nodes',
      2000,
      fromGraphology(erdosRenyi(UndirectedGraph, { order: 2000, probability: 0.003, rng: seededRandom(41) })).edges,
    ],
    ['preferential attachment, 3,000 nodes', 3000, attachment(3000, 3, 43)],
    ['20 planted communities of 100, weighted', 2000, planted],
  ];
  for (const [label, n, edges] of cases) {
    it(`${label}: modularity within 0.02 of graphology's`, () => {
      const g = new UndirectedGraph();
      for (let v = 0; v < n; v++) g.addNode(String(v));
      for (const e of edges) {
        if (e.source === e.target) continue;
        const key = g.edge(String(e.source), String(e.target));
        if (key) g.updateEdgeAttribute(key, 'weight', (w: number | undefined) => (w ?? 0) + e.weight);
        else g.addEdge(String(e.source), String(e.target), { weight: e.weight });
      }
      const theirs = louvain.detailed(g, { getEdgeWeight: 'weight', rng: seededRandom(5) }).modularity;
      const ours = run(n, edges, { seed: 5 }).modularity;
      expect(ours).toBeGreaterThan(theirs - 0.02);
      expect(ours).toBeLessThan(theirs + 0.05);
    });
  }
  it('finds planted communities', () => {
    const m = run(2000, planted, { seed: 5 });
    expect(m.communities).toBeGreaterThanOrEqual(18);
    expect(m.communities).toBeLessThanOrEqual(22);
    expect(m.modularity).toBeGreaterThan(0.6);
  });
});

describe('the error the Analysis panel states for a sampled estimate', () => {
  // A generated network the figures were not measured on (another seed), sampled with 32 pivots.
  let ids: string[] = [];
  let edges: WeightedEdge[] = [];
  beforeAll(() => {
    const t = tempDir();
    const engine = openEngine(`${t.dir}/generated.sqlite`);
    engine.generate({ organisations: 2000, seed: 99 });
    const slice = engine.graph.slice({}, 'organisations');
    engine.close();
    t.cleanup();
    const at = new Map(slice.nodes.map((node, i) => [node.id, i]));
    ids = slice.nodes.map((node) => node.id);
    edges = slice.edges.map((e) => ({ source: at.get(e.source)!, target: at.get(e.target)!, weight: e.weight }));
  });

  for (const weightedPaths of [false, true]) {
    it(`holds on another generated network (paths ${weightedPaths ? 'over 1 / weight' : 'in steps'})`, () => {
      const exact = computeMetrics(ids, edges, { weightedPaths, exactUpTo: ids.length });
      const stated = samplingError(32, weightedPaths)!;
      expect(stated.pivots).toBe(32);
      for (const seed of [1, 2, 3]) {
        const sampled = computeMetrics(ids, edges, {
          weightedPaths,
          exactUpTo: 0,
          samples: Math.round((32 * ids.length) / exact.largestComponent),
          seed,
        });
        // 32 or 33 pivots, by rounding: the panel states the row measured with 32.
        expect(sampled.sampling).toMatchObject({ of: exact.largestComponent, error: stated });
        expect(sampled.sampling!.pivots).toBeGreaterThanOrEqual(32);
        expect(sampled.sampling!.pivots).toBeLessThanOrEqual(33);
        const e = samplingErrors(exact, sampled);
        // The stated figures are the worst of five seeds on two networks; another network may be a little worse.
        expect(e.maxAbs).toBeLessThanOrEqual(stated.maxAbs * 1.5);
        expect(e.meanAbs).toBeLessThanOrEqual(stated.meanAbs * 1.5);
        expect(e.top20Kept).toBeGreaterThanOrEqual(stated.top20Kept - 3);
      }
    });
  }
});

describe('brokers', () => {
  // Two 5-cliques (0–4 and 5–9) joined only through node 10, tied to 0 and 5.
  const clique = (from: number) => {
    const out: [number, number][] = [];
    for (let i = from; i < from + 5; i++) for (let j = i + 1; j < from + 5; j++) out.push([i, j]);
    return out;
  };
  const edges = pairs([...clique(0), ...clique(5), [0, 10], [10, 5]]);

  it('names the organisations that alone join others to the rest, the one joining most first', () => {
    const m = run(11, edges);
    // Without 10 the two cliques fall apart (5 cut off); without 0 (or 5) its four clique-mates do.
    expect(m.brokers).toEqual(['10', '0', '5']);
    expect(m.brokerJoins).toEqual([5, 4, 4]);
    expect(m.nodes[10]!.betweenness).toBeCloseTo(25 / 45, 10);
    expect(m.nodes[0]!.betweenness).toBeCloseTo(24 / 45, 10);
  });

  it("a star's centre is its broker; a cycle has none, every organisation has another way in", () => {
    const star = run(
      5,
      pairs([
        [0, 1],
        [0, 2],
        [0, 3],
        [0, 4],
      ]),
    );
    expect(star.brokers).toEqual(['0']);
    expect(star.brokerJoins).toEqual([3]);
    const cycle = run(
      4,
      pairs([
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 0],
      ]),
    );
    expect(cycle.brokers).toEqual([]);
  });

  it('two organisations hanging on one in a path each count', () => {
    // 0 - 1 - 2 - 3 - 4: without 2 the path splits 2 and 2 (2 cut off); without 1 or 3, one end.
    const m = run(
      5,
      pairs([
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 4],
      ]),
    );
    expect(m.brokers).toEqual(['2', '1', '3']);
    expect(m.brokerJoins).toEqual([2, 1, 1]);
  });
});

describe('graph.metrics through the engine', () => {
  let engine: Engine;
  let cleanup: () => void;
  beforeAll(() => {
    const t = tempDir();
    cleanup = t.cleanup;
    engine = openEngine(`${t.dir}/fixture.sqlite`);
    buildFixture(engine);
  });
  afterAll(() => {
    engine.close();
    cleanup();
  });
  const byId = (m: Metrics) => new Map(m.nodes.map((x) => [x.id, x]));

  it('measures every organisation drawn, with the slice’s degrees', () => {
    const slice = engine.call('graph.slice', {});
    const m = engine.call('graph.metrics', {});
    expect(m.nodes.map((x) => x.id).sort()).toEqual(slice.nodes.map((x) => x.id).sort());
    const deg = new Map<string, number>();
    for (const e of slice.edges) for (const end of [e.source, e.target]) deg.set(end, (deg.get(end) ?? 0) + 1);
    for (const x of m.nodes) expect(x.degree, x.id).toBe(deg.get(x.id) ?? 0);
    const nodes = byId(m);
    expect(nodes.get('A')).toMatchObject({ degree: 3, weightedDegree: 4, component: 0 });
    expect(nodes.get('F')).toMatchObject({ degree: 0, weightedDegree: 0, closeness: 0, component: 1 });
    // A–D goes through C or E, B–D through C, B–E through A, C–E through A or D: 1.5 pairs for A
    // and C, 0.5 for D and E, out of 10.
    expect(nodes.get('A')!.betweenness).toBeCloseTo(0.15, 10);
    expect(nodes.get('C')!.betweenness).toBeCloseTo(0.15, 10);
    expect(nodes.get('D')!.betweenness).toBeCloseTo(0.05, 10);
    expect(nodes.get('B')!.betweenness).toBe(0);
    // A reaches 4 of 5 others in 1+1+1+2 = 5 steps: (4/5) × (4/5).
    expect(nodes.get('A')!.closeness).toBeCloseTo(0.64, 10);
    expect(m).toMatchObject({ components: 2, largestComponent: 5, estimated: false, samples: null });
    expect(m.millis).toBeGreaterThanOrEqual(0);
  });

  it('follows the filters', () => {
    const m = engine.call('graph.metrics', { filters: { regions: ['Africa'] } });
    expect(m.nodes.map((x) => [x.id, x.degree, x.weightedDegree])).toEqual([
      ['A', 1, 2],
      ['B', 1, 2],
    ]);
  });

  it('measures an ego network', () => {
    const m = engine.call('graph.metrics', { ego: { organisationId: 'A', depth: 1 } });
    const nodes = byId(m);
    expect([...nodes.keys()].sort()).toEqual(['A', 'B', 'C', 'E']);
    expect(nodes.get('A')!.degree).toBe(3);
    expect(nodes.get('C')!.degree).toBe(2);
    expect(nodes.get('E')!.degree).toBe(1);
    // Only A links E to B and C: 2 pairs of 3.
    expect(nodes.get('A')!.betweenness).toBeCloseTo(2 / 3, 10);
  });

  it('samples when asked to, and refuses malformed input', () => {
    expect(engine.call('graph.metrics', { exactUpTo: 0, seed: 1 }).estimated).toBe(false); // every component is under the pivot floor
    expect(() => engine.call('graph.metrics', { exactUpTo: -1 })).toThrow(expect.objectContaining({ code: 'validation' }));
    expect(() => engine.call('graph.metrics', { ego: { organisationId: 'A', depth: 4 } })).toThrow(
      expect.objectContaining({ code: 'validation' }),
    );
    expect(() => engine.call('graph.metrics', { ego: { organisationId: 'nobody', depth: 1 } })).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });
});
