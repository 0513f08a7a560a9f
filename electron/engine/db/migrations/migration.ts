// What a migration is. Its own module so the migration files and the list that orders them do not import each other.
import type { Database } from 'better-sqlite3';

export interface MigrationContext {
  resourcesDir: string;
}
export interface Migration {
  name: string;
  up(db: Database, ctx: MigrationContext): void;
}
