// Turning a zod failure into the one error a person can act on: the first issue, its field path.
import type { z } from 'zod';
import { AtlasError } from './errors';
import { contract, isCallName, type CallName, type CallInput } from './contract';
import { MAX_NESTING, nestingWithin, protoKeyPath } from './nesting';

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const p of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, p)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
const kindOf = (v: unknown) =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'an object'
        : `${article(typeof v)} (${JSON.stringify(v)?.slice(0, 40)})`;

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = formatPath(issue.path);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    message = `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  } else if (issue.code === 'invalid_type') {
    // zod 4 keeps no input on its issues: the value is looked up along the path.
    const given = valueAt(value, issue.path);
    message = given === undefined ? 'This field is required' : `Expected ${article(issue.expected)}, not ${kindOf(given)}`;
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
  // zod (and any object spread) drops a key named __proto__ without a word; it is refused instead.
  const proto = protoKeyPath(input);
  if (proto !== null) {
    throw new AtlasError('validation', `Invalid input to ${name} (${proto}): '__proto__' cannot be a field or attribute name`, proto);
  }
  return { name, input: parseOrThrow(spec.input, input ?? {}, `input to ${name}`) as CallInput<CallName> };
}
