// The data model as it first shipped: every record table, the country reference table (filled from
// resources/countries.csv) and the change log.
//
// The vocabularies in the CHECK constraints are written out as they stood when this shipped, not read
// from shared/domain.ts: a database created today must get the rules a laptop's older database got.
// The SQL keeps its original indentation too, since SQLite stores each CREATE's text as written and
// schema.sql is compared with it.
//
// start_key/end_key turn partial dates (YYYY, YYYY-MM, YYYY-MM-DD) into comparable keys: the earliest
// day they can mean for a start and the latest for an end (shared/dates.ts does the same in
// TypeScript). Virtual columns, so they can never disagree with the date.
import { loadCountries } from '../countries';
import type { Migration } from './migration';

export const initialDataModel: Migration = {
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
          sector TEXT NOT NULL CHECK (sector IN ('government', 'intergovernmental', 'civil_society', 'academia', 'private_sector', 'other')),
          country TEXT REFERENCES country(code),
          city TEXT,
          website TEXT,
          description TEXT,
          tags TEXT NOT NULL DEFAULT '[]' CHECK (json_type(tags) = 'array'),
          attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_type(attributes) = 'object'),
          synthetic INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE INDEX organisation_country ON organisation(country);
        CREATE INDEX organisation_sector ON organisation(sector);
        CREATE INDEX organisation_name ON organisation(name COLLATE NOCASE);

        CREATE TABLE partnership (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('public_private', 'multistakeholder', 'network', 'expert_group', 'agreement', 'project', 'funding')),
          focus_areas TEXT NOT NULL DEFAULT '[]' CHECK (json_type(focus_areas) = 'array'),
          regional_scope TEXT NOT NULL DEFAULT '[]' CHECK (json_type(regional_scope) = 'array'),
          start_date TEXT,
          end_date TEXT,
          status TEXT CHECK (status IS NULL OR status IN ('planned', 'active', 'ended')),
          description TEXT,
          tags TEXT NOT NULL DEFAULT '[]' CHECK (json_type(tags) = 'array'),
          attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_type(attributes) = 'object'),
          synthetic INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
          start_key TEXT GENERATED ALWAYS AS (CASE length(start_date) WHEN 4 THEN start_date || '-01-01' WHEN 7 THEN start_date || '-01' ELSE start_date END) VIRTUAL,
          end_key TEXT GENERATED ALWAYS AS (CASE length(end_date) WHEN 4 THEN end_date || '-12-31' WHEN 7 THEN end_date || '-31' ELSE end_date END) VIRTUAL
        );
        CREATE INDEX partnership_kind ON partnership(kind);

        CREATE TABLE membership (
          id TEXT PRIMARY KEY,
          partnership_id TEXT NOT NULL REFERENCES partnership(id),
          organisation_id TEXT NOT NULL REFERENCES organisation(id),
          role TEXT NOT NULL CHECK (role IN ('lead', 'member', 'funder', 'observer')),
          start_date TEXT,
          end_date TEXT,
          created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        -- Named unique indexes rather than inline UNIQUE, so bulk loads can defer them.
        CREATE UNIQUE INDEX membership_pair ON membership(partnership_id, organisation_id);
        CREATE INDEX membership_organisation ON membership(organisation_id, partnership_id);

        CREATE TABLE event (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('consultation', 'negotiating_session', 'side_event', 'workshop', 'conference', 'webinar')),
          start_date TEXT,
          end_date TEXT,
          city TEXT,
          country TEXT REFERENCES country(code),
          mode TEXT CHECK (mode IS NULL OR mode IN ('in_person', 'virtual', 'hybrid')),
          participant_count INTEGER CHECK (participant_count IS NULL OR participant_count >= 0),
          participant_count_qualifier TEXT NOT NULL DEFAULT 'exact' CHECK (participant_count_qualifier IN ('exact', 'more_than', 'about')),
          description TEXT,
          tags TEXT NOT NULL DEFAULT '[]' CHECK (json_type(tags) = 'array'),
          attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_type(attributes) = 'object'),
          synthetic INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
          start_key TEXT GENERATED ALWAYS AS (CASE length(start_date) WHEN 4 THEN start_date || '-01-01' WHEN 7 THEN start_date || '-01' ELSE start_date END) VIRTUAL,
          -- an event without an end date happened within its start date
          end_key TEXT GENERATED ALWAYS AS (CASE length(coalesce(end_date, start_date)) WHEN 4 THEN coalesce(end_date, start_date) || '-12-31' WHEN 7 THEN coalesce(end_date, start_date) || '-31' ELSE coalesce(end_date, start_date) END) VIRTUAL
        );
        CREATE INDEX event_kind ON event(kind);

        CREATE TABLE participation (
          id TEXT PRIMARY KEY,
          event_id TEXT NOT NULL REFERENCES event(id),
          organisation_id TEXT NOT NULL REFERENCES organisation(id),
          role TEXT NOT NULL CHECK (role IN ('organiser', 'speaker', 'participant')),
          created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX participation_pair ON participation(event_id, organisation_id);
        CREATE INDEX participation_organisation ON participation(organisation_id, event_id);

        CREATE TABLE relation (
          id TEXT PRIMARY KEY,
          source_id TEXT NOT NULL REFERENCES organisation(id),
          target_id TEXT NOT NULL REFERENCES organisation(id),
          type TEXT NOT NULL CHECK (type IN ('funds', 'member_of', 'collaborates_with', 'part_of', 'supports', 'other')),
          start_date TEXT,
          end_date TEXT,
          description TEXT,
          synthetic INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
          start_key TEXT GENERATED ALWAYS AS (CASE length(start_date) WHEN 4 THEN start_date || '-01-01' WHEN 7 THEN start_date || '-01' ELSE start_date END) VIRTUAL,
          end_key TEXT GENERATED ALWAYS AS (CASE length(end_date) WHEN 4 THEN end_date || '-12-31' WHEN 7 THEN end_date || '-31' ELSE end_date END) VIRTUAL,
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
          created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );

        CREATE TABLE citation (
          id TEXT PRIMARY KEY,
          source_id TEXT NOT NULL REFERENCES source(id),
          record_type TEXT NOT NULL CHECK (record_type IN ('organisation', 'partnership', 'membership', 'event', 'participation', 'relation')),
          record_id TEXT NOT NULL,
          locator TEXT,
          created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
          UNIQUE (source_id, record_type, record_id)
        );
        CREATE INDEX citation_record ON citation(record_type, record_id);

        CREATE TABLE saved_view (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL UNIQUE COLLATE NOCASE,
          filters TEXT NOT NULL DEFAULT '{}' CHECK (json_type(filters) = 'object'),
          view TEXT NOT NULL DEFAULT 'organisations' CHECK (view IN ('organisations', 'full')),
          layout TEXT,
          positions TEXT NOT NULL DEFAULT '{}' CHECK (json_type(positions) = 'object'),
          style TEXT NOT NULL DEFAULT '{}' CHECK (json_type(style) = 'object'),
          created_at TEXT NOT NULL, updated_at TEXT NOT NULL
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
          record_type TEXT NOT NULL CHECK (record_type IN ('organisation', 'partnership', 'membership', 'event', 'participation', 'relation', 'source', 'citation', 'saved_view')),
          record_id TEXT NOT NULL,
          op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
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
};
