// Attribute types the user corrected. The catalogue of attributes itself is inferred from the
// records' values whenever they change (engine/attributes/catalogue.ts), so only a correction, which
// no value can tell, is stored: one row per record kind and attribute name.
import type { Migration } from './migration';

export const attributeTypes: Migration = {
  name: 'attribute types',
  up(db) {
    db.exec(`
      CREATE TABLE attribute_type (
        record_kind TEXT NOT NULL CHECK (record_kind IN ('organisation', 'partnership', 'event', 'relation')),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean', 'list')),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (record_kind, name)
      ) WITHOUT ROWID
    `);
  },
};
