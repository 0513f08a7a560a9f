// The relay both hosts share (electron/host/relay.ts), over the real engine worker (the built
// bundle the app runs): calls are checked against the contract before the worker sees them,
// work.cancel and work.progress are answered while the engine is busy, and a slice's columns are
// spliced into the JSON answer rather than quoted.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../electron/engine/client';
import { Engine } from '../../electron/engine/engine';
import { findResourcesDir } from '../../electron/engine/paths';
import type { Progress } from '../../electron/engine/work';
import { answerJson, relayCall, type EngineLink } from '../../electron/host/relay';
import type { CallResult } from '../../shared/errors';
import { decodeSlice, isSliceWire } from '../../shared/slice-wire';

const workerFile = resolve(__dirname, '../../out/main/engine-worker.cjs');
const resourcesDir = findResourcesDir();
let dir: string;
let client: EngineClient;
/** The real client, counting what reaches it: what the relay refuses or answers itself must not. */
const forwarded: string[] = [];
let engine: EngineLink;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-relay-'));
  client = new EngineClient(workerFile, { dbPath: join(dir, 'atlas.sqlite'), resourcesDir, seedIfEmpty: true });
  await client.ready;
  engine = {
    call: (name, input) => (forwarded.push(name), client.call(name, input)),
    cancel: () => client.cancel(),
    progress: () => client.progress(),
    isStaged: (path) => client.isStaged(path),
  };
});

afterAll(async () => {
  await client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the relay', () => {
  it('forwards a valid call to the engine and hands back its answer', async () => {
    expect(await relayCall(engine, 'stats.get', {})).toMatchObject({ ok: true, value: { organisations: 7, ties: 8 } });
    expect(await relayCall(engine, 'organisation.get', { id: 'no-such-id' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(forwarded).toEqual(['stats.get', 'organisation.get']);
  });

  it('refuses unknown calls and invalid input before the worker sees them', async () => {
    forwarded.length = 0;
    expect(await relayCall(engine, 'db.drop', {})).toEqual({
      ok: false,
      error: { code: 'validation', message: "There is no call named 'db.drop'" },
    });
    for (const bad of [42, { name: '' }, { name: 'X', sector: 'army' }, { name: 'X', sector: 'other', extra: 1 }]) {
      expect(await relayCall(engine, 'organisation.create', bad)).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(await relayCall(engine, 'work.progress', { x: 1 })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(forwarded).toEqual([]);
    expect(await relayCall(engine, 'stats.get', {})).toMatchObject({ ok: true, value: { organisations: 7 } });
  });

  it('answers progress and cancel itself, while the engine is busy importing', async () => {
    const source = new Engine({ dbPath: join(dir, 'source.sqlite'), resourcesDir, actor: 'test' });
    source.generate({ organisations: 4000, seed: 3 });
    const big = join(dir, 'big.graphml');
    await source.call('export.run', { format: 'graphml', path: big });
    source.close();
    // The window imports only what it staged.
    const staged = (await client.call('file.stage', { name: 'big.graphml', dataBase64: readFileSync(big).toString('base64') })) as {
      ok: true;
      value: { path: string };
    };

    forwarded.length = 0;
    expect(await relayCall(engine, 'work.cancel', {})).toEqual({ ok: true, value: { cancelled: false } });
    expect(await relayCall(engine, 'work.progress', {})).toEqual({ ok: true, value: null });
    const running = relayCall(engine, 'import.run', { path: staged.value.path });
    let progress: Progress | null = null;
    for (let i = 0; i < 2000 && !(progress?.phase === 'writing' && progress.done > 0); i++) {
      const r = (await relayCall(engine, 'work.progress', {})) as Extract<CallResult<Progress | null>, { ok: true }>;
      progress = r.value;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(progress).toMatchObject({ phase: 'writing' });
    expect(await relayCall(engine, 'work.cancel', {})).toEqual({ ok: true, value: { cancelled: true } });
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(forwarded).toEqual(['import.run']);
    expect(await relayCall(engine, 'stats.get', {})).toMatchObject({ ok: true, value: { organisations: 7 } });
  }, 60_000);

  it("holds the window to its surface: no host-only call, and paths only from main's staging", async () => {
    forwarded.length = 0;
    const out = join(dir, 'anywhere.gexf');
    expect(await relayCall(engine, 'export.run', { format: 'gexf', path: out, overwrite: true })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'export.run is not available to the app window' },
    });
    expect(existsSync(out)).toBe(false);
    const outside = { code: 'forbidden', message: 'The window may only use files it picked or the app staged for it', field: 'path' };
    // The same answer for a file that exists and one that does not: the window learns nothing of the disk.
    for (const path of [join(dir, 'atlas.sqlite'), join(dir, 'no-such-file'), '/etc/passwd']) {
      expect(await relayCall(engine, 'file.fetch', { path })).toEqual({ ok: false, error: outside });
      expect(await relayCall(engine, 'import.preview', { path })).toEqual({ ok: false, error: outside });
      expect(await relayCall(engine, 'snapshot.view', { path })).toEqual({ ok: false, error: outside });
    }
    const stagedDir = (await client.call('file.stage', { name: 'x.csv', dataBase64: '' })) as { ok: true; value: { folder: string } };
    expect(await relayCall(engine, 'file.fetch', { path: join(stagedDir.value.folder, '..', '..', 'etc') })).toEqual({
      ok: false,
      error: outside,
    });
    expect(forwarded).toEqual([]);
    // What the window does use still works: an export staged for it, fetched back.
    const exported = (await relayCall(engine, 'export.staged', { format: 'gexf', name: 'net.gexf' })) as {
      ok: true;
      value: { files: string[] };
    };
    expect(await relayCall(engine, 'file.fetch', { path: exported.value.files[0]! })).toMatchObject({
      ok: true,
      value: { name: 'net.gexf' },
    });
    expect(await relayCall(engine, 'snapshot.view', { path: null })).toEqual({ ok: true, value: { viewing: null } });
  });

  it('refuses input nested 100,000 deep as invalid, before zod walks it', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(await relayCall(engine, 'graph.slice', { filters: { tags: deep } })).toEqual({
      ok: false,
      error: { code: 'validation', message: 'Invalid input to graph.slice: nested deeper than 64 levels' },
    });
  });

  it('hands a slice over by columns, spliced into the JSON answer as they are', async () => {
    const answer = await relayCall(engine, 'graph.slice', {});
    expect(answer.ok && isSliceWire(answer.value) && 'json' in answer.value).toBe(true);
    const text = answerJson(answer);
    const { json } = (answer as { value: { json: string } }).value;
    expect(text).toContain(`"columns":${json}`);
    const parsed = JSON.parse(text) as CallResult<unknown>;
    if (!parsed.ok || !isSliceWire(parsed.value)) throw new Error(`not a slice answer: ${text.slice(0, 80)}`);
    const slice = decodeSlice(parsed.value);
    expect(slice.nodes).toHaveLength(7);
    expect(slice.edges).toHaveLength(8);
    // Every other answer is its plain JSON.
    const stats = await relayCall(engine, 'stats.get', {});
    expect(answerJson(stats)).toBe(JSON.stringify(stats));
  });
});
