// Turning a zod failure into the one error a person can act on: the first issue, its field path.
import type { z } from 'zod';
import { AtlasError } from './errors';
import { contract, isCallName, type CallName, type CallInput } from './contract';
import { MAX_NESTING, nestingWithin } from './nesting';

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = formatPath(issue.path);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    message = `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  } else if (issue.code === 'invalid_type' && issue.input === undefined) {
    message = 'This field is required';
  }
  const where = field ? ` (${field})` : '';
  throw new AtlasError('validation', `Invalid ${what}${where}: ${message}`, field || undefined);
}

/** Validates a call's name and input against the contract; every host calls this first. */
export function parseCall(name: unknown, input: unknown): { name: CallName; input: CallInput<CallName> } {
  if (!isCallName(name)) {
    throw new AtlasError('validation', `There is no call named '${String(name).slice(0, 80)}'`);
  }
  const spec = contract[name];
  // Before zod, which walks input recursively: 100,000 levels would overflow its stack.
  if (!nestingWithin(input, MAX_NESTING)) {
    throw new AtlasError('validation', `Invalid input to ${name}: nested deeper than ${MAX_NESTING} levels`);
  }
  return { name, input: parseOrThrow(spec.input, input ?? {}, `input to ${name}`) as CallInput<CallName> };
}
