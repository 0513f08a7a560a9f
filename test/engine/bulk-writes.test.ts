// What large writes leave on disk and what they check. The write-ahead log is copied back into
// the database file by a worker of its own (db/checkpointer.ts), not in the commit that made it
// long; a new network has 16 KB pages while a snapshot and an existing file keep 4 KB; an import
// checks the references its rows make once per distinct key, with SQLite's per-row check off,
// and refuses one that names a missing record with nothing landed.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../electron/engine/client';
import { LOG_BYTES } from '../../electron/engine/db/checkpointer';
import { Engine } from '../../electron/engine/engine';
import { writeImported } from '../../electron/engine/interchange/import/importer';
import { TABLES } from '../../electron/engine/store/tables';
import { generatedExport, RESOURCES } from './helpers';

const workerFile = resolve(__dirname, '../../out/main/engine-worker.cjs');
let dir: string;
let big: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-bulk-'));
  big = await generatedExport(dir, 'gexf', 8000, 3);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);

async function until(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  const end = performance.now() + ms;
  while (!ok()) {
    if (performance.now() > end) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function counts(path: string): { organisations: number; relations: number; integrity: string; missing: unknown[] } {
  const db = new Database(path, { readonly: true });
  try {
    return {
      organisations: db.prepare('SELECT count(*) FROM organisation').pluck().get() as number,
      relations: db.prepare('SELECT count(*) FROM relation').pluck().get() as number,
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      missing: db.pragma('foreign_key_check') as unknown[],
    };
  } finally {
    db.close();
  }
}

describe('the write-ahead log', () => {
  it('is copied back off the engine, shortened at the next write, and gone once the network closes', async () => {
    const dbPath = join(dir, 'log.sqlite');
    const engine = new Engine({ dbPath, resourcesDir: RESOURCES, actor: 'test' });
    expect(engine.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = size(dbPath);
    await engine.call('import.run', { path: big });
    expect(size(`${dbPath}-wal`)).toBeGreaterThan(LOG_BYTES);
    // The engine's connection never checkpoints, so only the worker can have grown the file.
    await until('the copy into the database file', () => size(dbPath) > before + LOG_BYTES);
    const landed = counts(dbPath);
    expect(landed.relations).toBeGreaterThan(1000);
    // The log starts again from its beginning at the next write, cut back to LOG_BYTES.
    await until('the copy to finish', () => {
      engine.call('organisation.create', { name: `Probe ${performance.now()}`, sector: 'academia' });
      return size(`${dbPath}-wal`) <= LOG_BYTES;
    });
    engine.close();
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
    expect(counts(dbPath)).toMatchObject({ organisations: landed.organisations + 1, integrity: 'ok', missing: [] });
  }, 60_000);

  it('is copied back by the engine worker the app runs, and no log is left once it closes', async () => {
    const dbPath = join(dir, 'worker.sqlite');
    const client = new EngineClient(workerFile, { dbPath, resourcesDir: RESOURCES, seedIfEmpty: false });
    await client.ready;
    const before = size(dbPath);
    expect((await client.call('import.run', { path: big })).ok).toBe(true);
    await client.close();
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
    expect(size(dbPath)).toBeGreaterThan(before + LOG_BYTES);
    expect(counts(dbPath)).toMatchObject({ organisations: 8000, integrity: 'ok', missing: [] });
  }, 60_000);
});

describe('pages', () => {
  it('are 16 KB in a new network, 4 KB in a snapshot, and an existing file keeps its 4 KB and imports as before', async () => {
    const fresh = join(dir, 'fresh.sqlite');
    const snapshot = join(dir, 'handed-over.atlas');
    {
      const engine = new Engine({ dbPath: fresh, resourcesDir: RESOURCES, actor: 'test' });
      engine.seed();
      await engine.call('export.run', { format: 'snapshot', path: snapshot });
      engine.close();
    }
    const old = join(dir, 'old.sqlite');
    {
      const engine = new Engine({ dbPath: old, resourcesDir: RESOURCES, actor: 'test' });
      engine.close();
      const db = new Database(old);
      db.pragma('journal_mode = DELETE');
      db.pragma('page_size = 4096');
      db.exec('VACUUM');
      db.pragma('journal_mode = WAL');
      db.close();
    }
    const pageSize = (path: string) => {
      const db = new Database(path, { readonly: true });
      try {
        return db.pragma('page_size', { simple: true });
      } finally {
        db.close();
      }
    };
    expect(pageSize(fresh)).toBe(16384);
    // A snapshot handed to someone stays as small as SQLite's 4 KB pages make it.
    expect(pageSize(snapshot)).toBe(4096);
    expect(pageSize(old)).toBe(4096);
    const engine = new Engine({ dbPath: old, resourcesDir: RESOURCES, actor: 'test' });
    await engine.call('import.run', { path: big });
    engine.close();
    expect(pageSize(old)).toBe(4096);
    expect(counts(old)).toMatchObject({ organisations: 8000, integrity: 'ok', missing: [] });
  }, 60_000);
});

describe('references an import makes', () => {
  it('are checked by the import, with SQLite checking each row again once it is done', async () => {
    const dbPath = join(dir, 'refs.sqlite');
    const engine = new Engine({ dbPath, resourcesDir: RESOURCES, actor: 'test' });
    await engine.call('import.run', { path: big });
    expect(engine.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(engine.db.pragma('foreign_key_check')).toEqual([]);
    engine.close();
  }, 60_000);

  it('refuse an import whose rows name a missing organisation or country, and nothing lands', () => {
    const dbPath = join(dir, 'refused.sqlite');
    const engine = new Engine({ dbPath, resourcesDir: RESOURCES, actor: 'test' });
    const a = engine.call('organisation.create', { name: 'Ministère de l’Intérieur', sector: 'government', country: 'FR' });
    const landed = () => counts(dbPath);
    const start = landed();
    const attempt = (relationTo: string, country: string) =>
      engine.writer.runImport(
        { label: 'Import of broken.gexf', format: 'gexf', file: 'broken.gexf' },
        () => {
          const source = engine.store.create(TABLES.source, { title: 'broken.gexf' });
          const b = engine.store.complete(TABLES.organisation, { name: 'Министерство цифрового развития', sector: 'government', country });
          const r = engine.store.complete(TABLES.relation, {
            sourceId: a.id,
            targetId: relationTo === 'b' ? b.id : relationTo,
            type: 'other',
          });
          const batch = (records: Record<string, unknown>[]) => ({
            length: records.length,
            slice: (from: number, to: number) => records.slice(from, to) as never,
          });
          writeImported(
            engine.writer,
            engine.work,
            {
              batches: [
                [TABLES.organisation, batch([b]), true],
                [TABLES.relation, batch([r]), true],
              ],
              merged: [],
            },
            source.id,
          ).check(engine.db);
        },
        { checksReferences: true },
      );
    expect(() => attempt('01a236be-0000-7000-8000-000000000000', 'RU')).toThrow(
      "The import refers to a record that does not exist: no organisation has ID '01a236be-0000-7000-8000-000000000000'",
    );
    expect(() => attempt('b', 'XX')).toThrow("no country has the code 'XX'");
    expect(engine.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(landed()).toEqual(start);
    attempt('b', 'RU');
    expect(landed()).toMatchObject({ organisations: start.organisations + 1, relations: start.relations + 1, missing: [] });
    engine.close();
  });
});
