// Edges imported from other tools carry attributes (weights, labels, custom columns) that a relation
// had no place for; an import must not drop them.
import type { Migration } from './migration';

export const relationAttributes: Migration = {
  name: 'relation attributes',
  up(db) {
    db.exec(`ALTER TABLE relation ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_type(attributes) = 'object')`);
  },
};
