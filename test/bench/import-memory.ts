// One import in its own process, reporting its peak memory (what an analyst's laptop would need),
// the time to its answer, the process's CPU time (user + system, steadier on a shared machine)
// and how long closing the network then took (it waits for the log's copy into the database
// file, which runs on its own thread after the import has answered: db/checkpointer.ts).
// `node --import tsx test/bench/import-memory.ts FILE|FOLDER NEW.sqlite resources`.
import { Engine } from '../../electron/engine/engine';

const [file, dbPath, resourcesDir] = process.argv.slice(2) as [string, string, string];
const t = performance.now();
const engine = new Engine({ dbPath, resourcesDir, actor: 'bench' });
await engine.call('import.run', { path: file });
const answered = performance.now();
engine.close();
const cpu = process.cpuUsage();
process.stdout.write(
  JSON.stringify({
    // maxRSS is in KiB: this is MiB.
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    seconds: (answered - t) / 1000,
    closeSeconds: (performance.now() - answered) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  }),
);
