// The fuzzing bed both the property tests (npm test) and the long run (npm run fuzz) use: a real
// engine on a real SQLite file holding the seed network, seed files of every importer written by
// the engine itself (and a few foreign fixtures), and the oracle every input is judged by:
//   - the call answers a value or throws an AtlasError with a code other than `internal`;
//   - it answers within a time limit;
//   - when it is refused, the database file is byte for byte what it was.
// A failing input is kept (found.ts) so a test can replay it.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from '../../electron/engine/engine';
import { findResourcesDir } from '../../electron/engine/paths';
import { AtlasError } from '../../shared/errors';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
/** Longer than any of these small inputs may take; a call past it is a hang. */
export const CALL_LIMIT_MS = 10_000;

export type ImportKind = 'gexf' | 'graphml' | 'cyjs' | 'csv' | 'csv-folder' | 'xlsx' | 'snapshot';
export const IMPORT_KINDS: readonly ImportKind[] = ['gexf', 'graphml', 'cyjs', 'csv', 'csv-folder', 'xlsx', 'snapshot'];

/** One input to an importer: a file's bytes, or for a folder of CSV files, each file's. */
export interface ImportCase {
  kind: ImportKind;
  files: { name: string; bytes: Buffer }[];
}

export interface Finding {
  problem: 'untyped' | 'internal' | 'hang' | 'changed-database';
  detail: string;
}

export class FuzzBed {
  readonly dir = mkdtempSync(join(tmpdir(), 'atlas-fuzz-'));
  readonly resourcesDir = findResourcesDir();
  readonly dbPath = join(this.dir, 'network.sqlite');
  engine!: Engine;
  /** The seed file(s) of each kind, as the engine writes them, plus foreign fixtures. */
  seeds!: Record<ImportKind, ImportCase[]>;
  private tried = 0;

  async open(): Promise<this> {
    this.engine = new Engine({ dbPath: this.dbPath, resourcesDir: this.resourcesDir, actor: 'fuzz' });
    this.engine.seed();
    const out = join(this.dir, 'seeds');
    mkdirSync(out);
    const write = async (format: 'gexf' | 'graphml' | 'cyjs' | 'xlsx' | 'snapshot' | 'csv', name: string) => {
      await this.engine.call('export.run', { format, path: join(out, name) });
      return join(out, name);
    };
    const one = (kind: ImportKind, path: string): ImportCase => ({
      kind,
      files: [{ name: path.split('/').pop()!, bytes: readFileSync(path) }],
    });
    const folder = await write('csv', 'atlas-csv');
    this.seeds = {
      gexf: [one('gexf', await write('gexf', 'seed.gexf')), ...fixtures('gexf', '.gexf')],
      graphml: [one('graphml', await write('graphml', 'seed.graphml')), ...fixtures('graphml', '.graphml')],
      cyjs: [one('cyjs', await write('cyjs', 'seed.cyjs')), ...fixtures('cytoscape', '.json', 'cyjs')],
      csv: fixtures('csv', '.csv'),
      'csv-folder': [
        {
          kind: 'csv-folder',
          files: readdirSync(folder)
            .filter((f) => f.endsWith('.csv') && f !== 'nodes.csv' && f !== 'edges.csv')
            .map((name) => ({ name, bytes: readFileSync(join(folder, name)) })),
        },
      ],
      xlsx: [one('xlsx', await write('xlsx', 'seed.xlsx'))],
      snapshot: [one('snapshot', await write('snapshot', 'seed.atlas'))],
    };
    return this;
  }

  close(): void {
    this.engine.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private known: { stamp: string; hash: string } | null = null;

  /**
   * The database file's bytes, with the write-ahead log folded in first, as a hash. Hashing is
   * done again only when the file's size or modification time moved since the last one.
   */
  private fingerprint(): string {
    this.engine.db.pragma('wal_checkpoint(TRUNCATE)');
    const stat = statSync(this.dbPath, { bigint: true });
    const stamp = `${stat.size}:${stat.mtimeNs}`;
    if (this.known?.stamp !== stamp) {
      this.known = { stamp, hash: createHash('sha256').update(readFileSync(this.dbPath)).digest('hex') };
    }
    return this.known.hash;
  }

  /** Writes the case in a folder of its own; returns the folder and the path to import. */
  place(c: ImportCase): { at: string; path: string } {
    const at = join(this.dir, `case-${++this.tried}`);
    mkdirSync(at);
    for (const f of c.files) writeFileSync(join(at, f.name), f.bytes);
    return { at, path: c.kind === 'csv-folder' ? at : join(at, c.files[0]!.name) };
  }

  /** Preview, then run: each must be refused with a typed error or succeed, and a refusal changes nothing. */
  async tryImport(c: ImportCase): Promise<Finding | null> {
    const { at, path } = this.place(c);
    try {
      for (const call of ['import.preview', 'import.run'] as const) {
        const found = await this.tryCall(call, { path });
        if (found) return found;
      }
      return null;
    } finally {
      rmSync(at, { recursive: true, force: true });
    }
  }

  /** One contract call, judged by the oracle. */
  async tryCall(name: string, input: unknown): Promise<Finding | null> {
    const before = this.fingerprint();
    const started = performance.now();
    let refused: unknown = null;
    try {
      await this.engine.call(name as never, input);
    } catch (err) {
      refused = err;
    }
    const ms = performance.now() - started;
    if (ms > CALL_LIMIT_MS) return { problem: 'hang', detail: `${name} took ${Math.round(ms)} ms` };
    if (refused === null) return null;
    if (!(refused instanceof AtlasError)) {
      const e = refused as Error;
      return {
        problem: 'untyped',
        detail: `${name} threw ${e?.name}: ${String(e?.message).slice(0, 300)}\n${String(e?.stack).slice(0, 1200)}`,
      };
    }
    if (refused.code === 'internal') return { problem: 'internal', detail: `${name}: ${refused.message.slice(0, 300)}` };
    if (this.fingerprint() !== before)
      return { problem: 'changed-database', detail: `${name} was refused (${refused.message.slice(0, 200)}) but the database changed` };
    return null;
  }

  /** A copy of the seed snapshot changed by SQL, as a stranger's writer might (no rules kept). */
  tamperSnapshot(edit: (db: Database.Database) => void): Buffer {
    const path = join(this.dir, `tamper-${++this.tried}.atlas`);
    writeFileSync(path, this.seeds.snapshot[0]!.files[0]!.bytes);
    const db = new Database(path);
    try {
      db.pragma('foreign_keys = OFF');
      db.pragma('ignore_check_constraints = ON');
      edit(db);
    } finally {
      db.close();
    }
    const bytes = readFileSync(path);
    rmSync(path, { force: true });
    return bytes;
  }
}

/** The fixture files of one folder with this extension, as cases of `kind`. */
function fixtures(folder: string, ext: string, kind: ImportKind = folder as ImportKind): ImportCase[] {
  const at = join(FIXTURES, folder);
  return readdirSync(at)
    .filter((f) => f.endsWith(ext) && statSync(join(at, f)).isFile())
    .slice(0, 6)
    .map((name) => ({ kind, files: [{ name, bytes: readFileSync(join(at, name)) }] }));
}
