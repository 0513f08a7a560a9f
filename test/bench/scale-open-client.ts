// The window's open at scale, as the app runs it: the engine's host (EngineClient) starts both
// workers cold, and the window's first calls (meta.info, the aggregated view, the facets) are
// timed until all three are answered; then the first drill, which waits for the graph index.
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
const drill = await client.call('graph.slice', { filters: { regions: ['Africa'] }, aggregate: { above: 5000, by: 'subRegion' } });
const firstDrill = performance.now() - t0;
clearInterval(poll);
await client.close();
process.stdout.write(
  JSON.stringify({
    open,
    firstDrill,
    ok: first.every((r) => r.ok) && drill.ok,
    phases: [...phases],
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
