// Progress and cancelling through the real engine worker (the built bundle the app runs): an
// import reports its phases, a cancel stops it at its next batch without restarting the worker,
// the database is as it was, and a call past its commit point is never reported as cancelled.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../electron/engine/client';
import { generatedExport } from './helpers';
import { findResourcesDir } from '../../electron/engine/paths';
import { Writer } from '../../electron/engine/store/writer';
import { WORK_PHASES } from '../../shared/domain';
import { WorkControl, WorkWatch, type Progress } from '../../electron/engine/work';

const workerFile = resolve(__dirname, '../../out/main/engine-worker.cjs');
const resourcesDir = findResourcesDir();
let dir: string;
let big: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-cancel-'));
  big = await generatedExport(dir, 'graphml', 6000, 5);
  // Generating and exporting 6,000 organisations takes a second or two, far more on a loaded machine.
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const organisations = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM organisation').pluck().get() as number;
  } finally {
    db.close();
  }
};

/** Polls the client's progress until `until` holds; returns every distinct report seen. */
async function watchProgress(client: EngineClient, until: (p: Progress) => boolean): Promise<Progress[]> {
  const seen: Progress[] = [];
  for (let i = 0; i < 2000; i++) {
    const p = client.progress();
    if (p && JSON.stringify(p) !== JSON.stringify(seen.at(-1))) seen.push(p);
    if (p && until(p)) return seen;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`progress never got there: ${JSON.stringify(seen.slice(-3))}`);
}

describe('progress and cancel through the worker', () => {
  it('reports an import phase by phase and lands it whole', async () => {
    const dbPath = join(dir, 'progress.sqlite');
    const client = new EngineClient(workerFile, { dbPath, resourcesDir, seedIfEmpty: false });
    await client.ready;
    const running = client.call('import.run', { path: big });
    const seen = await watchProgress(client, (p) => p.phase === 'finishing');
    const result = await running;
    expect(result.ok).toBe(true);
    // An import may first wait for the graph index ('preparing', which a poll sees only when it is
    // slow enough); the import's own phases follow in their order.
    const phases = [...new Set(seen.map((p) => p.phase))].filter((p, i) => p !== 'preparing' || i > 0);
    expect(phases).toEqual(WORK_PHASES.filter((p) => phases.includes(p) && p !== 'preparing'));
    expect(phases).toContain('writing');
    const reading = seen.filter((p) => p.phase === 'reading' && p.total > 0);
    expect(reading.length).toBeGreaterThan(0); // the XML scan tells how far through the file it is
    const writing = seen.filter((p) => p.phase === 'writing');
    expect(writing.at(-1)!.done).toBeGreaterThan(writing[0]!.done);
    expect(writing.every((p) => p.done <= p.total && p.total > 6000)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(client.progress()).toBeNull();
    await client.close();
    expect(organisations(dbPath)).toBe(6000);
  }, 60_000);

  it('stops an import at its next batch, leaving the database as it was and the worker running', async () => {
    const dbPath = join(dir, 'cancel.sqlite');
    const client = new EngineClient(workerFile, { dbPath, resourcesDir, seedIfEmpty: false });
    await client.ready;
    const running = client.call('import.run', { path: big });
    await watchProgress(client, (p) => p.phase === 'writing' && p.done > 0);
    const started = performance.now();
    expect(await client.cancel()).toBe(true);
    // Well inside the grace period after which the worker would be terminated instead.
    expect(performance.now() - started).toBeLessThan(1500);
    expect(await running).toEqual({ ok: false, error: { code: 'cancelled', message: 'Cancelled; nothing was changed' } });
    // The same worker answers the next call.
    expect(await client.call('stats.get', {})).toMatchObject({ ok: true, value: { organisations: 0 } });
    expect(await client.cancel()).toBe(false); // nothing left to cancel
    // Files staged from the window are the host's, and go with it.
    const staged = await client.call('file.stage', { name: 'a.csv', dataBase64: Buffer.from('name\nX\n').toString('base64') });
    const stagedPath = (staged as { ok: true; value: { path: string } }).value.path;
    expect(existsSync(stagedPath)).toBe(true);
    await client.close();
    expect(existsSync(stagedPath)).toBe(false);
    expect(organisations(dbPath)).toBe(0);
  }, 60_000);
});

describe('the commit point', () => {
  it('lets whichever side comes first win, and never both lose', () => {
    const control = new WorkControl();
    const watch = new WorkWatch(control.buffer);
    // Cancelled before the commit point: the transaction must not commit.
    control.begin(1);
    expect(watch.cancelUpTo(1)).toBe(0);
    expect(() => control.commitPoint()).toThrow(/Cancelled/);
    control.end();
    // Past the commit point first: the host learns the call is committing and must not stop it.
    control.begin(2);
    control.commitPoint();
    expect(watch.cancelUpTo(2)).toBe(2);
    control.end();
    // A later call is not touched by an earlier cancel.
    control.begin(3);
    expect(() => control.checkpoint()).not.toThrow();
    control.end();
  });

  it('rolls a cancelled transaction back in SQLite', () => {
    const db = new Database(':memory:');
    db.exec(
      'CREATE TABLE change (seq INTEGER PRIMARY KEY, at, actor, import_id, record_type, record_id, op, before, after); CREATE TABLE t (x)',
    );
    const control = new WorkControl();
    const writer = new Writer(db, 'test', control);
    control.begin(7);
    new WorkWatch(control.buffer).cancelUpTo(7);
    expect(() => writer.transaction(() => db.exec('INSERT INTO t VALUES (1)'))).toThrow(/Cancelled/);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0);
    db.close();
  });
});
