// Contract calls for the fuzzer: a valid example of every call in the contract (IDs taken from the
// seed network in the bed), then mutated: a field removed, set to any JSON value, an unknown or
// '__proto__' field added, a string made huge, the input nested deep or replaced outright.
import fc from 'fast-check';
import { join } from 'node:path';
import { CALL_NAMES, type CallName } from '../../shared/contract';
import type { FuzzBed } from './bed';

type Input = Record<string, unknown>;

/** A valid input for every call, on the bed's network; calls the contract adds later get `{}`. */
function examples(bed: FuzzBed): Record<string, Input> {
  const org = (bed.engine.call('organisation.list', { limit: 2 }) as { items: { id: string }[] }).items;
  const a = org[0]!.id;
  const b = org[1]!.id;
  const first = (type: string) =>
    (bed.engine.call(`${type}.list` as CallName, { limit: 1 }) as { items: { id: string }[] }).items[0]?.id ?? a;
  const fields: Record<string, Input> = {
    organisation: { name: 'Fuzz Org', sector: 'other', country: 'FR', tags: ['t'] },
    partnership: { name: 'Fuzz PPP', kind: 'network', startDate: '2020' },
    membership: { partnershipId: first('partnership'), organisationId: a, role: 'member' },
    event: { name: 'Fuzz event', kind: 'workshop', startDate: '2021-05' },
    participation: { eventId: first('event'), organisationId: b, role: 'speaker' },
    relation: { sourceId: a, targetId: b, kind: 'collaborates_with' },
    source: { title: 'Fuzz source' },
    citation: { sourceId: first('source'), recordType: 'organisation', recordId: a },
    savedView: { name: 'Fuzz view', filters: {}, positions: { [a]: { x: 1, y: 2 } } },
  };
  const out: Record<string, Input> = {};
  for (const name of CALL_NAMES) out[name] = {};
  for (const [type, f] of Object.entries(fields)) {
    const id = first(type);
    out[`${type}.create`] = f;
    out[`${type}.get`] = { id };
    out[`${type}.update`] = { id, patch: Object.fromEntries(Object.entries(f).slice(0, 1)) };
    out[`${type}.delete`] = { id };
    out[`${type}.list`] = { limit: 5, sort: 'name', order: 'desc' };
  }
  const seedFile = join(bed.dir, 'seeds', 'seed.gexf');
  Object.assign(out, {
    'graph.slice': { filters: { regions: ['Africa'], sectors: ['government'] }, view: 'full' },
    'graph.ego': { organisationId: a, depth: 2 },
    'graph.timeline': { filters: { from: '2019' } },
    'graph.path': { from: a, to: b },
    'graph.metrics': { exactUpTo: 100, seed: 1 },
    'search.query': { text: 'un', limit: 5 },
    'record.details': { type: 'organisation', id: a },
    'changes.list': { limit: 10 },
    'import.preview': { path: seedFile, onDuplicate: 'merge' },
    'import.run': { path: seedFile, onDuplicate: 'skip' },
    'export.run': { format: 'graphml', path: join(bed.dir, 'out.graphml'), overwrite: true },
    'export.staged': { format: 'csv', name: 'net.csv' },
    'file.stage': { name: 'a.csv', dataBase64: Buffer.from('name\nAlpha\n').toString('base64') },
    'file.fetch': { path: seedFile },
    'snapshot.view': { path: null },
  });
  return out;
}

/** Paths a mutated call may name: never outside the bed's folder for a call that writes. */
function paths(bed: FuzzBed): string[] {
  return [
    join(bed.dir, 'seeds', 'seed.atlas'),
    join(bed.dir, 'seeds'),
    join(bed.dir, 'nothing-here'),
    bed.dir,
    '/dev/zero',
    '/proc/self/status',
    '/etc/hostname',
    '',
    'a'.repeat(5000),
  ];
}

type Mutation =
  | { m: 'none' }
  | { m: 'drop'; key: number }
  | { m: 'set'; key: number; value: unknown }
  | { m: 'add'; key: string; value: unknown }
  | { m: 'path'; path: number }
  | { m: 'huge'; key: number }
  | { m: 'deep'; depth: number }
  | { m: 'replace'; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ m: 'none' as const }) },
  { weight: 3, arbitrary: fc.record({ m: fc.constant('drop' as const), key: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ m: fc.constant('set' as const), key: fc.nat(), value: fc.jsonValue({ maxDepth: 3 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      m: fc.constant('add' as const),
      key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'id', 'patch'), fc.string({ maxLength: 10 })),
      value: fc.jsonValue({ maxDepth: 2 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ m: fc.constant('path' as const), path: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ m: fc.constant('huge' as const), key: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ m: fc.constant('deep' as const), depth: fc.integer({ min: 10, max: 100_000 }) }) },
  { weight: 2, arbitrary: fc.record({ m: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 3 }) }) },
);

/**
 * One call; `deep` says to nest the field `key` `depth` arrays deep when it is made (materialise),
 * so the case itself stays shallow enough to post to another thread and keep as JSON.
 */
export interface CallCase {
  name: string;
  input: unknown;
  deep?: { key: string; depth: number };
}

/** The input to send: the case's, with its deep field built. */
export function materialise(c: CallCase): unknown {
  if (!c.deep || c.input === null || typeof c.input !== 'object' || Array.isArray(c.input)) return c.input;
  let v: unknown = 1;
  for (let i = 0; i < c.deep.depth; i++) v = [v];
  return { ...(c.input as Input), [c.deep.key]: v };
}

function mutate(bed: FuzzBed, name: string, example: Input, ms: Mutation[]): CallCase {
  let input: unknown = structuredClone(example);
  let deep: CallCase['deep'];
  for (const m of ms) {
    const obj = input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Input) : null;
    const keys = obj ? Object.keys(obj) : [];
    const key = 'key' in m && typeof m.key === 'number' && keys.length ? keys[m.key % keys.length]! : null;
    if (m.m === 'drop' && obj && key) delete obj[key];
    else if (m.m === 'set' && obj && key) obj[key] = m.value;
    else if (m.m === 'add' && obj)
      Object.defineProperty(obj, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
    else if (m.m === 'path' && obj && 'path' in obj) {
      const all = paths(bed);
      // A call that writes may write only inside the bed.
      obj.path = name === 'export.run' ? join(bed.dir, `out-${m.path % 7}.gexf`) : all[m.path % all.length];
    } else if (m.m === 'huge' && obj && key) obj[key] = 'x'.repeat(1_000_000);
    else if (m.m === 'deep' && obj) deep = { key: keys[0] ?? 'x', depth: m.depth };
    else if (m.m === 'replace') {
      input = m.value;
      deep = undefined;
    }
  }
  return deep ? { name, input, deep } : { name, input };
}

/** Any contract call, mutated from its example. */
export function callCase(bed: FuzzBed): fc.Arbitrary<CallCase> {
  const ex = examples(bed);
  return fc
    .record({ name: fc.constantFrom(...CALL_NAMES), ms: fc.array(mutation, { maxLength: 3 }) })
    .map(({ name, ms }) => mutate(bed, name, ex[name]!, ms));
}
