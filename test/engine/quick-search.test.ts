// The search box during an open: the second, read-only engine (electron/engine/quick.ts) answers
// `search.query` without the graph index, from the kept index's file when it is current and from
// SQLite when it is not, with exactly the hits, order and totals the engine's own index gives, on
// names in Arabic, Chinese, Japanese, Russian, Greek, Hindi, French, Spanish and Portuguese (a
// Gephi file, test/fixtures/gexf/names-in-every-script.gexf), the seed network and a generated one.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../electron/engine/client';
import { Engine } from '../../electron/engine/engine';
import { indexFileOf, readSearchColumns } from '../../electron/engine/graph/persisted';
import { findResourcesDir } from '../../electron/engine/paths';
import { QuickEngine } from '../../electron/engine/quick';
import type { CallResult } from '../../shared/errors';

const workerFile = resolve(__dirname, '../../out/main/engine-worker.cjs');
const resourcesDir = findResourcesDir();
const SCRIPTS = resolve(__dirname, '../fixtures/gexf/names-in-every-script.gexf');
let dir: string;
let dbPath: string;

const QUERIES = [
  'المنظمة',
  'حقوق الإنسان',
  '中国',
  '网络',
  'サイバー',
  'касперск',
  'ЛАБОРАТОРИЯ',
  'κυβερνοασφάλειας',
  'भारत',
  'securite',
  'SÉCURITÉ des systèmes',
  'espanola',
  'Información',
  'getulio',
  'd’information',
  'cert',
  'lab',
  'a',
  'e',
  'government organisation 00',
  'SYN0001',
];
const TYPES = [undefined, ['organisation'], ['partnership', 'event']] as const;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-quick-search-'));
  dbPath = join(dir, 'network.sqlite');
  const e = new Engine({ dbPath, resourcesDir, actor: 'test' });
  e.seedIfEmpty();
  await e.call('import.run', { path: SCRIPTS });
  e.generate({ organisations: 1500, seed: 5 });
  e.call('organisation.create', {
    name: 'Policía Nacional – Unidad Central de Ciberdelincuencia',
    acronym: 'UCC',
    sector: 'government',
    country: 'ES',
  });
  e.call('organisation.create', { name: 'Agence nationale de la sécurité', acronym: 'ANS', sector: 'government', country: 'SN' });
  e.call('organisation.create', { name: 'Œuvre sans frontières', acronym: null, sector: 'civil_society', country: null });
  e.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The engine's answers (its graph index) to every query, each type choice and two limits. */
function engineAnswers(from: 'database' | 'file'): unknown[] {
  const e = new Engine({ dbPath, resourcesDir, actor: 'test' });
  try {
    e.call('meta.info', {});
    expect(e.graph.index() && e.graph.builtFrom).toBe(from);
    return QUERIES.flatMap((text) =>
      TYPES.flatMap((types) => [5, 50].map((limit) => e.call('search.query', { text, limit, ...(types ? { types: [...types] } : {}) }))),
    );
  } finally {
    e.close(); // writes the kept index beside the database
  }
}

function quickAnswers(): unknown[] {
  const q = new QuickEngine({ dbPath });
  try {
    return QUERIES.flatMap((text) =>
      TYPES.flatMap((types) =>
        [5, 50].map((limit) => q.call('search.query', { text, limit, ...(types ? { types: [...types] } : {}) })?.value),
      ),
    );
  } finally {
    q.close();
  }
}

