// The browser mode's edges, spoken to as raw HTTP: a call name that is not valid percent-encoding,
// a body past the limit (answered 413 at the limit, and the client gets the answer), a request with
// two Host headers or an absolute-form request line naming another host, a body nested 100,000
// deep, a host-only call; and SIGTERM stopping a server whose engine is busy.
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine';
import { findResourcesDir } from '../../electron/engine/paths';
import { startWebServer, type WebServer } from '../../electron/web/server';

const MAX_BODY = 1024 * 1024;
let dir: string;
let server: WebServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-web-edges-'));
  server = await startWebServer({ dbPath: join(dir, 'atlas.sqlite'), maxBody: MAX_BODY });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends `text` as it is and returns what came back, up to the end of the first answer. */
function raw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(text));
    let got = '';
    socket.on('data', (d) => (got += d.toString('latin1')));
    socket.on('end', () => resolve(got));
    socket.on('error', reject);
    setTimeout(() => (socket.destroy(), resolve(got)), 3000);
  });
}
const status = (answer: string) => Number(/^HTTP\/1\.1 (\d+)/.exec(answer)?.[1]);
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  raw(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${server.token}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n` +
      Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('') +
      `\r\n${body}`,
  );

describe('the browser mode at its edges', () => {
  it('answers a malformed percent-encoding in a call name with 400 and a message', async () => {
    const answer = await post('/api/stats%E0%A4%A.get', '{}');
    expect(status(answer)).toBe(400);
    expect(answer).toContain('is not valid percent-encoding');
  });

  it('answers a body nested 100,000 deep as invalid input, not 500', async () => {
    const answer = await post('/api/graph.slice', `{"filters":{"tags":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`);
    expect(status(answer)).toBe(200);
    expect(answer).toContain('"code":"validation"');
    expect(answer).toContain('nested deeper than 64 levels');
  });

  it('refuses two Host headers, and an absolute-form request line naming another host', async () => {
    const two = await raw(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`);
    expect(status(two)).toBe(421);
    const absolute = await raw(`GET http://evil.example/ HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`);
    expect(status(absolute)).toBe(421);
    const ours = await raw(`GET http://127.0.0.1:${server.port}/ HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`);
    expect(status(ours)).toBe(200);
  });

  it('refuses a hostile snapshot picked in the page as invalid input naming it, not internal', async () => {
    const source = new Engine({ dbPath: join(dir, 'hostile-source.sqlite'), resourcesDir: findResourcesDir(), actor: 'test' });
    source.seed();
    const file = join(dir, 'hostile.atlas');
    await source.call('export.run', { format: 'snapshot', path: file });
    source.close();
    const db = new Database(file);
    db.pragma('foreign_keys = OFF');
    db.exec('DROP TABLE organisation');
    db.exec(`CREATE VIEW organisation AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT 'o' || n AS id FROM r`);
    db.close();
    const call = (name: string, input: unknown) =>
      fetch(`${server.origin}/api/${name}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}` },
        body: JSON.stringify(input),
      }).then((r) => r.json() as Promise<{ ok: boolean; value: { path: string }; error: { code: string; message: string } }>);
    const staged = await call('file.stage', { name: 'hostile.atlas', dataBase64: readFileSync(file).toString('base64') });
    for (const name of ['import.preview', 'snapshot.view']) {
      expect(await call(name, { path: staged.value.path })).toMatchObject({
        ok: false,
        error: {
          code: 'validation',
          message: expect.stringContaining("hostile.atlas cannot be read as a snapshot: it holds a view named 'organisation'"),
        },
      });
    }
  });

  it('refuses host-only calls from the page', async () => {
    const answer = await post('/api/export.run', JSON.stringify({ format: 'gexf', path: join(dir, 'x.gexf') }));
    expect(status(answer)).toBe(403);
    expect(answer).toContain('export.run is not available to the app window');
  });

  it('answers a body over the limit with 413 at the limit, and the client receives it', async () => {
    // Declared too large: answered before a byte of it is read.
    const declared = await raw(
      `POST /api/stats.get HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${server.token}\r\n` +
        `Content-Length: ${50 * MAX_BODY}\r\n\r\n{"a":"`,
    );
    expect(status(declared)).toBe(413);
    expect(declared).toContain('larger than the limit');
    // Streamed without a length: the client keeps writing until the answer comes.
    const { code, sent, body } = await new Promise<{ code: number; sent: number; body: string }>((done, fail) => {
      let sent = 0;
      let answered = false;
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/api/stats.get',
          headers: { Authorization: `Bearer ${server.token}` },
        },
        (res) => {
          answered = true;
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => done({ code: res.statusCode!, sent, body }));
        },
      );
      req.on('error', (e) => (answered ? undefined : fail(e)));
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (!answered && sent < 200 * MAX_BODY) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(code).toBe(413);
    expect(body).toContain('larger than the limit');
    expect(sent).toBeLessThan(200 * MAX_BODY);
    // The server is still there for the next call.
    expect(status(await post('/api/meta.info', '{}'))).toBe(200);
  }, 30_000);
});

describe('stopping the browser mode', () => {
  it('SIGTERM stops the server while its engine is importing', async () => {
    const source = new Engine({ dbPath: join(dir, 'source.sqlite'), resourcesDir: findResourcesDir(), actor: 'test' });
    source.generate({ organisations: 3000, seed: 9 });
    const big = join(dir, 'big.graphml');
    await source.call('export.run', { format: 'graphml', path: big });
    source.close();
    const child = spawn(
      process.execPath,
      [resolve(__dirname, '../../out/main/web.cjs'), '--port', '0', '--db', join(dir, 'served.sqlite')],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const url = await new Promise<string>((ok) => {
        let out = '';
        child.stdout!.on('data', (d) => {
          out += d;
          const m = /Open (http:\/\/\S+)/.exec(out);
          if (m) ok(m[1]!);
        });
      });
      const { origin, hash } = new URL(url);
      const token = hash.slice('#token='.length);
      const call = (name: string, input: unknown) =>
        fetch(`${origin}/api/${name}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify(input) }).then(
          (r) => r.json() as Promise<{ ok: boolean; value: { path: string } }>,
        );
      const staged = await call('file.stage', { name: 'big.graphml', dataBase64: readFileSync(big).toString('base64') });
      void call('import.run', { path: staged.value.path }).catch(() => {});
      await new Promise((r) => setTimeout(r, 300));
      const started = Date.now();
      const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(7000);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
