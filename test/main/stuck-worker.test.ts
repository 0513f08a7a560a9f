// A worker that does not answer (caught in one native SQLite call, where terminate() cannot reach
// it) must not take the host with it: work.cancel answers within its grace periods and a fresh
// engine answers the next call, and close() returns, so a server asked to stop does stop.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../electron/engine/client';
import { findResourcesDir } from '../../electron/engine/paths';
import { relayCall } from '../../electron/host/relay';

const stuckWorker = resolve(__dirname, 'stuck-worker.cjs');
const dir = mkdtempSync(join(tmpdir(), 'atlas-stuck-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const client = () => new EngineClient(stuckWorker, { dbPath: join(dir, 'unused.sqlite'), resourcesDir: findResourcesDir() });

describe('a worker that does not answer', () => {
  it('is let go by work.cancel, and the next call is answered by a fresh engine', async () => {
    const engine = client();
    await engine.ready;
    expect(await engine.call('meta.info', {})).toEqual({ ok: true, value: { answered: 'meta.info' } });
    const stuck = engine.call('stuck', {});
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    expect(await relayCall(engine, 'work.cancel', {})).toEqual({ ok: true, value: { cancelled: true } });
    expect(Date.now() - started).toBeLessThan(8000);
    expect(await stuck).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await engine.call('stats.get', {})).toEqual({ ok: true, value: { answered: 'stats.get' } });
    await engine.close();
  }, 20_000);

  it('does not hold close() open', async () => {
    const engine = client();
    await engine.ready;
    void engine.call('stuck', {});
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await engine.close();
    expect(Date.now() - started).toBeLessThan(5000);
  }, 20_000);
});
