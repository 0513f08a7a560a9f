#!/usr/bin/env node
// The `atlas` command: registers tsx so Node can load the TypeScript sources, then hands over to
// electron/cli/main.ts, which owns parsing, output and exit codes.

// `atlas query | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

try {
  // Imported dynamically so that a broken install still fails with one line, not a stack trace.
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../electron/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  // Only reached if the tool itself cannot load; main catches everything else.
  process.stderr.write(`atlas: ${String(err?.message ?? err).split('\n')[0]}\n`);
  process.exitCode = 1;
}
