// Argument parsing on Node's util.parseArgs. Every mistake in how the tool was called becomes a
// UsageError, which main turns into exit code 2, apart from errors in what was asked (exit 1).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { defaultDbPath } from '../engine/paths';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
const COMMON_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export interface Common {
  dbPath: string;
  json: boolean;
  help: boolean;
}

/** Parses one command's options, the common ones, and at most `positionals` plain arguments. */
export function parseCommand<O extends Options>(argv: string[], options: O, positionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, strict: true, allowPositionals: true });
  } catch (err) {
    // Node's messages carry a long hint about '--'; the first sentence is what a person needs.
    throw new UsageError(
      String((err as Error).message)
        .split(/\. /)[0]!
        .replace(/\.$/, ''),
    );
  }
  if (parsed.positionals.length > positionals) throw new UsageError(`Unexpected argument '${parsed.positionals[positionals]}'`);
  const values = parsed.values as Record<string, unknown>;
  if (values.db === '') throw new UsageError('--db needs a file path');
  const common: Common = {
    dbPath: (values.db as string | undefined) ?? defaultDbPath(),
    json: values.json === true,
    help: values.help === true,
  };
  return { common, values, positionals: parsed.positionals };
}

/** A whole number within bounds, or a usage error naming the option. */
export function intOption(name: string, raw: string, min: number, max: number): number {
  if (!/^[+-]?\d+$/.test(raw.trim())) throw new UsageError(`--${name} must be a whole number, not '${raw}'`);
  const n = Number(raw);
  if (n < min || n > max) {
    throw new UsageError(`--${name} must be between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}, not ${raw}`);
  }
  return n;
}
