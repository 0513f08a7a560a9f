#!/usr/bin/env node
// The `atlas` command: runs the CLI as built by the same build as main (out/main/cli.cjs), building
// it first where it is missing or stale; electron/cli/main.ts owns parsing, output and exit codes.
import { createRequire } from 'node:module';

// `atlas query | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

try {
  // Imported dynamically so that a broken checkout still fails with one line, not a stack trace.
  const { buildBundleIfStale } = await import('../scripts/build-if-stale.mjs');
  if (buildBundleIfStale('out/main/cli.cjs', 'atlas')) {
    const { main } = createRequire(import.meta.url)('../out/main/cli.cjs');
    process.exitCode = await main(process.argv.slice(2));
  } else process.exitCode = 1;
} catch (err) {
  // Only reached if the tool itself cannot load; main catches everything else.
  process.stderr.write(`atlas: ${String(err?.message ?? err).split('\n')[0]}\n`);
  process.exitCode = 1;
}
