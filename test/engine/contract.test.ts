// Every call in the contract rejects a malformed payload with a `validation` error and leaves the
// database exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import { CALL_NAMES, contract } from '../../shared/contract';
import { buildFixture, openEngine, tempDir } from './helpers';

let engine: Engine;
let cleanup: () => void;
beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  engine = openEngine(`${t.dir}/contract.sqlite`);
  buildFixture(engine);
});
afterAll(() => {
  engine.close();
  cleanup();
});

/** Every row of every table, so "unchanged" means unchanged. */
function snapshot(): string {
  const tables = engine.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
  return JSON.stringify(tables.map((t) => engine.db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all()));
}

const MALFORMED: unknown[] = [42, 'organisation', [], true, { unexpectedField: 1 }, { id: { $ne: null } }];

describe('contract', () => {
  it('declares every call the engine answers, each with schemas', () => {
    expect(CALL_NAMES.length).toBeGreaterThanOrEqual(50);
    for (const name of CALL_NAMES) {
      expect(contract[name].input.safeParse).toBeTypeOf('function');
      expect(contract[name].output.safeParse).toBeTypeOf('function');
    }
  });

  it.each(CALL_NAMES)('%s rejects malformed payloads and changes nothing', (name) => {
    const before = snapshot();
    for (const payload of MALFORMED) {
      let thrown: unknown;
      try {
        engine.call(name, payload);
      } catch (e) {
        thrown = e;
      }
      expect(thrown, `${name} with ${JSON.stringify(payload)}`).toMatchObject({ code: 'validation' });
    }
    expect(snapshot()).toBe(before);
  });

  it('refuses a call that is not in the contract', () => {
    expect(() => engine.call('organisation.drop' as never, {})).toThrow(expect.objectContaining({ code: 'validation' }));
    expect(() => engine.call('__proto__' as never, {})).toThrow(expect.objectContaining({ code: 'validation' }));
  });

  it('refuses oversized and hostile strings without writing', () => {
    const before = snapshot();
    expect(() => engine.call('organisation.create', { name: 'x'.repeat(301), sector: 'other' })).toThrow(
      expect.objectContaining({ code: 'validation', field: 'name' }),
    );
    expect(() => engine.call('graph.slice', { filters: { text: "'; DROP TABLE organisation; --".repeat(10) } })).toThrow(
      expect.objectContaining({ code: 'validation', field: 'filters.text' }),
    );
    expect(engine.call('graph.slice', { filters: { text: "'; DROP TABLE organisation; --" } }).nodes).toEqual([]);
    expect(snapshot()).toBe(before);
  });
});
