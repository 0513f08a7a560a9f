// The snapshot: one SQLite file, in this app's own schema, holding a chosen part of the network
// with its sources (and a saved view), for handing to another laptop. Reading one back yields a
// Bundle with every ID kept, so exchanges in both directions converge.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtlasError } from '../../../../../shared/errors';
import { openDatabase } from '../../../db/open';
import { fromRow, TABLES, type RecordObject, type TableDef } from '../../../store/tables';
import { Writer } from '../../../store/writer';
import { emptyBundle, type Bundle } from '../../model/bundle';
import { fileHead } from '../file-head';
import type { BundleReader } from '../../export/reader';

export const SNAPSHOT_PARTS: [keyof Bundle, TableDef][] = [
  ['sources', TABLES.source],
  ['organisations', TABLES.organisation],
  ['partnerships', TABLES.partnership],
  ['events', TABLES.event],
  ['memberships', TABLES.membership],
  ['participations', TABLES.participation],
  ['relations', TABLES.relation],
  ['citations', TABLES.citation],
  ['savedViews', TABLES.saved_view],
];

const SQLITE_MAGIC = 'SQLite format 3\0';

export function isSnapshot(path: string): boolean {
  try {
    return fileHead(path, SQLITE_MAGIC.length).toString('latin1') === SQLITE_MAGIC;
  } catch {
    return false;
  }
}

/**
 * `copyFrom`, a database file holding exactly the records to write, lets SQLite copy the tables
 * itself; otherwise the records are inserted from `reader`.
 */
export function writeSnapshot(path: string, reader: BundleReader, resourcesDir: string, actor: string, copyFrom?: string): void {
  if (existsSync(path)) throw new AtlasError('conflict', `${path} already exists; choose another name`, 'path');
  const { db } = openDatabase(path, { resourcesDir });
  try {
    // One self-contained file, and no write-ahead log to write every page through first.
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    if (copyFrom) db.prepare(`ATTACH DATABASE ? AS source`).run(copyFrom);
    const writer = new Writer(db, actor, null, false);
    writer.runImport({ label: 'Snapshot contents (copies: their history stays in the network they came from)', format: 'snapshot', file: null }, () => {
      if (!copyFrom) {
        for (const [part, def] of SNAPSHOT_PARTS) writer.insertMany(def, [...reader.records(part)] as unknown as RecordObject[]);
        return;
      }
      const defs = SNAPSHOT_PARTS.map(([, def]) => def);
      writer.withIndexesDeferred(defs, () => defs.forEach((def) => writer.copyAll(def, 'source')));
    });
    if (copyFrom) db.exec('DETACH DATABASE source');
  } catch (err) {
    db.close();
    rmSync(path, { force: true });
    throw err;
  }
  db.close();
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
    for (const [part, def] of SNAPSHOT_PARTS) {
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
