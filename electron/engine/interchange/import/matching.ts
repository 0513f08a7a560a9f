// How an import recognises an organisation already in the network when IDs do not match: the same
// name, spelled loosely, in the same country.
import type { Database } from 'better-sqlite3';
import { matchKey } from '../../../../shared/text-fold';

export const nameKey = (name: string, country: string | null | undefined): string => `${matchKey(name)}|${country ?? ''}`;

/** Every organisation's ID, and its ID under its name key, from one read of the table. */
export function existingOrganisations(db: Database): { ids: Set<string>; byName: Map<string, string> } {
  const ids = new Set<string>();
  const byName = new Map<string, string>();
  for (const o of db.prepare('SELECT id, name, country FROM organisation').all() as {
    id: string;
    name: string;
    country: string | null;
  }[]) {
    ids.add(o.id);
    byName.set(nameKey(o.name, o.country), o.id);
  }
  return { ids, byName };
}
