// One cold start, in its own process: open the database, answer a first query, build the graph
// index, answer a first slice; prints timings (the slice's from the start, the index's on its own).
import { Engine } from '../../electron/engine/engine';

const [dbPath, resourcesDir] = process.argv.slice(2) as [string, string];
const t0 = performance.now();
const engine = new Engine({ dbPath, resourcesDir });
engine.call('meta.info', {});
const info = performance.now() - t0;
// CPU time too: on a shared machine the wall time of the build mostly measures the neighbours.
const t1 = performance.now();
const c1 = process.cpuUsage();
engine.graph.index();
const index = performance.now() - t1;
const c2 = process.cpuUsage(c1);
const indexCpu = (c2.user + c2.system) / 1000;
engine.call('graph.slice', { filters: { regions: ['Africa'] } });
const slice = performance.now() - t0;
engine.close();
process.stdout.write(JSON.stringify({ info, index, indexCpu, slice }));
