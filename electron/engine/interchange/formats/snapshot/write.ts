// Writing a snapshot: a new database file in this app's own schema holding exactly the records
// given, with one import run saying they are copies (their history stays where they came from).
import { existsSync, rmSync } from 'node:fs';
import { AtlasError } from '../../../../../shared/errors';
import { openDatabase } from '../../../db/open';
import type { RecordObject } from '../../../store/tables';
import { Writer } from '../../../store/writer';
import { BUNDLE_TABLES, type BundleReader } from '../../model/bundle';

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
    writer.runImport(
      { label: 'Snapshot contents (copies: their history stays in the network they came from)', format: 'snapshot', file: null },
      () => {
        if (!copyFrom) {
          for (const [part, def] of BUNDLE_TABLES) writer.insertMany(def, [...reader.records(part)] as unknown as RecordObject[]);
          return;
        }
        const defs = BUNDLE_TABLES.map(([, def]) => def);
        writer.withIndexesDeferred(defs, () => defs.forEach((def) => writer.copyAll(def, 'source')));
      },
    );
    if (copyFrom) db.exec('DETACH DATABASE source');
  } catch (err) {
    db.close();
    rmSync(path, { force: true });
    throw err;
  }
  db.close();
}
