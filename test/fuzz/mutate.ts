// Mutations of the seed files, as fast-check arbitraries: byte-level damage (flips, cuts,
// insertions of tokens that mean something to a parser, a slice repeated many times), and for
// snapshots, SQL-level changes a stranger's writer could make (views, triggers, tables and columns
// that are not ours, cells of the wrong kind, rows removed, another version).
import fc from 'fast-check';
import type Database from 'better-sqlite3';
import type { FuzzBed, ImportCase, ImportKind } from './bed';

/** Fragments that mean something to one of the parsers. */
const TOKENS = [
  '<',
  '>',
  '</',
  '/>',
  '"',
  "'",
  '&',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '&undefined;',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  ']]>',
  '<![CDATA[',
  '<?xml version="1.0"?>',
  'xmlns:',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  'null',
  'true',
  '1e309',
  '-0',
  'NaN',
  '"__proto__"',
  '"constructor"',
  '\u0000',
  '\ufeff',
  '\ud800',
  '\r',
  '\n',
  '\r\n',
  '\t',
  ';',
  '|',
  '""',
  '"a""b"',
  '=cmd|',
  '0190a0b0-0000-7000-8000-000000000001',
  'id',
  'source',
  'target',
  'atlas_type',
  'organisation',
  'edge',
  'node',
  'data',
  'elements',
  'x'.repeat(5000),
];

type Op =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'cut'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'repeat'; at: number; length: number; times: number };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('cut' as const), at: position }),
  fc.record({
    op: fc.constant('insert' as const),
    at: position,
    text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })),
  }),
  fc.record({ op: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({
    op: fc.constant('repeat' as const),
    at: position,
    length: fc.integer({ min: 1, max: 80 }),
    times: fc.integer({ min: 2, max: 2000 }),
  }),
);

function apply(bytes: Buffer, ops: Op[]): Buffer {
  let b = bytes;
  for (const o of ops) {
    const at = Math.floor(o.at * b.length);
    if (o.op === 'flip') {
      if (!b.length) continue;
      b = Buffer.from(b);
      b[at] = b[at]! ^ (1 << o.bit);
    } else if (o.op === 'cut') b = b.subarray(0, at);
    else if (o.op === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(o.text), b.subarray(at)]);
    else if (o.op === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + o.length)]);
    else b = Buffer.concat([b.subarray(0, at), ...Array<Buffer>(o.times).fill(b.subarray(at, at + o.length)), b.subarray(at + o.length)]);
  }
  return b;
}

/** A seed of `kind` with a few byte-level mutations in one of its files. */
export function mutatedFile(bed: FuzzBed, kind: ImportKind): fc.Arbitrary<ImportCase> {
  const seeds = bed.seeds[kind];
  return fc
    .record({ seed: fc.nat({ max: seeds.length - 1 }), file: fc.nat(), ops: fc.array(op, { minLength: 1, maxLength: 5 }) })
    .map(({ seed, file, ops }) => {
      const base = seeds[seed]!;
      const which = file % base.files.length;
      return { kind, files: base.files.map((f, i) => (i === which ? { name: f.name, bytes: apply(f.bytes, ops) } : f)) };
    });
}

const TABLES = ['organisation', 'partnership', 'membership', 'event', 'participation', 'relation', 'source', 'citation', 'saved_view'];
const COLUMNS: Record<string, string[]> = {
  organisation: ['id', 'name', 'sector', 'country', 'tags', 'attributes', 'synthetic', 'created_at'],
  partnership: ['id', 'name', 'kind', 'start_date', 'end_date', 'focus_areas'],
  membership: ['id', 'partnership_id', 'organisation_id', 'role'],
  event: ['id', 'name', 'kind', 'start_date', 'participant_count'],
  participation: ['id', 'event_id', 'organisation_id', 'role'],
  relation: ['id', 'source_id', 'target_id', 'kind'],
  source: ['id', 'title', 'url'],
  citation: ['id', 'source_id', 'record_type', 'record_id'],
  saved_view: ['id', 'name', 'filters', 'positions', 'style'],
};
const VALUES: unknown[] = [
  null,
  '',
  'x',
  'not json',
  '[',
  '{}',
  '[]',
  '[1,[2]]',
  '{"__proto__":1}',
  '['.repeat(2000),
  0,
  -1,
  2 ** 53,
  1.5,
  Buffer.from([0, 1, 2]),
  'A'.repeat(100_000),
  'army',
  '2024-13-45',
  'XX',
];

