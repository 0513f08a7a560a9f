// Rolling backups of the network: SQLite's online backup of the live database into a folder
// beside it (`<name>-backups/`, chosen here, never by the window), at most once a day when the app
// opens it and before every import, merge and restore; the last ten are kept. Restoring one copies
// its tables back into the open database in one transaction (after a backup of what it replaces),
// so the app never has to let go of its file and a failed restore changes nothing.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { AtlasError } from '../../../shared/errors';
import type { Backup } from '../../../shared/schemas';
import { openDatabase } from '../db/open';

const KEEP = 10;
const DAY_MS = 24 * 60 * 60 * 1000;
const NAME = /^atlas-(\d{8}T\d{9}Z)-([a-z-]+)\.sqlite$/;

export class Backups {
  readonly dir: string;

  constructor(
    private readonly db: Db,
    dbPath: string,
    private readonly resourcesDir: string,
    private readonly nativeBinding?: string,
  ) {
    this.dir = join(dirname(dbPath), `${basename(dbPath, extname(dbPath))}-backups`);
  }

  /** Backs the database up now; `reason` says why in the file's name (before-import, daily…). */
  async create(reason: string): Promise<Backup> {
    mkdirSync(this.dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('.', '');
    let name = `atlas-${stamp}-${reason}.sqlite`;
    // Two backups in one millisecond (a test, a script): the second waits its turn.
    while (existsSync(join(this.dir, name))) {
      await new Promise((r) => setTimeout(r, 2));
      name = `atlas-${new Date().toISOString().replace(/[-:]/g, '').replace('.', '')}-${reason}.sqlite`;
    }
    await this.db.backup(join(this.dir, name));
    this.prune();
    return this.describe(name);
  }

  /** A backup unless one was made in the last day: when the app opens the network. */
  async daily(): Promise<Backup | null> {
    const newest = this.names()[0];
    if (newest && Date.now() - stampTime(newest) < DAY_MS) return null;
    return this.create('daily');
  }

  list(): Backup[] {
    return this.names().map((n) => this.describe(n));
  }

  /**
   * Replaces the network by a backup. What it replaces is backed up first, so a restore can be
   * taken back by restoring that one. The backup is migrated on a copy if it is older than the app.
   */
  async restore(name: string): Promise<{ restored: Backup; safety: Backup }> {
    const file = this.pathOf(name);
    const restored = this.describe(name);
    // Copied before the safety backup, whose pruning may take the oldest (this one).
    const tmp = join(this.dir, `.restoring-${process.pid}.sqlite`);
    copyFileSync(file, tmp);
    let safety: Backup;
    try {
      safety = await this.create('before-restore');
      openDatabase(tmp, {
        resourcesDir: this.resourcesDir,
        ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
      }).db.close();
      this.db.prepare('ATTACH DATABASE ? AS restored').run(tmp);
      try {
        const tables = this.db
          .prepare(`SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
          .pluck()
          .all() as string[];
        this.db.transaction(() => {
          this.db.pragma('defer_foreign_keys = ON');
          for (const t of tables) {
            // Generated columns (start_key, end_key) are computed again, not copied.
            const cols = (this.db.prepare(`SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0`).pluck().all(t) as string[])
              .map((c) => `"${c}"`)
              .join(', ');
            this.db.exec(`DELETE FROM main."${t}"; INSERT INTO main."${t}" (${cols}) SELECT ${cols} FROM restored."${t}"`);
          }
        })();
      } finally {
        this.db.exec('DETACH DATABASE restored');
      }
    } finally {
      rmSync(tmp, { force: true });
      rmSync(`${tmp}-wal`, { force: true });
      rmSync(`${tmp}-shm`, { force: true });
    }
    return { restored, safety };
  }

  private pathOf(name: string): string {
    if (!NAME.test(name) || !this.names().includes(name)) throw new AtlasError('not_found', `There is no backup named ${name}`, 'name');
    return join(this.dir, name);
  }

  private names(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((n) => NAME.test(n))
      .sort()
      .reverse();
  }

  private prune(): void {
    for (const n of this.names().slice(KEEP)) rmSync(join(this.dir, n), { force: true });
  }

  private describe(name: string): Backup {
    const m = NAME.exec(name)!;
    const path = join(this.dir, name);
    let organisations: number | null = null;
    let actionsSince: number | null = null;
    try {
      const b = new Database(path, {
        readonly: true,
        fileMustExist: true,
        ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
      });
      try {
        organisations = b.prepare('SELECT count(*) FROM organisation').pluck().get() as number;
        const hasActions = b.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'action'`).get();
        const theirs = hasActions ? ((b.prepare('SELECT coalesce(max(id), 0) FROM action').pluck().get() as number) ?? 0) : 0;
        const ours = this.db.prepare('SELECT count(*) FROM action WHERE id > ?').pluck().get(theirs) as number;
        actionsSince = ours;
      } finally {
        b.close();
      }
    } catch {
      // A backup that cannot be read is still listed, so it can be seen (and is pruned in turn).
    }
    return { name, at: new Date(stampTime(name)).toISOString(), reason: m[2]!, bytes: statSync(path).size, organisations, actionsSince };
  }
}

function stampTime(name: string): number {
  const s = NAME.exec(name)![1]!;
  return Date.parse(
    `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`,
  );
}