describe('search without the graph index', () => {
  it('finds what the engine finds, in the same order, from SQLite and from the kept index', () => {
    rmSync(indexFileOf(dbPath), { force: true });
    const fromSqlite = quickAnswers();
    const expected = engineAnswers('database');
    // An engine that reads the kept index reads the search order kept in it too, and finds the same.
    expect(engineAnswers('file')).toEqual(expected);
    // The file the engine kept is current, so the quick engine reads its records, folded and in name order, from there.
    expect(existsSync(indexFileOf(dbPath))).toBe(true);
    const db = new Database(dbPath, { readonly: true });
    const version = db.prepare('SELECT max(seq) FROM change').pluck().get() as number;
    const kept = readSearchColumns(indexFileOf(dbPath), db, version);
    expect(kept?.orgs.id.length).toBeGreaterThan(1500);
    expect(kept?.order?.hay.length).toBe(kept!.orgs.id.length + kept!.connectors.id.length);
    db.close();
    const fromFile = quickAnswers();
    expect(fromSqlite).toEqual(expected);
    expect(fromFile).toEqual(expected);
    // The queries reach across scripts and folds, not just the generated names.
    const names = (i: number) => (expected[i] as { hits: { name: string }[] }).hits.map((h) => h.name);
    const at = (text: string) => QUERIES.indexOf(text) * TYPES.length * 2 + 1;
    expect(names(at('المنظمة'))).toContain('المنظمة العربية لحقوق الإنسان');
    expect(names(at('ЛАБОРАТОРИЯ'))).toContain('Лаборатория Касперского');
    expect(names(at('securite'))).toContain('Agence nationale de la sécurité');
    expect(names(at('espanola'))).toContain('Asociación Española para el Fomento de la Seguridad de la Información');
    expect(names(at('中国'))).toEqual(expect.arrayContaining(['中国互联网络信息中心', '中国网络空间安全协会']));
  }, 120_000);

  it('reads a kept index a few writes behind, then follows the log to the present', () => {
    const path = join(dir, 'behind.sqlite');
    let e = new Engine({ dbPath: path, resourcesDir, actor: 'test' });
    e.generate({ organisations: 200, seed: 9 });
    e.call('organisation.create', { id: 'K', name: 'Лаборатория Касперского', sector: 'private_sector', country: 'RU' });
    e.graph.index();
    e.close(); // the kept index, current
    // Writes made without the index loaded (the command line's, say): the file stays where it was.
    e = new Engine({ dbPath: path, resourcesDir, actor: 'test' });
    e.call('organisation.update', { id: 'K', patch: { name: 'Kaspersky Lab' } });
    e.call('partnership.create', { name: 'Réseau francophone de cybersécurité', kind: 'network' });
    e.close();
    const db = new Database(path, { readonly: true });
    const version = db.prepare('SELECT max(seq) FROM change').pluck().get() as number;
    const kept = readSearchColumns(indexFileOf(path), db, version);
    db.close();
    expect(kept?.version).toBe(version - 2);
    expect(kept?.order).not.toBeNull();
    const q = new QuickEngine({ dbPath: path });
    try {
      const names = (text: string) => (q.call('search.query', { text })!.value as { hits: { name: string }[] }).hits.map((h) => h.name);
      expect(names('kaspersky')).toEqual(['Kaspersky Lab']);
      expect(names('касперск')).toEqual([]);
      expect(names('reseau francophone')).toEqual(['Réseau francophone de cybersécurité']);
    } finally {
      q.close();
    }
  });

  it('follows the log from the place it read, and reads again when a restored backup rewrote that place', async () => {
    const path = join(dir, 'restored.sqlite');
    const e = new Engine({ dbPath: path, resourcesDir, actor: 'test' });
    const q = new QuickEngine({ dbPath: path });
    const names = (text: string) => (q.call('search.query', { text })!.value as { hits: { name: string }[] }).hits.map((h) => h.name);
    try {
      e.call('organisation.create', { id: 'K', name: 'Лаборатория Касперского', sector: 'private_sector', country: 'RU' });
      e.call('organisation.create', { id: 'C', name: '中国网络空间安全协会', sector: 'civil_society', country: 'CN' });
      const backup = await e.call('backup.create', {});
      e.call('organisation.update', { id: 'K', patch: { name: 'Kaspersky Lab' } });
      expect(names('kaspersky')).toEqual(['Kaspersky Lab']);
      expect(names('касперск')).toEqual([]);
      // Back to before the rename, then another write takes the log's same place with another record.
      await e.call('backup.restore', { name: backup.name });
      e.call('organisation.update', { id: 'C', patch: { name: 'Cyber Security Association of China' } });
      expect(names('kaspersky')).toEqual([]);
      expect(names('касперск')).toEqual(['Лаборатория Касперского']);
      expect(names('association of china')).toEqual(['Cyber Security Association of China']);
    } finally {
      q.close();
      e.close();
    }
  });

  it('answers through the engine host while the engine is busy, and follows a rename', async () => {
    const client = new EngineClient(workerFile, { dbPath, resourcesDir, seedIfEmpty: false });
    const value = <T>(r: CallResult<unknown>): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    };
    try {
      await client.ready;
      const t0 = performance.now();
      let longDone = 0;
      const long = client.call('graph.metrics', {}).then((r) => ((longDone = performance.now()), r));
      await new Promise((r) => setTimeout(r, 50));
      const found = value<{ hits: { id: string; name: string }[] }>(await client.call('search.query', { text: 'касперск' }));
      const answered = performance.now();
      value(await long);
      expect(answered).toBeLessThan(longDone);
      expect(answered - t0).toBeLessThan(3000);
      expect(found.hits.map((h) => h.name)).toContain('Лаборатория Касперского');
      // A rename moves the log: the next search reads the records again and finds the new name.
      const id = found.hits.find((h) => h.name === 'Лаборатория Касперского')!.id;
      value(await client.call('organisation.update', { id, patch: { name: 'Лаборатория Касперского (Москва)' } }));
      const again = value<{ hits: { name: string }[] }>(await client.call('search.query', { text: 'москва' }));
      expect(again.hits.map((h) => h.name)).toEqual(['Лаборатория Касперского (Москва)']);
    } finally {
      await client.close();
    }
  }, 120_000);
});
