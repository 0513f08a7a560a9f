// The ordered list of schema migrations; PRAGMA user_version is how many of them a database has run.
//
// Append only. A migration that has shipped is never edited, because databases on analysts' laptops
// have already run it: its SQL is written out in its own file and reads nothing that may change with
// the code (no vocabulary from shared/domain.ts, no table list from store/tables.ts).
//
// A change to a vocabulary in shared/domain.ts (a sector, a kind, a role) is therefore a new
// migration. SQLite cannot alter a CHECK constraint in place (ALTER TABLE only renames and adds or
// drops columns, and writable_schema is refused in the defensive mode better-sqlite3 runs), so the
// migration rebuilds the table, as https://www.sqlite.org/lang_altertable.html#otheralter describes:
//   1. CREATE TABLE <t>_new with the table's whole current definition (schema.sql has it, with the
//      columns later migrations added) and the new CHECK;
//   2. INSERT INTO <t>_new (<stored columns>) SELECT <stored columns> FROM <t>, naming the columns,
//      since generated columns (start_key, end_key) cannot be inserted;
//   3. DROP TABLE <t>; ALTER TABLE <t>_new RENAME TO <t>;
//   4. CREATE again every index of <t> (the drop took them) as schema.sql spells them.
// open.ts runs migrations with foreign keys off, because dropping a table that others reference would
// otherwise fail, and checks them (PRAGMA foreign_key_check) before the transaction commits.
// Then run `node --import tsx scripts/write-schema.ts` and commit the new schema.sql with the migration:
// test/engine/schema.test.ts fails until schema.sql, a fresh database and shared/domain.ts agree.
import { initialDataModel } from './001-initial-data-model';
import { relationAttributes } from './002-relation-attributes';
import { provenanceByImportRun } from './003-provenance-by-import-run';
import { undoActions } from './004-undo-actions';
import { attributeTypes } from './005-attribute-types';
import type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [initialDataModel, relationAttributes, provenanceByImportRun, undoActions, attributeTypes];

export const SCHEMA_VERSION = MIGRATIONS.length;
