// The browser mode (`npm run serve`): the same renderer and the same engine (in a worker thread)
// served on loopback for any browser, where Electron cannot run, and for Playwright. Three locks keep
// other web pages in the user's browser away from the engine: it binds to 127.0.0.1 only, it answers
// only requests whose Host header names that address (no DNS rebinding), and every call carries a
// random token issued at start that only the printed URL holds. Past them, a call goes through the
// relay Electron main uses too (host/relay.ts).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCallName, WINDOW_CALLS } from '../../shared/contract';
import type { CallResult } from '../../shared/errors';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { mimeType, servedPath } from '../../shared/static-files';
import { EngineClient } from '../engine/client';
import { findResourcesDir } from '../engine/paths';
import { answerJson, relayCall } from '../host/relay';

export interface WebServerOptions {
  dbPath: string;
  port?: number;
  rendererDir?: string;
  seedIfEmpty?: boolean;
  /** Largest request body accepted, in bytes. */
  maxBody?: number;
  /** End-to-end tests only: hold the index's preparation halfway until this is set (WorkerData.holdPreparing). */
  holdPreparing?: SharedArrayBuffer;
}
export interface WebServer {
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

// Two levels below the checkout both as source (electron/web/) and as built (out/main/web.cjs).
const here = fileURLToPath(new URL('.', import.meta.url));
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const rendererDir = resolve(opts.rendererDir ?? join(here, '../../out/renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDir}: run \`npm run build\` first`);
  }
  const token = randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const maxBody = opts.maxBody ?? 320 * 1024 * 1024; // a 200 MB file, base64-encoded, staged for import
  // The same worker bundle the Electron app runs, so the browser mode runs (and tests) the shipped engine.
  const workerFile = resolve(here, '../../out/main/engine-worker.cjs');
  if (!existsSync(workerFile)) throw new Error(`No built engine worker at ${workerFile}: run \`npm run build\` first`);
  const engine = new EngineClient(workerFile, {
    dbPath: opts.dbPath,
    resourcesDir: findResourcesDir(),
    seedIfEmpty: opts.seedIfEmpty ?? true,
    ...(opts.holdPreparing ? { holdPreparing: opts.holdPreparing } : {}),
  });
  await engine.ready;
  let port = 0;

  const sendJson = (res: ServerResponse, status: number, json: string) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
    res.end(json);
  };
  const send = (res: ServerResponse, status: number, body: unknown) => sendJson(res, status, JSON.stringify(body));
  const refuse = (res: ServerResponse, status: number, message: string) =>
    send(res, status, { ok: false, error: { code: 'forbidden', message } } satisfies CallResult<never>);

  const authorised = (req: IncomingMessage) => {
    const header = req.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  };

  const invalid = (res: ServerResponse, status: number, message: string) =>
    send(res, status, { ok: false, error: { code: 'validation', message } } satisfies CallResult<never>);
  const ours = (host: string) => host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  /**
   * Answers 413 as soon as the body passes the limit, keeping nothing more of it; the rest is read
   * and dropped for a moment before the connection closes, since closing on unread data resets
   * it and the client would lose the answer (nginx's lingering close).
   */
  const tooLarge = (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('Connection', 'close');
    invalid(res, 413, `The request is larger than the limit of ${maxBody} bytes; nothing was read past it`);
    req.removeAllListeners('data');
    req.on('data', () => {});
    req.resume();
    setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
  };

  const server = createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      // Node keeps the first of several Host headers; a request with two is refused, not guessed at.
      const hosts = req.rawHeaders.filter((h, i) => i % 2 === 0 && h.toLowerCase() === 'host').length;
      if (hosts !== 1 || !ours(host)) return refuse(res, 421, 'This server answers only at 127.0.0.1');
      // An absolute-form request line names its own host, which must be ours too.
      const target = req.url ?? '/';
      if (!target.startsWith('/')) {
        let named: string | null = null;
        try {
          named = new URL(target).host;
        } catch {
          // not a URL at all
        }
        if (named === null || !ours(named)) return refuse(res, 421, 'This server answers only at 127.0.0.1');
      }
      const url = new URL(target, `http://${host}`);
      if (url.pathname.startsWith('/api/')) {
        const origin = req.headers.origin;
        if (origin !== undefined && origin !== `http://${host}`) return refuse(res, 403, 'Cross-origin calls are refused');
        if (!authorised(req)) return refuse(res, 401, 'Missing or wrong token: open the URL printed at start');
        if (req.method !== 'POST') return refuse(res, 405, 'Calls are POST requests');
        let name: string;
        try {
          name = decodeURIComponent(url.pathname.slice('/api/'.length));
        } catch {
          return invalid(res, 400, `The call name in ${url.pathname.slice(0, 120)} is not valid percent-encoding`);
        }
        if (isCallName(name) && !windowCalls.has(name)) return refuse(res, 403, `${name} is not available to the app window`);
        const declared = Number(req.headers['content-length'] ?? 0);
        if (declared > maxBody) return tooLarge(req, res);
        const body = await readBody(req, maxBody);
        if (body === null) return tooLarge(req, res);
        let input: unknown;
        try {
          input = body.length ? JSON.parse(body) : {};
        } catch {
          return invalid(res, 400, 'The request body is not JSON');
        }
        // An unknown name is answered like any invalid call, with HTTP's word for it.
        return sendJson(res, isCallName(name) ? 200 : 404, answerJson(await relayCall(engine, name, input)));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Only GET for files');
      const path = servedPath(url.pathname);
      const file = path === null ? null : join(rendererDir, path);
      if (file === null || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain', ...SECURITY_HEADERS });
        return res.end('Not found');
      }
      res.writeHead(200, {
        'Content-Type': mimeType(file),
        'Cache-Control': 'no-cache',
        ...SECURITY_HEADERS,
      });
      createReadStream(file).pipe(res);
    } catch (err) {
      send(res, 500, { ok: false, error: { code: 'internal', message: (err as Error).message } });
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    close: async () => {
      // Keep-alive connections from a browser would hold server.close open forever.
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await closed;
      await engine.close();
    },
  };
}

/** How long an answered request's unread body is drained before its connection is closed. */
const LINGER_MS = 2000;
const windowCalls = new Set<string>(WINDOW_CALLS);

/** The body as text, or null as soon as it passes `max` bytes (the stream is then paused, not read on). */
function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.pause();
        chunks.length = 0;
        resolve(null);
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
