// The ordered list of schema migrations. Append only: a migration that has shipped is never edited,
// because databases on analysts' laptops have already run it. PRAGMA user_version = list length.
import type { Database } from 'better-sqlite3';
import {
  CITABLE_TYPES,
  COUNT_QUALIFIERS,
  EVENT_KINDS,
  EVENT_MODES,
  GRAPH_VIEWS,
  MEMBER_ROLES,
  PARTICIPANT_ROLES,
  PARTNERSHIP_KINDS,
  PARTNERSHIP_STATUSES,
  RECORD_TYPES,
  RELATION_TYPES,
  SECTORS,
} from '../../../shared/domain';
import { loadCountries } from './countries';

export interface MigrationContext {
  resourcesDir: string;
}
export interface Migration {
  name: string;
  up(db: Database, ctx: MigrationContext): void;
}

const oneOf = (col: string, values: readonly string[]) =>
  `CHECK (${col} IN (${values.map((v) => `'${v}'`).join(', ')}))`;
const nullOrOneOf = (col: string, values: readonly string[]) =>
  `CHECK (${col} IS NULL OR ${col} IN (${values.map((v) => `'${v}'`).join(', ')}))`;

// Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) become comparable keys: the earliest day they can mean
// for a start and the latest for an end (shared/dates.ts does the same in TypeScript). Virtual
// columns, so they can never disagree with the date.
const startKey = (col: string) =>
  `CASE length(${col}) WHEN 4 THEN ${col} || '-01-01' WHEN 7 THEN ${col} || '-01' ELSE ${col} END`;
const endKey = (col: string) =>
  `CASE length(${col}) WHEN 4 THEN ${col} || '-12-31' WHEN 7 THEN ${col} || '-31' ELSE ${col} END`;

