// One import in its own process, reporting its peak memory (what an analyst's laptop would need),
// its wall time and the process's CPU time (user + system), steadier on a shared machine.
// `node --import tsx test/bench/import-memory.ts FILE|FOLDER NEW.sqlite resources`.
import { Engine } from '../../electron/engine/engine';

const [file, dbPath, resourcesDir] = process.argv.slice(2) as [string, string, string];
const t = performance.now();
const engine = new Engine({ dbPath, resourcesDir, actor: 'bench' });
await engine.call('import.run', { path: file });
engine.close();
const cpu = process.cpuUsage();
process.stdout.write(
  JSON.stringify({
    // maxRSS is in KiB: this is MiB.
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    seconds: (performance.now() - t) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  }),
);
