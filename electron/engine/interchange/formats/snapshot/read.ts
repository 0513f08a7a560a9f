// The snapshot: one SQLite file, in this app's own schema, holding a chosen part of the network
// with its sources (and a saved view), for handing to another laptop. Reading one back yields a
// Bundle with every ID kept, so exchanges in both directions converge. The file came from someone
// else: it is opened and checked as untrusted.ts says before a row is read.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AtlasError } from '../../../../../shared/errors';
import { jsonTextNestingWithin } from '../../../../../shared/nesting';
import { openDatabase } from '../../../db/open';
import { MIGRATIONS } from '../../../db/migrations/index';
import { fromRow } from '../../../store/tables';
import { BUNDLE_TABLES, emptyBundle, type Bundle } from '../../model/bundle';
import { fileHead } from '../file-head';
import { checkSnapshotSchema, openUntrusted, readRows, refuseSnapshot } from './untrusted';

const SQLITE_MAGIC = 'SQLite format 3\0';

/** Whether a file's first bytes are an SQLite database's, whatever its name. */
export const hasSqliteHeader = (head: Buffer): boolean => head.subarray(0, SQLITE_MAGIC.length).toString('latin1') === SQLITE_MAGIC;

function isSnapshot(path: string): boolean {
  try {
    return hasSqliteHeader(fileHead(path, SQLITE_MAGIC.length));
  } catch {
    return false;
  }
}

/**
 * Checks a snapshot file as untrusted input and, when it was written by an older version, makes an
 * upgraded copy in a temporary folder (after the check, so no migration runs over a hostile
 * schema). Returns the file to read and a function removing the copy, if one was made.
 */
export function checkedSnapshot(path: string, resourcesDir: string, nativeBinding?: string): { file: string; done: () => void } {
  const name = basename(path);
  if (!isSnapshot(path)) {
    throw new AtlasError('validation', `${name} is not a snapshot (a Stakeholder Atlas .atlas file): it is not an SQLite database`, 'path');
  }
  const db = openUntrusted(path, name, nativeBinding);
  let version: number;
  try {
    version = checkSnapshotSchema(db, name, resourcesDir);
  } finally {
    db.close();
  }
  if (version === MIGRATIONS.length) return { file: path, done: () => {} };
  const scratch = mkdtempSync(join(tmpdir(), 'atlas-snapshot-'));
  const copy = join(scratch, 'snapshot.sqlite');
  const done = () => rmSync(scratch, { recursive: true, force: true });
  try {
    copyFileSync(path, copy);
    openDatabase(copy, { resourcesDir, ...(nativeBinding ? { nativeBinding } : {}) }).db.close();
  } catch (err) {
    done();
    throw refuseSnapshot(name, `upgrading it from schema ${version} failed (${(err as Error).message})`);
  }
  // The upgraded copy is checked again, now as a current snapshot, cells and all.
  const upgraded = openUntrusted(copy, name, nativeBinding);
  try {
    checkSnapshotSchema(upgraded, name, resourcesDir);
  } catch (err) {
    done();
    throw err;
  } finally {
    upgraded.close();
  }
  return { file: copy, done };
}

/** Reads every record of a snapshot; `progress` is told every few hundred rows and may throw to stop. */
export function readSnapshot(path: string, resourcesDir: string, progress: (done: number, total: number) => void = () => {}): Bundle {
  const name = basename(path);
  const { file, done } = checkedSnapshot(path, resourcesDir);
  const db = openUntrusted(file, name);
  try {
    const bundle = emptyBundle();
    let rows = 0;
    for (const [part, def] of BUNDLE_TABLES) {
      const records = bundle[part] as unknown[];
      const json = def.columns.filter((c) => c.kind === 'json').map((c) => c.col);
      readRows(
        db,
        name,
        def.table,
        (row) => {
          for (const col of json) {
            const v = row[col];
            if (typeof v !== 'string' || !jsonTextNestingWithin(v)) {
              throw refuseSnapshot(name, `its ${def.table} row ${String(row.id).slice(0, 40)} has a ${col} that is not valid JSON text`);
            }
          }
          try {
            records.push(fromRow(def, row));
          } catch (err) {
            throw refuseSnapshot(name, `its ${def.table} row ${String(row.id).slice(0, 40)} cannot be read (${(err as Error).message})`);
          }
        },
        (n) => progress(rows + n, 0),
      );
      rows += records.length;
    }
    return bundle;
  } finally {
    db.close();
    done();
  }
}