const stamps = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL`;
const jsonArray = (col: string) => `${col} TEXT NOT NULL DEFAULT '[]' CHECK (json_type(${col}) = 'array')`;
const jsonObject = (col: string) => `${col} TEXT NOT NULL DEFAULT '{}' CHECK (json_type(${col}) = 'object')`;

export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'initial data model',
    up(db, ctx) {
      db.exec(`
        CREATE TABLE country (
          code TEXT PRIMARY KEY CHECK (length(code) = 2),
          alpha3 TEXT NOT NULL,
          numeric TEXT NOT NULL,
          name TEXT NOT NULL,
          region TEXT,
          sub_region TEXT,
          intermediate_region TEXT
        ) WITHOUT ROWID;

        CREATE TABLE import_run (
          id TEXT PRIMARY KEY,
          label TEXT NOT NULL,
          format TEXT,
          file TEXT,
          started_at TEXT NOT NULL,
          actor TEXT NOT NULL
        );

        CREATE TABLE organisation (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          acronym TEXT,
          sector TEXT NOT NULL ${oneOf('sector', SECTORS)},
          country TEXT REFERENCES country(code),
          city TEXT,
          website TEXT,
          description TEXT,
          ${jsonArray('tags')},
          ${jsonObject('attributes')},
          synthetic INTEGER NOT NULL DEFAULT 0,
          ${stamps}
        );
        CREATE INDEX organisation_country ON organisation(country);
        CREATE INDEX organisation_sector ON organisation(sector);
        CREATE INDEX organisation_name ON organisation(name COLLATE NOCASE);

        CREATE TABLE partnership (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          kind TEXT NOT NULL ${oneOf('kind', PARTNERSHIP_KINDS)},
          ${jsonArray('focus_areas')},
          ${jsonArray('regional_scope')},
          start_date TEXT,
          end_date TEXT,
          status TEXT ${nullOrOneOf('status', PARTNERSHIP_STATUSES)},
          description TEXT,
          ${jsonArray('tags')},
          ${jsonObject('attributes')},
          synthetic INTEGER NOT NULL DEFAULT 0,
          ${stamps},
          start_key TEXT GENERATED ALWAYS AS (${startKey('start_date')}) VIRTUAL,
          end_key TEXT GENERATED ALWAYS AS (${endKey('end_date')}) VIRTUAL
        );
        CREATE INDEX partnership_kind ON partnership(kind);

        CREATE TABLE membership (
          id TEXT PRIMARY KEY,
          partnership_id TEXT NOT NULL REFERENCES partnership(id),
          organisation_id TEXT NOT NULL REFERENCES organisation(id),
          role TEXT NOT NULL ${oneOf('role', MEMBER_ROLES)},
          start_date TEXT,
          end_date TEXT,
          ${stamps}
        );
        -- Named unique indexes rather than inline UNIQUE, so bulk loads can defer them.
        CREATE UNIQUE INDEX membership_pair ON membership(partnership_id, organisation_id);
        CREATE INDEX membership_organisation ON membership(organisation_id, partnership_id);

        CREATE TABLE event (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          kind TEXT NOT NULL ${oneOf('kind', EVENT_KINDS)},
          start_date TEXT,
          end_date TEXT,
          city TEXT,
          country TEXT REFERENCES country(code),
          mode TEXT ${nullOrOneOf('mode', EVENT_MODES)},
          participant_count INTEGER CHECK (participant_count IS NULL OR participant_count >= 0),
          participant_count_qualifier TEXT NOT NULL DEFAULT 'exact' ${oneOf('participant_count_qualifier', COUNT_QUALIFIERS)},
          description TEXT,
          ${jsonArray('tags')},
          ${jsonObject('attributes')},
          synthetic INTEGER NOT NULL DEFAULT 0,
          ${stamps},
          start_key TEXT GENERATED ALWAYS AS (${startKey('start_date')}) VIRTUAL,
          -- an event without an end date happened within its start date
          end_key TEXT GENERATED ALWAYS AS (${endKey('coalesce(end_date, start_date)')}) VIRTUAL
        );
        CREATE INDEX event_kind ON event(kind);

        CREATE TABLE participation (
          id TEXT PRIMARY KEY,
          event_id TEXT NOT NULL REFERENCES event(id),
          organisation_id TEXT NOT NULL REFERENCES organisation(id),
          role TEXT NOT NULL ${oneOf('role', PARTICIPANT_ROLES)},
          ${stamps}
        );
        CREATE UNIQUE INDEX participation_pair ON participation(event_id, organisation_id);
        CREATE INDEX participation_organisation ON participation(organisation_id, event_id);

        CREATE TABLE relation (
          id TEXT PRIMARY KEY,
          source_id TEXT NOT NULL REFERENCES organisation(id),
          target_id TEXT NOT NULL REFERENCES organisation(id),
          type TEXT NOT NULL ${oneOf('type', RELATION_TYPES)},
          start_date TEXT,
          end_date TEXT,
          description TEXT,
          synthetic INTEGER NOT NULL DEFAULT 0,
          ${stamps},
          start_key TEXT GENERATED ALWAYS AS (${startKey('start_date')}) VIRTUAL,
          end_key TEXT GENERATED ALWAYS AS (${endKey('end_date')}) VIRTUAL,
          CHECK (source_id <> target_id)
        );
        CREATE INDEX relation_source ON relation(source_id);
        CREATE INDEX relation_target ON relation(target_id);

        CREATE TABLE source (
          id TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          url TEXT,
          document TEXT,
          publisher TEXT,
          published_date TEXT,
          notes TEXT,
          ${stamps}
        );

        CREATE TABLE citation (
          id TEXT PRIMARY KEY,
          source_id TEXT NOT NULL REFERENCES source(id),
          record_type TEXT NOT NULL ${oneOf('record_type', CITABLE_TYPES)},
          record_id TEXT NOT NULL,
          locator TEXT,
          ${stamps},
          UNIQUE (source_id, record_type, record_id)
        );
        CREATE INDEX citation_record ON citation(record_type, record_id);

        CREATE TABLE saved_view (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL UNIQUE COLLATE NOCASE,
          ${jsonObject('filters')},
          view TEXT NOT NULL DEFAULT 'organisations' ${oneOf('view', GRAPH_VIEWS)},
          layout TEXT,
          ${jsonObject('positions')},
          ${jsonObject('style')},
          ${stamps}
        );

        -- The change log: every write, from a form, an import or the seed. Undo, history and
        -- provenance read from here, so nothing writes to the tables above without a row here.
        -- seq is the rowid: rows are never deleted, so it only grows (AUTOINCREMENT would cost
        -- an extra write per row for a guarantee the log does not need).
        CREATE TABLE change (
          seq INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          import_id TEXT REFERENCES import_run(id),
          record_type TEXT NOT NULL ${oneOf('record_type', RECORD_TYPES)},
          record_id TEXT NOT NULL,
          op TEXT NOT NULL ${oneOf('op', ['create', 'update', 'delete'])},
          before TEXT,
          after TEXT
        );
        CREATE INDEX change_record ON change(record_id, seq);
        CREATE INDEX change_import ON change(import_id) WHERE import_id IS NOT NULL;
      `);
      const insert = db.prepare(
        `INSERT INTO country (code, alpha3, numeric, name, region, sub_region, intermediate_region)
         VALUES (@code, @alpha3, @numeric, @name, @region, @subRegion, @intermediateRegion)`,
      );
      for (const c of loadCountries(ctx.resourcesDir)) insert.run(c);
    },
  },
  {
    // Edges imported from other tools carry attributes (weights, labels, custom columns) that a
    // relation had no place for; an import must not drop them.
    name: 'relation attributes',
    up(db) {
      db.exec(`ALTER TABLE relation ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_type(attributes) = 'object')`);
    },
  },
  {
    // An import's change log was one row per record it created, holding the whole record: half the
    // time of a large import. Records an import creates now carry the place in the log their
    // creation takes (created_seq, a number the import reserves and leaves unwritten), and the run
    // records its range; history reads their creation from the record and the run (store/history.ts).
    // Existing rows keep their log rows and a NULL created_seq.
    name: 'provenance by import run',
    up(db) {
      db.exec(`ALTER TABLE import_run ADD COLUMN first_seq INTEGER`);
      db.exec(`ALTER TABLE import_run ADD COLUMN last_seq INTEGER`);
      db.exec(`CREATE INDEX import_run_seq ON import_run(first_seq) WHERE first_seq IS NOT NULL`);
      // Every record table, listed here rather than read from store/tables.ts: a shipped migration must not change with the code.
      for (const table of ['organisation', 'partnership', 'membership', 'event', 'participation', 'relation', 'source', 'citation', 'saved_view']) {
        db.exec(`ALTER TABLE ${table} ADD COLUMN created_seq INTEGER`);
        db.exec(`CREATE INDEX ${table}_created ON ${table}(created_seq) WHERE created_seq IS NOT NULL`);
      }
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
