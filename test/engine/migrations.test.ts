// Migrations from an empty file, the copy aside, the refusal of newer files and of non-databases.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/engine/db/open';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/engine/db/migrations/index';
import { loadSeed } from '../../electron/engine/seed/seed';
import { RecordStore } from '../../electron/engine/store/records';
import { TABLES } from '../../electron/engine/store/tables';
import { Writer } from '../../electron/engine/store/writer';
import { RESOURCES, openEngine, tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('migrations', () => {
  it('every migration runs from an empty file, in WAL with foreign keys on', () => {
    const { db, migratedFrom, backupPath } = openDatabase(`${dir}/new.sqlite`, { resourcesDir: RESOURCES });
    expect(migratedFrom).toBe(0);
    expect(backupPath).toBeNull(); // nothing to keep from an empty file
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'change',
        'citation',
        'country',
        'event',
        'import_run',
        'membership',
        'organisation',
        'participation',
        'partnership',
        'relation',
        'saved_view',
        'source',
      ]),
    );
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    db.close();
  });

  it('ships every ISO 3166-1 country with its UN M49 region', () => {
    const { db } = openDatabase(`${dir}/c.sqlite`, { resourcesDir: RESOURCES });
    expect(db.prepare('SELECT count(*) FROM country').pluck().get()).toBe(249);
    const regions = db.prepare('SELECT DISTINCT region FROM country WHERE region IS NOT NULL ORDER BY 1').pluck().all();
    expect(regions).toEqual(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania']);
    expect(db.prepare(`SELECT region, sub_region, intermediate_region FROM country WHERE code = 'GH'`).get()).toEqual({
      region: 'Africa',
      sub_region: 'Sub-Saharan Africa',
      intermediate_region: 'Western Africa',
    });
    db.close();
  });

  it('opening again at the current version changes nothing', () => {
    openDatabase(`${dir}/same.sqlite`, { resourcesDir: RESOURCES }).db.close();
    const again = openDatabase(`${dir}/same.sqlite`, { resourcesDir: RESOURCES });
    expect(again.migratedFrom).toBe(SCHEMA_VERSION);
    expect(again.backupPath).toBeNull();
    again.db.close();
  });

  it('copies the file aside before a migration, and the copy opens at the old version', () => {
    const path = `${dir}/old.sqlite`;
    const first = openDatabase(path, { resourcesDir: RESOURCES, migrations: MIGRATIONS });
    first.db
      .prepare(`INSERT INTO organisation (id, name, sector, created_at, updated_at) VALUES ('x', 'Kept', 'other', 'now', 'now')`)
      .run();
    first.db.close();
    const next = [
      ...MIGRATIONS,
      { name: 'add a column', up: (db: Database.Database) => db.exec('ALTER TABLE organisation ADD COLUMN motto TEXT') },
    ];
    const second = openDatabase(path, { resourcesDir: RESOURCES, migrations: next });
    expect(second.migratedFrom).toBe(MIGRATIONS.length);
    expect(second.backupPath).toMatch(new RegExp(`old\\.sqlite\\.v${MIGRATIONS.length}-.*\\.bak$`));
    expect(second.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    second.db.close();
    const copy = new Database(second.backupPath!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(copy.prepare('SELECT name FROM organisation').pluck().all()).toEqual(['Kept']);
    copy.close();
  });

  it('migration 2 gives existing relations an empty attributes object', () => {
    const path = `${dir}/v1.sqlite`;
    const v1 = openDatabase(path, { resourcesDir: RESOURCES, migrations: MIGRATIONS.slice(0, 1) }).db;
    const stamp = `'2020-01-01'`;
    v1.exec(`INSERT INTO organisation (id, name, sector, created_at, updated_at) VALUES ('a', 'A', 'other', ${stamp}, ${stamp}), ('b', 'B', 'other', ${stamp}, ${stamp});
             INSERT INTO relation (id, source_id, target_id, type, created_at, updated_at) VALUES ('r', 'a', 'b', 'funds', ${stamp}, ${stamp});`);
    v1.close();
    const engine = openEngine(path);
    expect(engine.call('relation.get', { id: 'r' })).toMatchObject({ type: 'funds', attributes: {} });
    engine.close();
  });

  it("migration 3 keeps an older database's log as it was, and its imports then log by run", async () => {
    const path = `${dir}/v2.sqlite`;
    const v2 = openDatabase(path, { resourcesDir: RESOURCES, migrations: MIGRATIONS.slice(0, 2) }).db;
    const writer = new Writer(v2, 'old');
    loadSeed(RESOURCES, new RecordStore(v2, writer), writer); // logged row by row, as version 2 did
    const oldLog = v2.prepare('SELECT count(*) FROM change').pluck().get() as number;
    const csu = v2.prepare(`SELECT id FROM organisation WHERE acronym = 'CSU'`).pluck().get() as string;
    v2.close();

    const engine = openEngine(path);
    expect(engine.db.prepare(`SELECT count(*) FROM organisation WHERE created_seq IS NOT NULL`).pluck().get()).toBe(0);
    expect(engine.call('changes.list', { recordId: csu })).toMatchObject([{ op: 'create', actor: 'old', importId: expect.any(String) }]);
    const file = `${dir}/one.gexf`;
    writeFileSync(
      file,
      `<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a" label="New One"/><node id="b" label="New Two"/></nodes><edges><edge source="a" target="b"/></edges></graph></gexf>`,
    );
    const run = await engine.call('import.run', { path: file });
    const { first } = engine.db.prepare('SELECT first_seq AS first FROM import_run WHERE id = ?').get(run.importId) as { first: number };
    expect(first).toBeGreaterThan(oldLog);
    const created = engine.call('organisation.list', { text: 'New One' }).items[0]!;
    expect(engine.call('changes.list', { recordId: created.id })).toMatchObject([
      { op: 'create', importId: run.importId, after: { name: 'New One' } },
    ]);
    expect(engine.call('organisation.delete', { id: csu }).deleted).toBeGreaterThan(1);
    expect(engine.call('changes.list', { recordId: csu }).map((c) => c.op)).toEqual(['delete', 'create']);
    expect(engine.db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    engine.close();
  });

  it('migration 4 groups an older log into undoable actions: each import whole, the rest by transaction', () => {
    const path = `${dir}/v3.sqlite`;
    const v3 = openDatabase(path, { resourcesDir: RESOURCES, migrations: MIGRATIONS.slice(0, 3) }).db;
    const writer = new Writer(v3, 'old');
    const store = new RecordStore(v3, writer);
    loadSeed(RESOURCES, store, writer);
    const before = v3.prepare('SELECT count(*) FROM organisation').pluck().get() as number;
    writer.transaction(() => store.create(TABLES.organisation, { name: 'Later Lab', sector: 'academia' }));
    v3.close();

    const engine = openEngine(path);
    expect(engine.call('history.actions', {}).map((a) => [a.label, a.state])).toEqual([
      ['Change organisation', 'done'],
      ['Import Seed network', 'done'],
    ]);
    engine.call('history.undo', {});
    expect(engine.db.prepare('SELECT count(*) FROM organisation').pluck().get()).toBe(before);
    engine.call('history.undo', {});
    expect(engine.db.prepare('SELECT count(*) FROM organisation').pluck().get()).toBe(0);
    engine.call('history.redo', {});
    expect(engine.db.prepare('SELECT count(*) FROM organisation').pluck().get()).toBe(before);
    engine.close();
  });

  it('a failing migration rolls back whole and leaves the version as it was', () => {
    const path = `${dir}/fail.sqlite`;
    openDatabase(path, { resourcesDir: RESOURCES }).db.close();
    const broken = [
      ...MIGRATIONS,
      { name: 'half done', up: (db: Database.Database) => db.exec('CREATE TABLE half (x); SELECT * FROM missing_table') },
    ];
    expect(() => openDatabase(path, { resourcesDir: RESOURCES, migrations: broken })).toThrow(/missing_table/);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'half'`).pluck().get()).toBe(0);
    db.close();
  });

  it('a vocabulary change rebuilds its table as migrations/index.ts says, keeping every row and every reference to it', () => {
    const path = `${dir}/rebuild.sqlite`;
    const current = openDatabase(path, { resourcesDir: RESOURCES }).db;
    const writer = new Writer(current, 'old');
    loadSeed(RESOURCES, new RecordStore(current, writer), writer);
    const counts = (db: Database.Database) =>
      ['organisation', 'membership', 'participation', 'relation'].map((t) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get());
    const before = counts(current);
    current.close();
    // A real migration spells the definitions out from schema.sql; read here so the test follows the schema.
    const addSector = {
      name: 'philanthropy sector',
      up(db: Database.Database) {
        const table = db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'organisation'`).pluck().get() as string;
        const indexes = db
          .prepare(`SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'organisation' AND sql IS NOT NULL`)
          .pluck()
          .all() as string[];
        const columns = (db.prepare(`SELECT name FROM pragma_table_xinfo('organisation') WHERE hidden = 0`).pluck().all() as string[]).join(
          ', ',
        );
        const rebuilt = table
          .replace('CREATE TABLE organisation', 'CREATE TABLE organisation_new')
          .replace(`'other')`, `'other', 'philanthropy')`);
        expect(rebuilt).toContain(`'philanthropy'`);
        db.exec(rebuilt);
        db.exec(`INSERT INTO organisation_new (${columns}) SELECT ${columns} FROM organisation`);
        db.exec('DROP TABLE organisation; ALTER TABLE organisation_new RENAME TO organisation');
        for (const sql of indexes) db.exec(sql);
      },
    };
    const { db, migratedFrom, backupPath } = openDatabase(path, { resourcesDir: RESOURCES, migrations: [...MIGRATIONS, addSector] });
    expect(migratedFrom).toBe(SCHEMA_VERSION);
    expect(backupPath).not.toBeNull();
    expect(counts(db)).toEqual(before);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    expect(
      db
        .prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'organisation' AND sql IS NOT NULL ORDER BY 1`)
        .pluck()
        .all(),
    ).toEqual(['organisation_country', 'organisation_created', 'organisation_name', 'organisation_sector']);
    db.prepare(
      `INSERT INTO organisation (id, name, sector, created_at, updated_at) VALUES ('new', 'New', 'philanthropy', 'now', 'now')`,
    ).run();
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      db
        .prepare(
          `INSERT INTO membership (id, partnership_id, organisation_id, role, created_at, updated_at) VALUES ('m', 'none', 'new', 'member', 'now', 'now')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('a migration that leaves a reference to a missing row rolls back whole', () => {
    const path = `${dir}/dangling.sqlite`;
    openDatabase(path, { resourcesDir: RESOURCES }).db.close();
    const dangling = [
      ...MIGRATIONS,
      {
        name: 'dangling',
        up: (db: Database.Database) =>
          db.exec(
            `INSERT INTO relation (id, source_id, target_id, type, created_at, updated_at) VALUES ('r', 'gone', 'also-gone', 'funds', 'now', 'now')`,
          ),
      },
    ];
    expect(() => openDatabase(path, { resourcesDir: RESOURCES, migrations: dangling })).toThrow(/refer.* to missing rows/);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT count(*) FROM relation').pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a database written by a newer version, and leaves it untouched', () => {
    const path = `${dir}/newer.sqlite`;
    const db = new Database(path);
    db.exec('CREATE TABLE future (x)');
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    const bytes = readFileSync(path);
    expect(() => openEngine(path)).toThrow(
      expect.objectContaining({ code: 'newer_version', message: expect.stringMatching(/newer version of Stakeholder Atlas/) }),
    );
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['newer.sqlite']);
  });

  it('refuses a file that is not a database', () => {
    const path = `${dir}/notes.sqlite`;
    writeFileSync(path, 'these are my meeting notes, not a database '.repeat(100));
    expect(() => openEngine(path)).toThrow(expect.objectContaining({ code: 'validation', message: expect.stringMatching(/not SQLite/) }));
    expect(readFileSync(path, 'utf8').startsWith('these are my meeting notes')).toBe(true);
  });
});

describe('database paths', () => {
  // /proc exists only on Linux; elsewhere there is no folder where mkdir fails this way.
  it.runIf(process.platform === 'linux')('refuses a folder that cannot be created, at once', () => {
    expect(() => openEngine('/proc/no-such-folder/atlas.sqlite')).toThrow(
      expect.objectContaining({ code: 'validation', message: expect.stringMatching(/Cannot create the folder/) }),
    );
  });
});
