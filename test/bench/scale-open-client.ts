// The window's open at scale, as the app runs it: the engine's host (EngineClient) starts both
// workers cold, and the window's first calls (meta.info, the aggregated view, the facets) are
// timed until all three are answered; then a search typed as the window shows (the quick engine
// answers it without the index), and the first drill, which waits for the graph index (as does a
// filter chosen meanwhile).
// `node --import tsx test/bench/scale-open-client.ts DB RESOURCES out/main/engine-worker.cjs`
// (the test build's worker, absolute path); prints one JSON line.
import { EngineClient } from '../../electron/engine/client';

const [dbPath, resourcesDir, workerFile] = process.argv.slice(2) as [string, string, string];
const t0 = performance.now();
const client = new EngineClient(workerFile, { dbPath, resourcesDir, seedIfEmpty: false });
const phases = new Set<string>();
const poll = setInterval(() => {
  const p = client.progress();
  if (p) phases.add(p.phase);
}, 50);
const first = await Promise.all([
  client.call('meta.info', {}),
  client.call('graph.slice', { aggregate: { above: 5000, by: 'region' } }),
  client.call('graph.facets', {}),
]);
const open = performance.now() - t0;
const found = await client.call('search.query', { text: 'government organisation 0123' });
const firstSearch = performance.now() - t0;
const drill = await client.call('graph.slice', { filters: { regions: ['Africa'] }, aggregate: { above: 5000, by: 'subRegion' } });
const firstDrill = performance.now() - t0;
clearInterval(poll);
await client.close();
process.stdout.write(
  JSON.stringify({
    open,
    firstSearch,
    searchHits: found.ok ? (found.value as { total: number }).total : -1,
    firstDrill,
    ok: first.every((r) => r.ok) && found.ok && drill.ok,
    phases: [...phases],
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
