// One cold start, in its own process: open the database, answer a first query; prints timings.
import { Engine } from '../../electron/engine/engine';

const [dbPath, resourcesDir] = process.argv.slice(2) as [string, string];
const t0 = performance.now();
const engine = new Engine({ dbPath, resourcesDir });
engine.call('meta.info', {});
const info = performance.now() - t0;
engine.call('graph.slice', { filters: { regions: ['Africa'] } });
const slice = performance.now() - t0;
engine.close();
process.stdout.write(JSON.stringify({ info, slice }));
