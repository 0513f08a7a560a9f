// The smaller doors of issue 16: a wrong-typed field says what was expected, a '__proto__' key is
// refused instead of dropped, a patch that changes nothing writes nothing, an empty database file
// and a read-only location are named with the reason, and a CSV header of five million cells is
// refused before it is parsed.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine';
import { openEngine, RESOURCES, tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
let engine: Engine;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  engine = openEngine(`${dir}/atlas.sqlite`);
});
afterEach(() => {
  engine.close();
  cleanup();
});

describe('contract input', () => {
  it('a wrong-typed field says which type was expected, a missing one that it is required', () => {
    expect(() => engine.call('organisation.create', { name: 5, sector: 'other' })).toThrow(
      'Invalid input to organisation.create (name): Expected a string, not a number (5)',
    );
    expect(() => engine.call('organisation.create', { name: 'A', sector: 'other', tags: 'ransomware' })).toThrow(
      /\(tags\): Expected an array, not a string \("ransomware"\)/,
    );
    expect(() => engine.call('organisation.create', { sector: 'other' })).toThrow('(name): This field is required');
  });

  it("refuses a '__proto__' key, wherever it is, instead of dropping it", () => {
    const attributes = JSON.parse('{"__proto__": {"polluted": true}, "size": 3}') as Record<string, unknown>;
    expect(() => engine.call('organisation.create', { name: 'A', sector: 'other', attributes })).toThrow(
      "Invalid input to organisation.create (attributes.__proto__): '__proto__' cannot be a field or attribute name",
    );
    expect(engine.call('organisation.list', {}).total).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an empty patch, or one that changes nothing, writes no change', () => {
    const org = engine.call('organisation.create', { name: 'Alpha', sector: 'other', tags: ['a'] });
    const log = () => engine.call('changes.list', {}).length;
    const before = log();
    expect(engine.call('organisation.update', { id: org.id, patch: {} })).toEqual(org);
    expect(engine.call('organisation.update', { id: org.id, patch: { name: 'Alpha', tags: ['a'] } })).toEqual(org);
    expect(log()).toBe(before);
    expect(engine.call('organisation.update', { id: org.id, patch: { name: 'Beta' } }).name).toBe('Beta');
    expect(log()).toBe(before + 1);
  });
});

describe('database files', () => {
  it('an empty (0-byte) file is named and left alone, not taken for a new database', () => {
    const path = `${dir}/empty.sqlite`;
    writeFileSync(path, '');
    expect(() => new Engine({ dbPath: path, resourcesDir: RESOURCES })).toThrow(
      `${path} is an empty file (0 bytes), not a Stakeholder Atlas database`,
    );
    expect(statSync(path).size).toBe(0);
  });

  it.runIf(existsSync('/sys/kernel'))('a location that cannot be written names the path and the reason', () => {
    expect(() => new Engine({ dbPath: '/sys/atlas.sqlite', resourcesDir: RESOURCES })).toThrow(
      /^Cannot open the database \/sys\/atlas\.sqlite: the folder \/sys may not be written to by you, and the app keeps its database/,
    );
  });
});

describe('a CSV header of five million cells', () => {
  it('is refused before it is parsed', async () => {
    const path = `${dir}/wide.csv`;
    writeFileSync(path, `${'a,'.repeat(5_000_000)}b\n1,2\n`);
    const started = Date.now();
    await expect(engine.call('import.preview', { path })).rejects.toMatchObject({
      code: 'validation',
      message: /wide\.csv: the header has more than 2000 columns/,
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
