// Shared by the CLI tests: main() run in-process with its output captured, the one-line failure every
// error must be, and databases in a temp folder removed after the file's tests.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { main } from '../../electron/cli/main';
import { tempDir } from '../engine/helpers';

export async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr, lines: stderr.split('\n').filter(Boolean) };
}

export async function runJson<T>(...argv: string[]): Promise<T> {
  const r = await run(...argv);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

export function expectOneLineFailure(r: { code: number; stderr: string; lines: string[] }, code: number, pattern: RegExp) {
  expect(r.code).toBe(code);
  expect(r.lines).toHaveLength(1);
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.lines[0]).toMatch(/^atlas: /);
  expect(r.lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** A temp folder for this file's databases and exports, removed after its tests, and fresh database paths in it. */
export function tempDatabases(): { dir: string; freshDb: () => string } {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  let n = 0;
  return { dir, freshDb: () => join(dir, `db-${++n}.sqlite`) };
}

/** Organisations and relations in a database file, read directly. */
export function recordCounts(db: string) {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare('SELECT (SELECT count(*) FROM organisation) AS organisations, (SELECT count(*) FROM relation) AS relations').get();
  } finally {
    raw.close();
  }
}
