// Opening a database file: pragmas, the version check, a copy aside, then migrations in one
// transaction. A file written by a newer version is refused before anything touches it.
import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AtlasError } from '../../../shared/errors';
import { MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/migration';

export interface OpenOptions {
  resourcesDir: string;
  /** Path to a better-sqlite3 build for another runtime (Electron keeps its own beside Node's). */
  nativeBinding?: string;
  readonly?: boolean;
  /**
   * The page size of a new file (an existing one keeps its own). The network's file takes 16 KB:
   * a million-edge import writes a quarter of the pages, and 2 s less of system time, than with
   * SQLite's 4 KB. Snapshot files keep 4 KB: every table and index takes at least a page, and a
   * small network handed over would triple in size.
   */
  pageSize?: number;
  /** The migration list; only tests pass another one. */
  migrations?: readonly Migration[];
}

export interface OpenResult {
  db: Database.Database;
  migratedFrom: number;
  backupPath: string | null;
}

export function openDatabase(path: string, opts: OpenOptions): OpenResult {
  if (path !== ':memory:') ensureDir(dirname(path));
  const existed = path !== ':memory:' && existsSync(path);
  // SQLite takes an empty file for a new database; an empty file at a database's path is more
  // likely a copy that failed or a file some other program made, so it is left alone and named.
  if (existed && statSync(path).isFile() && statSync(path).size === 0 && !existsSync(`${path}-wal`)) {
    throw new AtlasError(
      'validation',
      `${path} is an empty file (0 bytes), not a Stakeholder Atlas database. If it should hold your network, ` +
        `it did not survive a copy; otherwise remove it, or choose another file, to start a new network there.`,
    );
  }
  let db: Database.Database;
  try {
    db = new Database(path, {
      readonly: opts.readonly ?? false,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
  } catch (err) {
    throw new AtlasError('validation', `Cannot open the database ${path}: ${whyNot(path, err, opts.readonly ?? false)}`);
  }
  const migrations = opts.migrations ?? MIGRATIONS;
  const SCHEMA_VERSION = migrations.length;
  try {
    // A file that is not SQLite fails on its first read, which this is.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new AtlasError(
        'newer_version',
        `This database (${path}) was written by a newer version of Stakeholder Atlas ` +
          `(schema ${version}; this version knows up to ${SCHEMA_VERSION}). ` +
          `Update the app to open it; the file has not been changed.`,
      );
    }
    // A file opened read-only is someone else's (a snapshot shown): nothing in its schema may run
    // a function with side effects (interchange/formats/snapshot/untrusted.ts checks it first).
    if (opts.readonly) db.pragma('trusted_schema = OFF');
    if (!opts.readonly) {
      // Before the first table, which fixes it.
      if (version === 0 && opts.pageSize) db.pragma(`page_size = ${opts.pageSize}`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    let backupPath: string | null = null;
    if (version < SCHEMA_VERSION) {
      if (opts.readonly) {
        throw new AtlasError('validation', `${path} needs an upgrade and was opened read-only`);
      }
      if (existed && version > 0) {
        backupPath = `${path}.v${version}-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
        // VACUUM INTO writes a consistent copy even while the WAL holds uncheckpointed pages.
        db.prepare('VACUUM INTO ?').run(backupPath);
      }
      migrate(db, migrations, version, opts.resourcesDir);
    }
    return { db, migratedFrom: version, backupPath };
  } catch (err) {
    db.close();
    if (err instanceof AtlasError) throw err;
    const message = (err as Error).message;
    if (/file is not a database|file is encrypted/i.test(message)) {
      throw new AtlasError('validation', `${path} is not a Stakeholder Atlas database (not SQLite)`);
    }
    // WAL needs to write beside the file: a read-only folder or file shows here, not at the open.
    if (/readonly|unable to open|disk I\/O/i.test(message)) {
      throw new AtlasError('validation', `Cannot open the database ${path}: ${whyNot(path, err, opts.readonly ?? false)}`);
    }
    throw err;
  }
}

/** Why SQLite could not open or write `path`, in words a person can act on. */
function whyNot(path: string, err: unknown, readonly: boolean): string {
  const sqlite = (err as Error).message;
  if (existsSync(path) && statSync(path).isDirectory()) return `${path} is a folder, not a file`;
  if (readonly) return sqlite;
  // access() says yes to root whatever the folder is: trying to write is the one real answer.
  const folder = dirname(path);
  const probe = join(folder, `.atlas-write-check-${process.pid}`);
  try {
    writeFileSync(probe, '', { flag: 'wx' });
    rmSync(probe, { force: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
    const reason =
      code === 'EROFS'
        ? 'is on a read-only file system'
        : code === 'EACCES' || code === 'EPERM'
          ? 'may not be written to by you'
          : `cannot be written to (${code})`;
    return `the folder ${folder} ${reason}, and the app keeps its database and journal files there (SQLite: ${sqlite})`;
  }
  if (existsSync(path)) {
    try {
      accessSync(path, constants.W_OK);
    } catch {
      return `the file is read-only, and the app needs to write to it (SQLite: ${sqlite})`;
    }
  }
  return sqlite;
}

/**
 * Creates the folder and its missing parents one level at a time: Node 20's recursive mkdir loops
 * forever under pseudo-filesystems such as /proc, where a plain mkdir fails at once.
 */
function ensureDir(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) ensureDir(parent);
  try {
    mkdirSync(dir);
  } catch (err) {
    throw new AtlasError('validation', `Cannot create the folder ${dir}: ${(err as Error).message}`);
  }
}

/**
 * Foreign keys are off while migrations run, so that one can rebuild a table others reference (the
 * only way SQLite changes a CHECK, see migrations/index.ts); they are checked before the commit
 * instead, and a migration that leaves a dangling reference rolls back whole like any failure.
 * The pragma is a no-op inside a transaction, hence outside it.
 */
function migrate(db: Database.Database, migrations: readonly Migration[], from: number, resourcesDir: string): void {
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (let v = from; v < migrations.length; v++) {
        migrations[v]!.up(db, { resourcesDir });
        db.pragma(`user_version = ${v + 1}`);
      }
      const broken = db.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number; parent: string }[];
      if (broken.length > 0) {
        const first = broken[0]!;
        throw new Error(
          `Upgrading to schema ${migrations.length} left ${broken.length} row(s) referring to missing rows ` +
            `(first: ${first.table} rowid ${first.rowid} → ${first.parent}); nothing was changed`,
        );
      }
    }).immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
