// The snapshot: one SQLite file, in this app's own schema, holding a chosen part of the network
// with its sources (and a saved view), for handing to another laptop. Reading one back yields a
// Bundle with every ID kept, so exchanges in both directions converge.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtlasError } from '../../../../../shared/errors';
import { openDatabase } from '../../../db/open';
import { fromRow } from '../../../store/tables';
import { BUNDLE_TABLES, emptyBundle, type Bundle } from '../../model/bundle';
import { fileHead } from '../file-head';

const SQLITE_MAGIC = 'SQLite format 3\0';

/** Whether a file's first bytes are an SQLite database's, whatever its name. */
export const hasSqliteHeader = (head: Buffer): boolean => head.subarray(0, SQLITE_MAGIC.length).toString('latin1') === SQLITE_MAGIC;

export function isSnapshot(path: string): boolean {
  try {
    return hasSqliteHeader(fileHead(path, SQLITE_MAGIC.length));
  } catch {
    return false;
  }
}

/** Reads every record of a snapshot, upgrading a copy first if it was written by an older version. */
export function readSnapshot(path: string, resourcesDir: string): Bundle {
  let opened;
  let scratch: string | null = null;
  try {
    opened = openDatabase(path, { resourcesDir, readonly: true });
  } catch (err) {
    if (!(err instanceof AtlasError) || !/needs an upgrade/.test(err.message)) throw err;
    scratch = mkdtempSync(join(tmpdir(), 'atlas-snapshot-'));
    copyFileSync(path, join(scratch, 'snapshot.sqlite'));
    opened = openDatabase(join(scratch, 'snapshot.sqlite'), { resourcesDir });
  }
  const { db } = opened;
  try {
    const bundle = emptyBundle();
    for (const [part, def] of BUNDLE_TABLES) {
      (bundle[part] as unknown[]) = (db.prepare(`SELECT * FROM ${def.table} ORDER BY id`).all() as Record<string, unknown>[]).map((r) =>
        fromRow(def, r),
      );
    }
    return bundle;
  } finally {
    db.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}
