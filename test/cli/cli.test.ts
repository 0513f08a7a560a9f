// The `atlas` tool end to end on real SQLite files: in-process through main() for most cases, and
// through the real launcher (node bin/atlas.mjs, which runs the built out/main/cli.cjs) to prove the
// shebang, the bundle and exit codes work.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../electron/cli/usage';
import type { Slice, Stats } from '../../shared/schemas';
import { REGIONS } from '../../shared/domain';
import {
  expectBrokenFileRefused,
  expectDryRunThenImport,
  expectOneLineFailure,
  expectProgressOnTerminal,
  run,
  runJson,
  tempDatabases,
} from './helpers';

const ROOT = resolve(__dirname, '../..');
const FIXTURES = resolve(__dirname, '../fixtures');
const { dir, freshDb } = tempDatabases();

const SECTORS = ['government', 'intergovernmental', 'civil_society', 'academia', 'private_sector', 'other'];

describe('atlas help', () => {
  it('prints usage for --help, help and COMMAND --help', async () => {
    for (const argv of [['--help'], ['help'], ['-h'], ['stats', '--help']]) {
      const r = await run(...argv);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(USAGE);
    }
    for (const cmd of ['stats', 'query', 'generate', 'seed', '--db', '--json']) expect(USAGE).toContain(cmd);
  });
});

describe('atlas seed and stats', () => {
  const db = freshDb();

  it('loads the seed network, then skips what is already there', async () => {
    const first = await run('seed', '--db', db);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Loaded the seed network: \d+ records created, 0 already present\n$/);
    const again = await runJson<{ created: number; skipped: number }>('seed', '--db', db, '--json');
    expect(again.created).toBe(0);
    expect(again.skipped).toBeGreaterThan(0);
  });

  it('counts 7 organisations and 8 ties', async () => {
    const s = await runJson<Stats>('stats', '--db', db, '--json');
    expect(s.organisations).toBe(7);
    expect(s.ties).toBe(8);
    expect(s.synthetic).toBe(0);
  });

  it('prints a readable table', async () => {
    const r = await run('stats', '--db', db);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}Organisations +7$/m);
    expect(r.stdout).toMatch(/^ {2}Ties +8$/m);
    expect(r.stdout).toMatch(/^ {2}Region +Organisations +Ties$/m);
    expect(r.stdout).toMatch(/^ {2}Sector +Organisations +Ties$/m);
  });

  it('queries the ego network of an organisation taken from a query', async () => {
    const all = await runJson<Slice>('query', '--db', db);
    expect(all.nodes).toHaveLength(7);
    // The best-connected organisation, so the ego network is more than the centre alone.
    const degree = new Map<string, number>();
    for (const e of all.edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const centre = [...degree].sort((a, b) => b[1] - a[1])[0]![0];
    const ego = await runJson<Slice>('query', '--db', db, '--ego', centre);
    const ids = new Set(ego.nodes.map((node) => node.id));
    expect(ids.has(centre)).toBe(true);
    expect(ego.nodes.length).toBe(degree.get(centre)! + 1);
    // The ego network is the induced subgraph: ties among the neighbours count too.
    expect(ego.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    expect(ego.edges.filter((e) => e.source === centre || e.target === centre)).toHaveLength(degree.get(centre)!);
    const deeper = await runJson<Slice>('query', '--db', db, '--ego', centre, '--depth', '2', '--view', 'full');
    expect(deeper.view).toBe('full');
    expect(deeper.nodes.length).toBeGreaterThanOrEqual(ego.nodes.length);
  });

  it('names an unknown ego organisation on one line, exit 1', async () => {
    expectOneLineFailure(await run('query', '--db', db, '--ego', 'no-such-org'), 1, /No organisation has ID 'no-such-org'/);
  });
});

