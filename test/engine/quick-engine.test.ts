// The second, read-only engine (electron/engine/quick.ts) through the real EngineClient and the
// built worker bundle: the calls the window needs to stay usable (`meta.info`, the facets, the
// whole network's aggregated view) answer while the engine is busy with a long call, and they
// answer exactly what the engine would, from the summary kept beside the database, which follows
// every write (and is not used while it is behind).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../electron/engine/client';
import { Engine } from '../../electron/engine/engine';
import { summaryFileOf } from '../../electron/engine/graph/summary';
import { findResourcesDir } from '../../electron/engine/paths';
import { decodeSlice } from '../../shared/slice-wire';
import type { CallResult } from '../../shared/errors';
import type { Slice } from '../../shared/schemas';

const workerFile = resolve(__dirname, '../../out/main/engine-worker.cjs');
const resourcesDir = findResourcesDir();
let dir: string;
let dbPath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-quick-'));
  dbPath = join(dir, 'network.sqlite');
  const e = new Engine({ dbPath, resourcesDir, actor: 'test' });
  e.generate({ organisations: 8000, seed: 21 });
  e.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const value = <T>(r: CallResult<unknown>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
};
const slice = (r: CallResult<unknown>): Slice => decodeSlice(value(r));
const AGG = { aggregate: { above: 5000, by: 'region' as const } };

async function until(test: () => boolean, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (test()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('never happened');
}

/** Resolves with the answer and when it came. */
const timed = async <T>(p: Promise<T>): Promise<{ r: T; at: number }> => ({ r: await p, at: performance.now() });

describe('the quick engine', () => {
  it('answers meta.info, the facets and the aggregated view while the engine runs a long call', async () => {
    const client = new EngineClient(workerFile, { dbPath, resourcesDir, seedIfEmpty: false });
    try {
      await client.ready;
      // The engine's own answers, and the summary it writes once it has a moment's rest.
      const facets = value(await client.call('graph.facets', {}));
      const aggregated = slice(await client.call('graph.slice', AGG));
      await until(() => existsSync(summaryFileOf(dbPath)));
      await new Promise((r) => setTimeout(r, 500));

      const t0 = performance.now();
      const long = timed(client.call('graph.metrics', {}));
      await new Promise((r) => setTimeout(r, 50)); // the engine is now inside the long call
      const info = await timed(client.call('meta.info', {}));
      const f = await timed(client.call('graph.facets', {}));
      const s = await timed(client.call('graph.slice', AGG));
      const done = await long;
      value(done.r);
      // Each answered while the long call still ran, within a bound the window can live with.
      for (const quick of [info, f, s]) {
        expect(quick.at).toBeLessThan(done.at);
        expect(quick.at - t0).toBeLessThan(1500);
      }
      expect(done.at - t0).toBeGreaterThan(info.at - t0);
      expect(value<{ organisations: number }>(info.r).organisations).toBe(8000);
      expect(value(f.r)).toEqual(facets);
      expect(slice(s.r)).toEqual(aggregated);
    } finally {
      await client.close();
    }
  }, 120_000);

  it('answers what the engine would after writes, and leaves to the engine what its summary cannot say', async () => {
    const client = new EngineClient(workerFile, { dbPath, resourcesDir, seedIfEmpty: false });
    const direct = () => new Engine({ dbPath, resourcesDir, actor: 'test' });
    try {
      await client.ready;
      await client.call('graph.slice', AGG);
      const org = value<{ id: string }>(
        await client.call('organisation.create', { name: 'Agence nationale de la sécurité', sector: 'government', country: 'SN' }),
      );
      const other = value<{ items: { id: string }[] }>(await client.call('organisation.list', { limit: 2 })).items[1]!;
      await client.call('relation.create', { sourceId: org.id, targetId: other.id, type: 'funds' });
      // Right after the write the summary is behind: the engine answers, with the write in it.
      const now = slice(await client.call('graph.slice', AGG));
      expect(now.counts.organisations.total).toBe(8001);
      // Once the summary follows, the quick engine's answers equal a fresh engine's.
      await new Promise((r) => setTimeout(r, 800));
      const fresh = direct();
      try {
        for (const by of ['region', 'subRegion', 'country'] as const) {
          const input = { aggregate: { above: 5000, by }, view: 'organisations' as const };
          expect(slice(await client.call('graph.slice', input))).toEqual(fresh.call('graph.slice', input));
        }
        expect(value(await client.call('graph.facets', {}))).toEqual(fresh.call('graph.facets', {}));
        expect(value(await client.call('meta.info', {}))).toEqual(fresh.call('meta.info', {}));
        // A filtered slice needs the index: the engine answers it.
        const africa = { filters: { regions: ['Africa'] }, ...AGG };
        expect(slice(await client.call('graph.slice', africa))).toEqual(fresh.call('graph.slice', africa));
      } finally {
        fresh.close();
      }
    } finally {
      await client.close();
    }
  }, 120_000);
});
