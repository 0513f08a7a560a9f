// The references an import's rows make, checked once per distinct key instead of once per row.
// SQLite checks a foreign key by looking its parent up for every row: two lookups for each of a
// million imported relations, 2 s of a 25 s import, for the hundred thousand organisations they
// name. An import notes every key its rows refer to as it writes them (writeImported) and checks
// each distinct one here before it commits, with SQLite's own check off (Writer.runImport).
import type { Database } from 'better-sqlite3';
import { AtlasError } from '../../../shared/errors';
import { keyColumnOf, missingRecord, type RecordObject, type Reference, type TableDef } from './tables';

export class References {
  private readonly keys = new Map<Reference['target'], Set<string>>();

  /** Notes what `records` of `def` refer to. */
  note(def: TableDef, records: readonly RecordObject[]): void {
    for (const ref of def.refs) {
      const keys = this.of(ref.target);
      for (const r of records) {
        const v = r[ref.key];
        if (v !== null && v !== undefined) keys.add(v as string);
      }
    }
  }

  add(target: Reference['target'], key: string): void {
    this.of(target).add(key);
  }

  /** Throws, naming the first, if a noted key is in none of its table's rows. */
  check(db: Database): void {
    for (const [target, keys] of this.keys) {
      if (!keys.size) continue;
      // One lookup per key, however large the network around them.
      const missing = db
        .prepare(`SELECT value FROM json_each(?) WHERE NOT EXISTS (SELECT 1 FROM ${target} WHERE ${keyColumnOf(target)} = value) LIMIT 1`)
        .pluck()
        .get(JSON.stringify([...keys])) as string | undefined;
      if (missing !== undefined)
        throw new AtlasError('validation', `The import refers to a record that does not exist: no ${missingRecord(target, missing)}`);
    }
  }

  private of(target: Reference['target']): Set<string> {
    let keys = this.keys.get(target);
    if (!keys) this.keys.set(target, (keys = new Set()));
    return keys;
  }
}
