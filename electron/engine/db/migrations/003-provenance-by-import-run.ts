// An import's change log was one row per record it created, holding the whole record: half the time
// of a large import. Records an import creates now carry the place in the log their creation takes
// (created_seq, a number the import reserves and leaves unwritten), and the run records its range;
// history reads their creation from the record and the run (store/history.ts). Existing rows keep
// their log rows and a NULL created_seq.
import type { Migration } from './migration';

export const provenanceByImportRun: Migration = {
  name: 'provenance by import run',
  up(db) {
    // Every record table by name, not read from store/tables.ts: a shipped migration must not change with the code.
    // Column then index, table by table: the order that fixed each object's place in sqlite_schema.
    db.exec(`
      ALTER TABLE import_run ADD COLUMN first_seq INTEGER;
      ALTER TABLE import_run ADD COLUMN last_seq INTEGER;
      CREATE INDEX import_run_seq ON import_run(first_seq) WHERE first_seq IS NOT NULL;
      ALTER TABLE organisation ADD COLUMN created_seq INTEGER;
      CREATE INDEX organisation_created ON organisation(created_seq) WHERE created_seq IS NOT NULL;
      ALTER TABLE partnership ADD COLUMN created_seq INTEGER;
      CREATE INDEX partnership_created ON partnership(created_seq) WHERE created_seq IS NOT NULL;
      ALTER TABLE membership ADD COLUMN created_seq INTEGER;
      CREATE INDEX membership_created ON membership(created_seq) WHERE created_seq IS NOT NULL;
      ALTER TABLE event ADD COLUMN created_seq INTEGER;
      CREATE INDEX event_created ON event(created_seq) WHERE created_seq IS NOT NULL;
      ALTER TABLE participation ADD COLUMN created_seq INTEGER;
      CREATE INDEX participation_created ON participation(created_seq) WHERE created_seq IS NOT NULL;
      ALTER TABLE relation ADD COLUMN created_seq INTEGER;
      CREATE INDEX relation_created ON relation(created_seq) WHERE created_seq IS NOT NULL;
      ALTER TABLE source ADD COLUMN created_seq INTEGER;
      CREATE INDEX source_created ON source(created_seq) WHERE created_seq IS NOT NULL;
      ALTER TABLE citation ADD COLUMN created_seq INTEGER;
      CREATE INDEX citation_created ON citation(created_seq) WHERE created_seq IS NOT NULL;
      ALTER TABLE saved_view ADD COLUMN created_seq INTEGER;
      CREATE INDEX saved_view_created ON saved_view(created_seq) WHERE created_seq IS NOT NULL;
    `);
  },
};
