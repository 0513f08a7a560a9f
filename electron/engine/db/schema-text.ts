// A database's schema as the text of schema.sql: what scripts/write-schema.ts writes and
// test/engine/schema.test.ts compares. SQLite keeps each CREATE as it was typed and splices the
// columns ALTER TABLE adds into it, so the text is normalised (objects sorted by type then name, each
// line trimmed, blank lines dropped, runs of spaces outside quotes made one) to show what the schema
// is rather than how its statements were laid out. SQLite's own objects (sqlite_autoindex_*,
// sqlite_sequence, sqlite_stat*) are left out: they follow from the rest.
import type { Database } from 'better-sqlite3';

const TYPE_ORDER = ['table', 'index', 'view', 'trigger'];

export function schemaText(db: Database): string {
  const version = db.pragma('user_version', { simple: true }) as number;
  const objects = db
    .prepare(`SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`)
    .all() as { type: string; name: string; sql: string }[];
  objects.sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const header =
    `-- The schema of a fresh database after every migration (PRAGMA user_version = ${version}).\n` +
    '-- Written by `node --import tsx scripts/write-schema.ts`; test/engine/schema.test.ts compares it with a new database.\n';
  const statements = objects.map((o) => `${statementText(o.sql)};`);
  // A blank line around each statement of several lines; the one-line indexes stand together.
  return (
    header + statements.map((s, i) => (i === 0 || s.includes('\n') || statements[i - 1]!.includes('\n') ? `\n${s}\n` : `${s}\n`)).join('')
  );
}

function statementText(sql: string): string {
  const lines = sql
    .split('\n')
    .map(collapseSpaces)
    .filter((l) => l.length > 0);
  return lines.map((l, i) => (i === 0 || l.startsWith(')') ? l : `  ${l}`)).join('\n');
}

/** Trims a line and makes each run of blanks one space, leaving quoted text and a comment's quotes alone. */
function collapseSpaces(line: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === '-' && line[i + 1] === '-') {
      return (out + line.slice(i).replace(/\s+/g, ' ')).trim();
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (/\s/.test(ch)) {
      if (!out.endsWith(' ')) out += ' ';
    } else out += ch;
  }
  return out.trim();
}
