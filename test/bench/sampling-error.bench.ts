// How far sampled betweenness and closeness are from the exact values, on networks of the kind
// the app makes (`atlas generate`: 2,000 organisations at its default density, and 5,000 with ten
// ties each, the density of the 100,000 / 1,000,000 benchmark), at each number of pivots, the worst
// of five seeds. The rows it prints are what electron/engine/graph/metrics/sampling-error.ts
// states in the Analysis panel. `npm run bench -- --only sampling-error`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../electron/engine/engine';
import { computeMetrics, type WeightedEdge } from '../../electron/engine/graph/metrics/index';
import { findResourcesDir } from '../../electron/engine/paths';
import type { Row } from './engine.bench';
import { samplingErrors } from './sampling-error';

const PIVOTS = [32, 64, 128, 256];
const SEEDS = [1, 2, 3, 4, 5];
const NETWORKS = [
  { organisations: 2000, ties: undefined },
  { organisations: 5000, ties: 50_000 },
];

export function samplingErrorBench(): Row[] {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'atlas-sampling-'));
  try {
    const graphs = NETWORKS.map(({ organisations, ties }, i) => {
      const engine = new Engine({ dbPath: join(dir, `n${i}.sqlite`), resourcesDir: findResourcesDir(), actor: 'bench' });
      engine.generate({ organisations, ...(ties ? { ties } : {}), seed: 17 + i });
      const slice = engine.graph.slice({}, 'organisations');
      engine.close();
      const at = new Map(slice.nodes.map((node, j) => [node.id, j]));
      const edges: WeightedEdge[] = slice.edges.map((e) => ({ source: at.get(e.source)!, target: at.get(e.target)!, weight: e.weight }));
      return { ids: slice.nodes.map((node) => node.id), edges };
    });
    for (const weightedPaths of [false, true]) {
      for (const pivots of PIVOTS) {
        let worst = { maxAbs: 0, meanAbs: 0, top20Rank: 1, top20Kept: 20, closenessRel: 0 };
        for (const { ids, edges } of graphs) {
          const exact = computeMetrics(ids, edges, { weightedPaths, exactUpTo: ids.length });
          for (const seed of SEEDS) {
            const sampled = computeMetrics(ids, edges, {
              weightedPaths,
              exactUpTo: 0,
              samples: Math.round((pivots * ids.length) / (exact.largestComponent || 1)),
              seed,
            });
            const e = samplingErrors(exact, sampled);
            worst = {
              maxAbs: Math.max(worst.maxAbs, e.maxAbs),
              meanAbs: Math.max(worst.meanAbs, e.meanAbs),
              top20Rank: Math.min(worst.top20Rank, e.top20Rank),
              top20Kept: Math.min(worst.top20Kept, e.top20Kept),
              closenessRel: Math.max(worst.closenessRel, e.closenessRel),
            };
          }
        }
        rows.push({
          what: `${pivots} pivots, paths ${weightedPaths ? 'over 1 / weight' : 'in steps'} (${graphs.map((g) => `${g.ids.length.toLocaleString('en')} / ${g.edges.length.toLocaleString('en')}`).join(' and ')})`,
          figure: `{ pivots: ${pivots}, maxAbs: ${worst.maxAbs.toPrecision(2)}, meanAbs: ${worst.meanAbs.toPrecision(2)}, top20Rank: ${worst.top20Rank.toFixed(2)}, top20Kept: ${worst.top20Kept}, closenessRel: ${worst.closenessRel.toPrecision(2)} }`,
          target: '(stated in the Analysis panel)',
          ok: true,
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
