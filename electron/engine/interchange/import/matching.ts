// How an import recognises an organisation already in the network when IDs do not match: the same
// name, folded (in any script), in the same country; or, as a reason of its own, a name that is an
// organisation's acronym ("UNODC"), in the same country. Matching is only ever against what the
// database holds: two nodes of one file are two records, whatever their names.
import type { Database } from 'better-sqlite3';
import { matchKey } from '../../../../shared/text-fold';

/** The key a name is matched on, or null for a name that folds to nothing (never matched). */
export function nameKey(name: string, country: string | null | undefined): string | null {
  const folded = matchKey(name);
  return folded ? `${folded}|${country ?? ''}` : null;
}

export interface ExistingOrganisations {
  ids: Set<string>;
  /** By name key: every organisation of that name and country, oldest first. */
  byName: Map<string, string[]>;
  /** By acronym and country; an acronym two organisations of one country share is left out. */
  byAcronym: Map<string, string>;
}

/** Every organisation's ID, and its ID under its name key and its acronym key, from one read of the table. */
export function existingOrganisations(db: Database): ExistingOrganisations {
  const ids = new Set<string>();
  const byName = new Map<string, string[]>();
  const byAcronym = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const o of db.prepare('SELECT id, name, acronym, country FROM organisation ORDER BY rowid').all() as {
    id: string;
    name: string;
    acronym: string | null;
    country: string | null;
  }[]) {
    ids.add(o.id);
    const key = nameKey(o.name, o.country);
    if (key !== null) {
      const same = byName.get(key);
      if (same) same.push(o.id);
      else byName.set(key, [o.id]);
    }
    const acronym = o.acronym ? nameKey(o.acronym, o.country) : null;
    if (acronym === null || ambiguous.has(acronym)) continue;
    if (byAcronym.has(acronym)) {
      byAcronym.delete(acronym);
      ambiguous.add(acronym);
    } else byAcronym.set(acronym, o.id);
  }
  return { ids, byName, byAcronym };
}
