// Shared by the CLI tests: main() run in-process with its output captured, the one-line failure every
// error must be, databases in a temp folder removed after the file's tests, and the `atlas import`
// checks run on our fixtures (test/cli/cli.test.ts) and on other tools' files (test/interop/cli.test.ts).
import Database from 'better-sqlite3';
import { basename, join } from 'node:path';
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
function recordCounts(db: string) {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare('SELECT (SELECT count(*) FROM organisation) AS organisations, (SELECT count(*) FROM relation) AS relations').get();
  } finally {
    raw.close();
  }
}

const escaped = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `atlas import FILE --dry-run` into the empty database db reports the file and writes nothing; the
 * import writes it all and says so (no progress line, stderr being no terminal); again with
 * --on-duplicate skip it adds nothing.
 */
export async function expectDryRunThenImport(
  db: string,
  file: string,
  { format, nodes, edges }: { format: string; nodes: number; edges: number },
) {
  const dry = await run('import', file, '--db', db, '--dry-run');
  expect(dry.code).toBe(0);
  expect(dry.stdout).toMatch(new RegExp(`^${escaped(basename(file))} \\(${format}\\): ${nodes} nodes, ${edges} edges$`, 'm'));
  expect(dry.stdout).toMatch(new RegExp(`^ {2}organisations +${nodes} +0 +0$`, 'm'));
  expect(dry.stdout).toMatch(/Dry run: nothing was written\.\n$/);
  expect(recordCounts(db)).toEqual({ organisations: 0, relations: 0 });
  const done = await run('import', file, '--db', db);
  expect(done.code).toBe(0);
  expect(done.stderr).toBe(''); // no progress line when stderr is not a terminal
  expect(done.stdout).toMatch(/Imported \(import [0-9a-f-]{36}\)\.\n$/);
  expect(recordCounts(db)).toEqual({ organisations: nodes, relations: edges });
  // Again, skipping duplicates: nothing new.
  const again = await runJson<{ records: Record<string, { create: number; skip: number }> }>(
    'import',
    file,
    '--db',
    db,
    '--on-duplicate',
    'skip',
    '--json',
  );
  expect(again.records.organisations).toEqual({ create: 0, merge: 0, skip: nodes });
  expect(recordCounts(db)).toEqual({ organisations: nodes, relations: edges });
}

/** `atlas import FILE` on a terminal shows its progress on one line, cleared at the end. */
export async function expectProgressOnTerminal(db: string, file: string) {
  let stderr = '';
  const code = await main(['import', file, '--db', db], {
    stdout: { write: () => true },
    stderr: { write: (s: string) => (stderr += s), isTTY: true },
  });
  expect(code).toBe(0);
  expect(stderr.endsWith('\r\x1b[K')).toBe(true);
  expect(stderr).not.toContain('\n');
}

/** `atlas import BROKEN` into the seeded database db fails on one line matching pattern, exit 1, and writes nothing. */
export async function expectBrokenFileRefused(db: string, broken: string, pattern: RegExp) {
  await run('seed', '--db', db);
  const before = recordCounts(db);
  expectOneLineFailure(await run('import', broken, '--db', db), 1, pattern);
  expect(recordCounts(db)).toEqual(before);
}