describe('atlas generate and query', () => {
  const names = async (db: string) => (await runJson<Slice>('query', '--db', db)).nodes.map((node) => node.name).sort();

  it('is deterministic, labelled synthetic and covers every region and sector', async () => {
    const a = freshDb();
    const b = freshDb();
    const made = await runJson<{
      rows: Record<string, number>;
      totalRows: number;
      seconds: number;
      rowsPerSecond: number;
      importId: string;
    }>('generate', '--orgs', '300', '--seed', '7', '--db', a, '--json');
    expect(made.rows.organisation).toBe(300);
    expect(made.totalRows).toBe(Object.values(made.rows).reduce((x, y) => x + y, 0));
    expect(made.seconds).toBeGreaterThan(0);
    expect(made.rowsPerSecond).toBeGreaterThan(0);
    expect(made.importId).toMatch(/\S/);

    const human = await run('generate', '--orgs', '300', '--seed', '7', '--db', b);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^ {2}organisation +300$/m);
    expect(human.stdout).toMatch(/rows in [\d.]+ s \([\d,]+ rows\/s\)/);

    const namesA = await names(a);
    expect(namesA).toHaveLength(300);
    expect(namesA).toEqual(await names(b));
    expect(namesA.every((name) => name.startsWith('[synthetic] '))).toBe(true);

    const slice = await runJson<Slice>('query', '--db', a);
    expect(new Set(slice.nodes.map((node) => node.region))).toEqual(new Set(REGIONS));
    expect(new Set(slice.nodes.map((node) => node.sector))).toEqual(new Set(SECTORS));

    const s = await runJson<Stats>('stats', '--db', a, '--json');
    expect(s.organisations).toBe(300);
    for (const r of REGIONS) expect(s.organisationsByRegion[r]).toBeGreaterThan(0);
  });

  it('--ties makes exactly that many tied pairs, over every region and sector, all synthetic', async () => {
    const db = freshDb();
    const made = await runJson<{ ties: number; rows: Record<string, number> }>(
      'generate',
      '--orgs',
      '400',
      '--ties',
      '3000',
      '--seed',
      '5',
      '--db',
      db,
      '--json',
    );
    expect(made.ties).toBe(3000);
    expect(made.rows.organisation).toBe(400);
    expect(made.rows.relation).toBeGreaterThan(0);
    const slice = await runJson<Slice>('query', '--db', db);
    expect(slice.edges).toHaveLength(3000);
    expect(slice.counts.ties.total).toBe(3000);
    expect(new Set(slice.nodes.map((node) => node.region))).toEqual(new Set(REGIONS));
    expect(new Set(slice.nodes.map((node) => node.sector))).toEqual(new Set(SECTORS));
    expect(slice.nodes.every((node) => node.synthetic && node.name.startsWith('[synthetic] '))).toBe(true);
    // Heavy-tailed: the busiest organisation has many times the median's ties.
    const degree = new Map<string, number>();
    for (const e of slice.edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const sorted = [...degree.values()].sort((a, b) => a - b);
    expect(sorted[sorted.length - 1]!).toBeGreaterThan(4 * sorted[Math.floor(sorted.length / 2)]!);
    expect((await run('generate', '--orgs', '50', '--ties', '300', '--db', freshDb())).stdout).toMatch(/50 organisations and 300 ties/);
  });

  it('--region Africa returns only African organisations', async () => {
    const db = freshDb();
    expect((await run('generate', '--orgs', '300', '--seed', '3', '--db', db)).code).toBe(0);
    const all = await runJson<Slice>('query', '--db', db);
    const africa = await runJson<Slice>('query', '--db', db, '--region', 'Africa');
    expect(africa.nodes.length).toBeGreaterThan(0);
    expect(africa.nodes.length).toBe(all.nodes.filter((node) => node.region === 'Africa').length);
    expect(africa.nodes.every((node) => node.region === 'Africa')).toBe(true);
    const ids = new Set(africa.nodes.map((node) => node.id));
    expect(africa.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);

    const two = await runJson<Slice>('query', '--db', db, '--region', 'Africa', '--region', 'Asia', '--sector', 'government');
    expect(two.nodes.length).toBeGreaterThan(0);
    expect(two.nodes.every((node) => (node.region === 'Africa' || node.region === 'Asia') && node.sector === 'government')).toBe(true);
  });
});

