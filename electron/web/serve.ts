// `npm run serve -- --port P --db PATH`: the browser mode from the command line.
import { defaultDbPath } from '../engine/paths';
import { startWebServer } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const port = Number(arg('port') ?? 5199);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not '${arg('port')}'`);
  process.exit(2);
}
const dbPath = arg('db') ?? defaultDbPath();
// No top-level await: this is built as CommonJS (out/main/web.cjs), like main.
startWebServer({ dbPath, port }).then(
  (h) => {
    console.log(`Stakeholder Atlas (browser mode) on ${dbPath}`);
    console.log(`Open ${h.url}`);
    console.log('Only this URL (it holds the access token) can reach the engine. Ctrl+C stops.');
    // Stops whatever the engine is doing: close() waits a bounded time for the worker, and the
    // process's exit ends even a thread caught in native code (engine/client.ts).
    let stopping = false;
    const stop = () => {
      if (stopping) process.exit(0);
      stopping = true;
      setTimeout(() => process.exit(0), 5000).unref();
      void h.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (err: unknown) => {
    console.error(`Cannot start the browser mode: ${(err as Error).message}`);
    process.exit(1);
  },
);
