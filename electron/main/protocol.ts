// The renderer is served from atlas://app/ rather than file://, so the page has a real origin of
// its own, file:// stays out of reach, and every response carries the CSP.
import type { Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { mimeType, servedPath } from '../../shared/static-files';
import { APP_SCHEME } from './security';

export const SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** Answers atlas://app/<path> from the built renderer folder and nothing outside it. */
async function serveRenderer(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl);
  const path = url.host === 'app' ? servedPath(url.pathname) : null;
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  if (path === null) return new Response('Not found', { status: 404, headers });
  try {
    const body = await readFile(join(rendererDir, path));
    return new Response(body, { headers: { ...headers, 'Content-Type': mimeType(path) } });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
}

export function registerRendererProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRenderer(rendererDir, request.url));
}
