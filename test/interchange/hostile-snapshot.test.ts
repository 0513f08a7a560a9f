// Snapshots come from other laptops: a file whose schema would run code when read (a recursive
// view in place of a table, a trigger), or that is damaged, is refused before a row is read, with
// a message naming the file and what is wrong, and the database is byte for byte as it was.
import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import { useEngines } from './helpers';

const { dir, open } = useEngines();

/** A real snapshot of the seed network, then changed by `edit` as a stranger might. */
async function tampered(name: string, edit: (db: Database.Database) => void): Promise<string> {
  const source = open(`source-${name}`);
  source.seed();
  const path = `${dir()}/${name}.atlas`;
  await source.call('export.run', { format: 'snapshot', path });
  const db = new Database(path);
  // A stranger's writer keeps none of our rules.
  db.pragma('foreign_keys = OFF');
  db.pragma('ignore_check_constraints = ON');
  edit(db);
  db.close();
  return path;
}

/** Rows forever, in the columns an organisation has: reading it never ends. */
const RECURSIVE_VIEW = `CREATE VIEW organisation AS
  WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)
  SELECT 'org-' || n AS id, 'Name ' || n AS name, NULL AS acronym, 'other' AS sector, NULL AS country, NULL AS city,
         NULL AS website, NULL AS description, '[]' AS tags, 0 AS synthetic, '2024-01-01' AS created_at,
         '2024-01-01' AS updated_at, NULL AS created_seq FROM r`;

async function expectRefused(target: Engine, path: string, message: RegExp) {
  const before = readFileSync(`${dir()}/target.sqlite`);
  const started = Date.now();
  for (const call of ['import.preview', 'import.run'] as const) {
    await expect(target.call(call, { path })).rejects.toMatchObject({ code: 'validation', message });
  }
  expect(() => target.call('snapshot.view', { path })).toThrow(message);
  expect(Date.now() - started).toBeLessThan(5000);
  expect(readFileSync(`${dir()}/target.sqlite`).equals(before)).toBe(true);
}

describe('a hostile snapshot', () => {
  it('with a recursive view in place of organisation is refused before a row is read', async () => {
    const path = await tampered('recursive', (db) => {
      db.exec('DROP TABLE organisation');
      db.exec(RECURSIVE_VIEW);
    });
    const target = open('target');
    target.seed();
    target.db.pragma('wal_checkpoint(TRUNCATE)');
    await expectRefused(target, path, /recursive\.atlas.*a view named 'organisation'/);
    expect(target.call('stats.get', {}).organisations).toBe(7);
  });

  it('with a trigger, an extra table or a table defined otherwise is refused', async () => {
    const target = open('target');
    target.seed();
    target.db.pragma('wal_checkpoint(TRUNCATE)');
    const trigger = await tampered('trigger', (db) => db.exec(`CREATE TRIGGER t AFTER INSERT ON source BEGIN SELECT 1; END`));
    await expectRefused(target, trigger, /trigger\.atlas.*a trigger named 't'/);
    const extra = await tampered('extra', (db) => db.exec('CREATE TABLE payload (x)'));
    await expectRefused(target, extra, /extra\.atlas.*a table 'payload' that a snapshot does not have/);
    const redefined = await tampered('redefined', (db) => {
      db.exec('ALTER TABLE organisation ADD COLUMN shadow TEXT');
    });
    await expectRefused(target, redefined, /redefined\.atlas.*table 'organisation' is not defined as Stakeholder Atlas defines it/);
  });
});

describe('a damaged snapshot', () => {
  it('names the file and the problem: a missing table, bad JSON, a truncated file, no Atlas schema', async () => {
    const target = open('target');
    target.seed();
    target.db.pragma('wal_checkpoint(TRUNCATE)');
    const missing = await tampered('missing', (db) => db.exec('DROP TABLE organisation'));
    await expectRefused(target, missing, /missing\.atlas.*has no 'organisation' table/);
    const json = await tampered('json', (db) => db.exec(`UPDATE organisation SET tags = 'oops, not JSON'`));
    await expectRefused(target, json, /json\.atlas.*organisation row .* tags/);
    const deep = await tampered('deep', (db) =>
      db.prepare(`UPDATE organisation SET tags = ?`).run('['.repeat(100_000) + ']'.repeat(100_000)),
    );
    await expectRefused(target, deep, /deep\.atlas.*organisation row .* tags/);
    const truncated = `${dir()}/truncated.atlas`;
    copyFileSync(await tampered('whole', () => {}), truncated);
    truncateSync(truncated, 8192);
    await expectRefused(target, truncated, /truncated\.atlas (was refused as a snapshot|cannot).*(damaged|has no)/);
    const foreign = `${dir()}/foreign.atlas`;
    const other = new Database(foreign);
    other.exec('CREATE TABLE organisation (id, name)');
    other.close();
    await expectRefused(target, foreign, /foreign\.atlas.*not one Stakeholder Atlas wrote/);
    writeFileSync(`${dir()}/text.atlas`, 'organisation,name\n1,x\n');
    await expect(target.call('import.run', { path: `${dir()}/text.atlas`, format: 'snapshot' })).rejects.toMatchObject({
      message: /text\.atlas is not a snapshot/,
    });
  });

  it('a clean snapshot still imports', async () => {
    const path = await tampered('clean', () => {});
    const target = open('target');
    const summary = await target.call('import.run', { path });
    expect(summary.records.organisations).toMatchObject({ create: 7 });
  });
});