describe('atlas import and export', () => {
  const gexf = `${FIXTURES}/gexf/gephi-0.10-stakeholders.gexf`;

  it('previews with --dry-run and writes nothing, then imports and says so', async () => {
    await expectDryRunThenImport(freshDb(), gexf, { format: 'GEXF', nodes: 80, edges: 167 });
  });

  it('shows progress on a terminal, on one line that it clears', async () => {
    await expectProgressOnTerminal(freshDb(), gexf);
  });

  it('refuses a broken file on one line, exit 1, leaving the database as it was', async () => {
    const db = freshDb();
    await expectBrokenFileRefused(db, `${FIXTURES}/graphml/refused/hyperedge.graphml`, /hyperedges are not supported/);
    expectOneLineFailure(await run('import', gexf, '--db', db, '--on-duplicate', 'maybe'), 2, /--on-duplicate/);
    expectOneLineFailure(await run('import', '--db', db), 2, /Which file/);
  });

  it('exports the network, an ego network and a saved view; never over a file unless asked', async () => {
    const db = freshDb();
    await run('seed', '--db', db);
    const out = join(dir, 'export');
    const whole = await runJson<{ organisations: number; files: string[] }>(
      'export',
      '--db',
      db,
      '--format',
      'gexf',
      '--out',
      `${out}.gexf`,
      '--json',
    );
    expect(whole.organisations).toBe(7);
    expect(whole.files).toEqual([`${out}.gexf`]);
    expectOneLineFailure(await run('export', '--db', db, '--format', 'gexf', '--out', `${out}.gexf`), 1, /already exists/);
    expect((await run('export', '--db', db, '--format', 'gexf', '--out', `${out}.gexf`, '--overwrite')).code).toBe(0);

    const slice = await runJson<Slice>('query', '--db', db);
    const centre = slice.nodes[0]!.id;
    const ego = await runJson<{ organisations: number }>(
      'export',
      '--db',
      db,
      '--format',
      'graphml',
      '--out',
      `${out}-ego.graphml`,
      '--ego',
      centre,
      '--depth',
      '1',
      '--json',
    );
    const egoSlice = await runJson<Slice>('query', '--db', db, '--ego', centre);
    expect(ego.organisations).toBe(egoSlice.nodes.length);

    const africa = await runJson<{ organisations: number }>(
      'export',
      '--db',
      db,
      '--format',
      'csv',
      '--out',
      `${out}-africa`,
      '--region',
      'Africa',
      '--json',
    );
    const africaSlice = await runJson<Slice>('query', '--db', db, '--region', 'Africa');
    expect(africa.organisations).toBe(africaSlice.nodes.length);

    expectOneLineFailure(await run('export', '--db', db, '--format', 'pdf', '--out', `${out}.pdf`), 2, /--format must be one of/);
    expectOneLineFailure(
      await run('export', '--db', db, '--format', 'gexf', '--out', `${out}-v.gexf`, '--saved-view', 'Nope'),
      2,
      /No saved view is named 'Nope'/,
    );
  });
});

describe('atlas failures', () => {
  it('bad usage exits 2 with one line', async () => {
    expectOneLineFailure(await run('frobnicate'), 2, /Unknown command 'frobnicate'/);
    expectOneLineFailure(await run(), 2, /No command/);
    expectOneLineFailure(await run('generate', '--orgs', 'abc', '--db', freshDb()), 2, /--orgs/);
    expectOneLineFailure(await run('generate', '--orgs', '0', '--db', freshDb()), 2, /--orgs/);
    expectOneLineFailure(await run('generate', '--orgs', '1000001', '--db', freshDb()), 2, /--orgs/);
    expectOneLineFailure(await run('generate', '--db', freshDb()), 2, /--orgs/);
    expectOneLineFailure(await run('generate', '--orgs', '10', '--ties', '23', '--db', freshDb()), 2, /--ties must be between 0 and 22/);
    expectOneLineFailure(await run('query', '--depth', '2', '--db', freshDb()), 2, /--depth needs --ego/);
    expectOneLineFailure(await run('query', '--colour', 'red', '--db', freshDb()), 2, /Unknown option '--colour'/);
    expectOneLineFailure(await run('stats', 'extra', '--db', freshDb()), 2, /Unexpected argument 'extra'/);
  });

  it('a bad filter value exits 1 with one line naming the field', async () => {
    const r = await run('query', '--sector', 'army', '--db', freshDb());
    expectOneLineFailure(r, 1, /filters\.sectors\[0\]/);
    expect(r.stdout).toBe('');
  });

  it('a database from a newer version exits 1 with one line', async () => {
    const db = freshDb();
    const raw = new Database(db);
    raw.pragma('user_version = 99');
    raw.close();
    expectOneLineFailure(await run('stats', '--db', db), 1, /newer version/);
    expectOneLineFailure(await run('stats', '--db', db, '--json'), 1, /newer version/);
  });
});

describe('the bin/atlas.mjs launcher', () => {
  const atlas = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/atlas.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('runs commands end to end', () => {
    const db = freshDb();
    const seeded = atlas('seed', '--db', db);
    expect(seeded.stderr).toBe('');
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toMatch(/^Loaded the seed network: /);
    const s = atlas('stats', '--db', db, '--json');
    expect(s.status).toBe(0);
    expect((JSON.parse(s.stdout) as Stats).organisations).toBe(7);
    const help = atlas('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(USAGE);
  });

  it('fails with exactly one stderr line and a non-zero exit', () => {
    const bad = atlas('query', '--sector', 'army', '--db', freshDb());
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(bad.stderr).toMatch(/^atlas: .*filters\.sectors\[0\]/);

    const usage = atlas('generate', '--orgs', 'abc');
    expect(usage.status).toBe(2);
    expect(usage.stderr.split('\n').filter(Boolean)).toEqual(["atlas: --orgs must be a whole number, not 'abc'"]);
  });
});
