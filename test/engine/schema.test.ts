// The schema a fresh database gets, against the checked-in schema.sql, and its CHECK constraints
// against the vocabularies of shared/domain.ts: a vocabulary changed without a migration, or a
// migration whose schema.sql was not regenerated, fails here.
import { ATTRIBUTE_KINDS, ATTRIBUTE_TYPES } from '../../shared/attributes';
import type { Database } from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaText } from '../../electron/engine/db/schema-text';
import type { Engine } from '../../electron/engine/engine';
import * as domain from '../../shared/domain';
import { openEngine, tempDir } from './helpers';

const SCHEMA_SQL = resolve(dirname(fileURLToPath(import.meta.url)), '../../electron/engine/db/schema.sql');

let engine: Engine;
let db: Database;
let cleanup: () => void;
beforeAll(() => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  engine = openEngine(`${temp.dir}/fresh.sqlite`);
  db = engine.db;
});
afterAll(() => {
  engine.close();
  cleanup();
});

describe('schema.sql', () => {
  it('is the schema of a fresh database after every migration', () => {
    expect(
      schemaText(db),
      'electron/engine/db/schema.sql is not the schema a fresh database gets. If a migration changed the schema on purpose, ' +
        'regenerate the file with `node --import tsx scripts/write-schema.ts` and commit it with the migration. ' +
        'In the difference, - is schema.sql and + is a new database',
    ).toBe(readFileSync(SCHEMA_SQL, 'utf8'));
  });
});

/** Every column with a CHECK on a list of values; `values` is what the database must accept, no more. */
const VOCABULARY_COLUMNS: { table: string; column: string; values: readonly string[]; row: Record<string, unknown> }[] = [
  { table: 'organisation', column: 'sector', values: domain.SECTORS, row: { name: 'O', sector: 'other' } },
  { table: 'partnership', column: 'kind', values: domain.PARTNERSHIP_KINDS, row: { name: 'P', kind: 'network' } },
  { table: 'partnership', column: 'status', values: domain.PARTNERSHIP_STATUSES, row: { name: 'P', kind: 'network' } },
  { table: 'membership', column: 'role', values: domain.MEMBER_ROLES, row: { partnership_id: 'p', organisation_id: 'o', role: 'member' } },
  { table: 'event', column: 'kind', values: domain.EVENT_KINDS, row: { name: 'E', kind: 'workshop' } },
  { table: 'event', column: 'mode', values: domain.EVENT_MODES, row: { name: 'E', kind: 'workshop' } },
  { table: 'event', column: 'participant_count_qualifier', values: domain.COUNT_QUALIFIERS, row: { name: 'E', kind: 'workshop' } },
  {
    table: 'participation',
    column: 'role',
    values: domain.PARTICIPANT_ROLES,
    row: { event_id: 'e', organisation_id: 'o', role: 'speaker' },
  },
  { table: 'relation', column: 'type', values: domain.RELATION_TYPES, row: { source_id: 'o', target_id: 'o2', type: 'funds' } },
  { table: 'citation', column: 'record_type', values: domain.CITABLE_TYPES, row: { source_id: 's', record_type: 'event', record_id: 'e' } },
  { table: 'saved_view', column: 'view', values: domain.GRAPH_VIEWS, row: { name: 'V', view: 'full' } },
  {
    table: 'action',
    column: 'kind',
    values: domain.ACTION_KINDS,
    row: { at: 't', actor: 'a', label: 'l', first_seq: 1, last_seq: 1, size: 1, kind: 'do', state: 'done' },
  },
  {
    table: 'action',
    column: 'state',
    values: domain.ACTION_STATES,
    row: { at: 't', actor: 'a', label: 'l', first_seq: 1, last_seq: 1, size: 1, kind: 'do', state: 'done' },
  },
  {
    table: 'change',
    column: 'record_type',
    values: domain.RECORD_TYPES,
    row: { at: 't', actor: 'a', record_type: 'event', record_id: 'e', op: 'create' },
  },
  // The attribute catalogue's corrections (migration 4): its kinds and types.
  {
    table: 'attribute_type',
    column: 'record_kind',
    values: ATTRIBUTE_KINDS,
    row: { name: 'n', type: 'text', updated_at: 't' },
  },
  {
    table: 'attribute_type',
    column: 'type',
    values: ATTRIBUTE_TYPES,
    row: { record_kind: 'organisation', name: 'n', updated_at: 't' },
  },
  // The log's own three operations: not a domain vocabulary, but the contract's change schema has the same list.
  {
    table: 'change',
    column: 'op',
    values: ['create', 'update', 'delete'],
    row: { at: 't', actor: 'a', record_type: 'event', record_id: 'e', op: 'create' },
  },
];
const STAMPED = new Set(['organisation', 'partnership', 'membership', 'event', 'participation', 'relation', 'citation', 'saved_view']);

