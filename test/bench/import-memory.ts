// One import in its own process, reporting its peak memory: what an analyst's laptop would need.
import { Engine } from '../../electron/engine/engine';

const [file, dbPath, resourcesDir] = process.argv.slice(2) as [string, string, string];
const t = performance.now();
const engine = new Engine({ dbPath, resourcesDir, actor: 'bench' });
await engine.call('import.run', { path: file });
engine.close();
process.stdout.write(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, seconds: (performance.now() - t) / 1000 }));
