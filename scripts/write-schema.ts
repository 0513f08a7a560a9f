// Writes electron/engine/db/schema.sql: the schema of a fresh database after every migration, as the
// engine's open path creates it. Run it after adding a migration and commit the result with it:
//   node --import tsx scripts/write-schema.ts
// test/engine/schema.test.ts fails while the checked-in file and a new database disagree.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../electron/engine/db/open';
import { schemaText } from '../electron/engine/db/schema-text';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'electron/engine/db/schema.sql');
const dir = mkdtempSync(join(tmpdir(), 'atlas-schema-'));
try {
  const { db } = openDatabase(join(dir, 'fresh.sqlite'), { resourcesDir: join(root, 'resources') });
  const text = schemaText(db);
  db.close();
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