type SqlEdit =
  | { edit: 'view' | 'trigger' | 'extra-table' | 'add-column' | 'drop-table' | 'drop-index'; table: string }
  | { edit: 'cell'; table: string; column: string; value: unknown }
  | { edit: 'delete-rows'; table: string }
  | { edit: 'duplicate-ids'; table: string }
  | { edit: 'version'; version: number };

const table = fc.constantFrom(...TABLES);
const sqlEdit: fc.Arbitrary<SqlEdit> = fc.oneof(
  fc.record({
    edit: fc.constantFrom(
      'view' as const,
      'trigger' as const,
      'extra-table' as const,
      'add-column' as const,
      'drop-table' as const,
      'drop-index' as const,
    ),
    table,
  }),
  table.chain((t) =>
    fc.record({
      edit: fc.constant('cell' as const),
      table: fc.constant(t),
      column: fc.constantFrom(...COLUMNS[t]!),
      value: fc.constantFrom(...VALUES),
    }),
  ),
  fc.record({ edit: fc.constant('delete-rows' as const), table }),
  fc.record({ edit: fc.constant('duplicate-ids' as const), table }),
  fc.record({ edit: fc.constant('version' as const), version: fc.integer({ min: -1, max: 5 }) }),
);

function applySql(db: Database.Database, e: SqlEdit): void {
  const run = (sql: string, ...args: unknown[]) => {
    try {
      db.prepare(sql).run(...args);
    } catch {
      // A change SQLite itself refuses is no change.
    }
  };
  if (e.edit === 'version') return void db.pragma(`user_version = ${e.version}`);
  const t = e.table;
  if (e.edit === 'view') {
    run(`DROP TABLE ${t}`);
    run(`CREATE VIEW ${t} AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT 'id' || n AS id FROM r`);
  } else if (e.edit === 'trigger') run(`CREATE TRIGGER t_${t} AFTER INSERT ON ${t} BEGIN SELECT 1; END`);
  else if (e.edit === 'extra-table') run(`CREATE TABLE extra_${t} (x)`);
  else if (e.edit === 'add-column') run(`ALTER TABLE ${t} ADD COLUMN extra TEXT`);
  else if (e.edit === 'drop-table') run(`DROP TABLE ${t}`);
  else if (e.edit === 'drop-index') {
    const index = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).pluck().get(t);
    if (index) run(`DROP INDEX "${String(index)}"`);
  } else if (e.edit === 'cell') run(`UPDATE ${t} SET ${e.column} = ? WHERE rowid = (SELECT min(rowid) FROM ${t})`, e.value);
  else if (e.edit === 'delete-rows') run(`DELETE FROM ${t} WHERE rowid % 2 = 0`);
  else run(`UPDATE ${t} SET id = (SELECT min(id) FROM ${t}) WHERE rowid = (SELECT max(rowid) FROM ${t})`);
}

/** The seed snapshot changed by a few SQL edits, then perhaps a few bytes too. */
export function tamperedSnapshot(bed: FuzzBed): fc.Arbitrary<ImportCase> {
  return fc
    .record({ edits: fc.array(sqlEdit, { minLength: 1, maxLength: 3 }), ops: fc.array(op, { maxLength: 2 }) })
    .map(({ edits, ops }) => {
      const bytes = bed.tamperSnapshot((db) => edits.forEach((e) => applySql(db, e)));
      return {
        kind: 'snapshot' as const,
        files: [
          {
            name: 'tampered.atlas',
            bytes: ops.length
              ? apply(
                  bytes,
                  ops.filter((o) => o.op === 'flip'),
                )
              : bytes,
          },
        ],
      };
    });
}

/** Any import input: one of the kinds, mutated. */
export function importCase(bed: FuzzBed): fc.Arbitrary<ImportCase> {
  return fc.oneof(
    mutatedFile(bed, 'gexf'),
    mutatedFile(bed, 'graphml'),
    mutatedFile(bed, 'cyjs'),
    mutatedFile(bed, 'csv'),
    mutatedFile(bed, 'csv-folder'),
    mutatedFile(bed, 'xlsx'),
    mutatedFile(bed, 'snapshot'),
    tamperedSnapshot(bed),
  );
}
