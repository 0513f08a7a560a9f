// `meta.info`: which database is open and what it holds, read from SQLite alone, so both the
// engine and the second, read-only engine (quick.ts) answer it the same way.
import type { Database } from 'better-sqlite3';
import type { CallOutput } from '../../shared/contract';
import { SCHEMA_VERSION } from './db/migrations/index';

const APP_VERSION = '0.1.0';

export function metaInfo(db: Database, dbPath: string, viewing: string | null): CallOutput<'meta.info'> {
  return {
    appVersion: APP_VERSION,
    schemaVersion: SCHEMA_VERSION,
    dbPath,
    organisations: db.prepare('SELECT count(*) FROM organisation').pluck().get() as number,
    synthetic: db.prepare('SELECT 1 FROM organisation WHERE synthetic = 1 LIMIT 1').get() !== undefined,
    viewing,
  };
}
