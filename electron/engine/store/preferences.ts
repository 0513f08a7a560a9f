// The analyst's preferences, kept in the network's database (migration 004): for now their name,
// which every change records as who made it (the OS user name until it is set).
import type { Database } from 'better-sqlite3';

export function getPreferences(db: Database): { analystName: string | null } {
  const has = db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'preference'`).get();
  if (!has) return { analystName: null };
  const name = db.prepare(`SELECT value FROM preference WHERE key = 'analystName'`).pluck().get() as string | undefined;
  return { analystName: name ?? null };
}

export function setPreferences(db: Database, prefs: { analystName: string }): { analystName: string | null } {
  db.prepare(`INSERT INTO preference (key, value) VALUES ('analystName', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(
    prefs.analystName,
  );
  return getPreferences(db);
}