function tableSql(table: string): string {
  return db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`).pluck().get(table) as string;
}

/** Inserts one row with `column` set to `value` and takes it back; the database's error, or null if it took the row. */
function insertError(table: string, row: Record<string, unknown>, column: string, value: string): string | null {
  const values: Record<string, unknown> = { ...row, [column]: value };
  // The log and the undo stack number their rows themselves; attribute types are keyed by kind and name.
  if (table !== 'change' && table !== 'action' && table !== 'attribute_type') values.id = `${table}-${column}-${value}`;
  if (STAMPED.has(table)) Object.assign(values, { created_at: 't', updated_at: 't' });
  const cols = Object.keys(values);
  db.exec('SAVEPOINT probe');
  try {
    db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(values);
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    db.exec('ROLLBACK TO probe; RELEASE probe');
  }
}

describe('the CHECK constraints of a fresh database and shared/domain.ts', () => {
  beforeAll(() => {
    // What the probe rows refer to.
    db.exec(`INSERT INTO organisation (id, name, sector, created_at, updated_at) VALUES ('o', 'O', 'other', 't', 't'), ('o2', 'O2', 'other', 't', 't');
             INSERT INTO partnership (id, name, kind, created_at, updated_at) VALUES ('p', 'P', 'network', 't', 't');
             INSERT INTO event (id, name, kind, created_at, updated_at) VALUES ('e', 'E', 'workshop', 't', 't');
             INSERT INTO source (id, title, created_at, updated_at) VALUES ('s', 'S', 't', 't');`);
  });

  it('every list of values in the schema is one the test knows', () => {
    const listed = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`)
      .pluck()
      .all()
      .flatMap((table) => [...tableSql(table as string).matchAll(/(\w+) IN \(/g)].map((m) => `${table}.${m[1]}`));
    expect(listed.sort()).toEqual(VOCABULARY_COLUMNS.map((v) => `${v.table}.${v.column}`).sort());
  });

  for (const { table, column, values, row } of VOCABULARY_COLUMNS) {
    describe(`${table}.${column}`, () => {
      it('lists exactly the vocabulary', () => {
        const list = new RegExp(`\\b${column} IN \\(([^)]*)\\)`).exec(tableSql(table))?.[1];
        expect(list, `no CHECK (${column} IN (...)) in ${table}`).toBeDefined();
        const inSchema = [...list!.matchAll(/'([^']*)'/g)].map((m) => m[1]);
        expect(
          [...inSchema].sort(),
          `${table}.${column}: the database and shared/domain.ts disagree; a vocabulary changes by a new migration (see electron/engine/db/migrations/index.ts)`,
        ).toEqual([...values].sort());
      });

      it('accepts each value and refuses another', () => {
        for (const value of values) expect(insertError(table, row, column, value), `${table}.${column} = '${value}'`).toBeNull();
        expect(insertError(table, row, column, 'not_in_the_vocabulary')).toMatch(/CHECK constraint failed/);
      });
    });
  }
});
