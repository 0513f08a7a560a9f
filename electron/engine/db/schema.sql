-- The schema of a fresh database after every migration (PRAGMA user_version = 5).
-- Written by `node --import tsx scripts/write-schema.ts`; test/engine/schema.test.ts compares it with a new database.

CREATE TABLE action (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  label TEXT NOT NULL,
  import_id TEXT REFERENCES import_run(id),
  first_seq INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  size INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('do', 'undo', 'redo')),
  target INTEGER REFERENCES action(id),
  state TEXT NOT NULL CHECK (state IN ('done', 'undone', 'dropped')),
  reverts_import TEXT REFERENCES import_run(id),
  CHECK (last_seq >= first_seq)
);

CREATE TABLE attribute_type (
  record_kind TEXT NOT NULL CHECK (record_kind IN ('organisation', 'partnership', 'event', 'relation')),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean', 'list')),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (record_kind, name)
) WITHOUT ROWID;

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

CREATE TABLE citation (
  id TEXT PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES source(id),
  record_type TEXT NOT NULL CHECK (record_type IN ('organisation', 'partnership', 'membership', 'event', 'participation', 'relation')),
  record_id TEXT NOT NULL,
  locator TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_seq INTEGER,
  UNIQUE (source_id, record_type, record_id)
);

CREATE TABLE country (
  code TEXT PRIMARY KEY CHECK (length(code) = 2),
  alpha3 TEXT NOT NULL,
  numeric TEXT NOT NULL,
  name TEXT NOT NULL,
  region TEXT,
  sub_region TEXT,
  intermediate_region TEXT
) WITHOUT ROWID;

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
  , created_seq INTEGER);

CREATE TABLE import_run (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  format TEXT,
  file TEXT,
  started_at TEXT NOT NULL,
  actor TEXT NOT NULL
  , first_seq INTEGER, last_seq INTEGER);

CREATE TABLE membership (
  id TEXT PRIMARY KEY,
  partnership_id TEXT NOT NULL REFERENCES partnership(id),
  organisation_id TEXT NOT NULL REFERENCES organisation(id),
  role TEXT NOT NULL CHECK (role IN ('lead', 'member', 'funder', 'observer')),
  start_date TEXT,
  end_date TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  , created_seq INTEGER);

CREATE TABLE merge_log (
  id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES action(id),
  record_type TEXT NOT NULL,
  kept_id TEXT NOT NULL,
  merged_id TEXT NOT NULL,
  merged_name TEXT NOT NULL,
  fields TEXT NOT NULL CHECK (json_type(fields) = 'object')
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
  , created_seq INTEGER);

CREATE TABLE participation (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES event(id),
  organisation_id TEXT NOT NULL REFERENCES organisation(id),
  role TEXT NOT NULL CHECK (role IN ('organiser', 'speaker', 'participant')),
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  , created_seq INTEGER);

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
  , created_seq INTEGER);

CREATE TABLE preference (key TEXT PRIMARY KEY, value TEXT NOT NULL);

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
  end_key TEXT GENERATED ALWAYS AS (CASE length(end_date) WHEN 4 THEN end_date || '-12-31' WHEN 7 THEN end_date || '-31' ELSE end_date END) VIRTUAL, attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_type(attributes) = 'object'), created_seq INTEGER,
  CHECK (source_id <> target_id)
);

CREATE TABLE saved_view (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  filters TEXT NOT NULL DEFAULT '{}' CHECK (json_type(filters) = 'object'),
  view TEXT NOT NULL DEFAULT 'organisations' CHECK (view IN ('organisations', 'full')),
  layout TEXT,
  positions TEXT NOT NULL DEFAULT '{}' CHECK (json_type(positions) = 'object'),
  style TEXT NOT NULL DEFAULT '{}' CHECK (json_type(style) = 'object'),
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  , created_seq INTEGER);

CREATE TABLE source (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  url TEXT,
  document TEXT,
  publisher TEXT,
  published_date TEXT,
  notes TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  , created_seq INTEGER);

CREATE INDEX action_seq ON action(first_seq);
CREATE INDEX action_stack ON action(kind, state, id);
CREATE INDEX change_import ON change(import_id) WHERE import_id IS NOT NULL;
CREATE INDEX change_record ON change(record_id, seq);
CREATE INDEX citation_created ON citation(created_seq) WHERE created_seq IS NOT NULL;
CREATE INDEX citation_record ON citation(record_type, record_id);
CREATE INDEX event_created ON event(created_seq) WHERE created_seq IS NOT NULL;
CREATE INDEX event_kind ON event(kind);
CREATE INDEX import_run_seq ON import_run(first_seq) WHERE first_seq IS NOT NULL;
CREATE INDEX membership_created ON membership(created_seq) WHERE created_seq IS NOT NULL;
CREATE INDEX membership_organisation ON membership(organisation_id, partnership_id);
CREATE UNIQUE INDEX membership_pair ON membership(partnership_id, organisation_id);
CREATE INDEX merge_log_kept ON merge_log(kept_id);
CREATE INDEX organisation_country ON organisation(country);
CREATE INDEX organisation_created ON organisation(created_seq) WHERE created_seq IS NOT NULL;
CREATE INDEX organisation_name ON organisation(name COLLATE NOCASE);
CREATE INDEX organisation_sector ON organisation(sector);
CREATE INDEX participation_created ON participation(created_seq) WHERE created_seq IS NOT NULL;
CREATE INDEX participation_organisation ON participation(organisation_id, event_id);
CREATE UNIQUE INDEX participation_pair ON participation(event_id, organisation_id);
CREATE INDEX partnership_created ON partnership(created_seq) WHERE created_seq IS NOT NULL;
CREATE INDEX partnership_kind ON partnership(kind);
CREATE INDEX relation_created ON relation(created_seq) WHERE created_seq IS NOT NULL;
CREATE INDEX relation_source ON relation(source_id);
CREATE INDEX relation_target ON relation(target_id);
CREATE INDEX saved_view_created ON saved_view(created_seq) WHERE created_seq IS NOT NULL;
CREATE INDEX source_created ON source(created_seq) WHERE created_seq IS NOT NULL;
