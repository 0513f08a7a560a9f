// `atlas import` on other tools' real files (../shared/datasets): graphology's les_miserables.gexf and
// networkx's hyperedge test. test/cli/cli.test.ts covers the same on our own fixtures.
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { expectOneLineFailure, recordCounts as counts, run, runJson, tempDatabases } from '../cli/helpers';
import { DATASETS as DATA } from './datasets';

const { freshDb } = tempDatabases();

describe('atlas import on dataset files', () => {
  const gexf = `${DATA}/gexf/graphology/les_miserables.gexf`;

  it('previews with --dry-run and writes nothing, then imports and says so', async () => {
    const db = freshDb();
    const dry = await run('import', gexf, '--db', db, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^les_miserables\.gexf \(GEXF\): 77 nodes, 254 edges$/m);
    expect(dry.stdout).toMatch(/^ {2}organisations +77 +0 +0$/m);
    expect(dry.stdout).toMatch(/Dry run: nothing was written\.\n$/);
    expect(counts(db)).toEqual({ organisations: 0, relations: 0 });
    const done = await run('import', gexf, '--db', db);
    expect(done.code).toBe(0);
    expect(done.stderr).toBe(''); // no progress line when stderr is not a terminal
    expect(done.stdout).toMatch(/Imported \(import [0-9a-f-]{36}\)\.\n$/);
    expect(counts(db)).toEqual({ organisations: 77, relations: 254 });
    // Again, skipping duplicates: nothing new.
    const again = await runJson<{ records: Record<string, { create: number; skip: number }> }>(
      'import',
      gexf,
      '--db',
      db,
      '--on-duplicate',
      'skip',
      '--json',
    );
    expect(again.records.organisations).toEqual({ create: 0, merge: 0, skip: 77 });
    expect(counts(db)).toEqual({ organisations: 77, relations: 254 });
  });

  it('shows progress on a terminal, on one line that it clears', async () => {
    let stderr = '';
    const code = await main(['import', gexf, '--db', freshDb()], {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s), isTTY: true },
    });
    expect(code).toBe(0);
    expect(stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(stderr).not.toContain('\n');
  });

  it('refuses a broken file on one line, exit 1, leaving the database as it was', async () => {
    const db = freshDb();
    await run('seed', '--db', db);
    const before = counts(db);
    const broken = `${DATA}/graphml/networkx-tests/hyperedge_raise.graphml`;
    expectOneLineFailure(await run('import', broken, '--db', db), 1, /hyperedges are not supported/);
    expect(counts(db)).toEqual(before);
  });
});
