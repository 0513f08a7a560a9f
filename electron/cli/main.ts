// The `atlas` command: picks a command, runs it, and turns every failure into exactly one line on
// stderr and an exit code (1: the engine or the file system said no; 2: the tool was called
// wrongly). It returns the code rather than exiting so tests can run it in-process.
import { AtlasError } from '../../shared/errors';
import { UsageError } from './args';
import { generate } from './commands/generate';
import { exportFile } from './commands/export';
import { importFile } from './commands/import';
import { query } from './commands/query';
import { seed } from './commands/seed';
import { stats } from './commands/stats';
import type { CliIO } from './io';
import { USAGE } from './usage';

export type { CliIO } from './io';

const COMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<number>> = {
  stats,
  query,
  generate,
  seed,
  import: importFile,
  export: exportFile,
};

const HELP = new Set(['help', '--help', '-h']);

export async function main(argv: string[], io: CliIO = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined) throw new UsageError("No command given; try 'atlas --help'");
    if (HELP.has(name) || rest.includes('--help') || rest.includes('-h')) {
      if (name === 'help' || HELP.has(name) || COMMANDS[name]) {
        io.stdout.write(USAGE);
        return 0;
      }
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`Unknown command '${name}'; try 'atlas --help'`);
    return await command(rest, io);
  } catch (err) {
    io.stderr.write(`atlas: ${oneLine(describe(err))}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}

function describe(err: unknown): string {
  if (err instanceof AtlasError) {
    // Validation messages already name the field; others (e.g. not_found) may not.
    return err.field && !err.message.includes(err.field) ? `${err.message} (${err.field})` : err.message;
  }
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

/** A message that spans lines (SQLite's sometimes do) would break the one-line promise. */
const oneLine = (s: string) => s.replace(/\s*\r?\n\s*/g, ' ').trim();
