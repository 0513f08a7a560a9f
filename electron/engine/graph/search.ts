// Search over the names and acronyms of organisations, partnerships and events, for the search
// box. Case and accents do not matter ("delta" finds "Délta"), nor does punctuation. Ranking:
//   0. the exact acronym or name;  1. a name or acronym that starts with the text;
//   2. a word of the name or acronym that starts with it;  3. the text anywhere in them;
// then by name. The normalised strings and the name order are computed once per index version,
// so a query is one pass of `includes` over the records (a few milliseconds at 50,000).
//
// The records come from the graph index (the engine) or straight from SQLite (the quick engine,
// which answers the search box while the index still loads: quick.ts); the order of the records
// is by their folded name, name and ID, so both give the same hits in the same order.
import type { Database } from 'better-sqlite3';
import type { SearchHit } from '../../../shared/schemas';
import { foldText } from '../../../shared/text-fold';
import type { GraphIndex } from './index';
import { readSearchColumns } from './persisted';

type HitType = SearchHit['type'];
const TYPES: readonly HitType[] = ['organisation', 'partnership', 'event'];

/** What a search can find, in name order, with the normalised strings it matches on. */
export interface SearchIndex {
  hits: SearchHit[];
  name: string[];
  acronym: string[];
  /** Index into TYPES, per record. */
  type: Uint8Array;
  /** " name \u0001 acronym": one `includes` tells whether a record can match at all. */
  hay: string[];
}

function searchIndex(records: SearchHit[]): SearchIndex {
  const rows = records.map((hit) => ({ hit, name: foldText(hit.name), acronym: foldText(hit.acronym ?? '') }));
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort((a, b) => cmp(a.name, b.name) || cmp(a.hit.name, b.hit.name) || cmp(a.hit.id, b.hit.id));
  return {
    hits: rows.map((r) => r.hit),
    name: rows.map((r) => r.name),
    acronym: rows.map((r) => r.acronym),
    type: Uint8Array.from(rows, (r) => TYPES.indexOf(r.hit.type)),
    hay: rows.map((r) => ` ${r.name}\u0001 ${r.acronym}`),
  };
}

/** One per index and revision: an applied write makes it again on the next search. */
const cache = new WeakMap<GraphIndex, { revision: number; idx: SearchIndex }>();

function ofIndex(g: GraphIndex): SearchIndex {
  const kept = cache.get(g);
  if (kept?.revision === g.revision) return kept.idx;
  const records: SearchHit[] = [];
  for (let i = 0; i < g.ids.length; i++) {
    records.push({
      id: g.ids[i]!,
      type: 'organisation',
      name: g.name[i]!,
      acronym: g.acronym[i] ?? null,
      detail: g.countryName[i] ?? null,
    });
  }
  for (const c of g.connectors) records.push({ id: c.id, type: c.type, name: c.name, acronym: null, detail: c.kind });
  const idx = searchIndex(records);
  cache.set(g, { revision: g.revision, idx });
  return idx;
}

/**
 * The same records without the graph index: from the kept index's file when it reflects the change
 * log's place `version` exactly (a fraction of a second at 100,000 organisations), else from SQLite.
 */
export function searchIndexOf(db: Database, indexFile: string, version: number): SearchIndex {
  type Row = [string, string, string | null, string | null];
  const records: SearchHit[] = [];
  const kept = readSearchColumns(indexFile, db, version);
  if (kept) {
    const countryName = new Map(db.prepare('SELECT code, name FROM country').raw().all() as [string, string][]);
    const o = kept.orgs;
    for (let i = 0; i < o.id.length; i++) {
      const detail = o.country[i] === null ? null : (countryName.get(o.country[i]!) ?? null);
      records.push({ id: o.id[i]!, type: 'organisation', name: o.name[i]!, acronym: o.acronym[i]!, detail });
    }
    const c = kept.connectors;
    for (let k = 0; k < c.id.length; k++) {
      records.push({ id: c.id[k]!, type: c.type[k] === 0 ? 'partnership' : 'event', name: c.name[k]!, acronym: null, detail: c.kind[k]! });
    }
    return searchIndex(records);
  }
  const read = (sql: string, type: HitType) => {
    for (const [id, name, acronym, detail] of db.prepare(sql).raw().iterate() as Iterable<Row>) {
      records.push({ id, type, name, acronym, detail });
    }
  };
  read('SELECT o.id, o.name, o.acronym, c.name FROM organisation o LEFT JOIN country c ON c.code = o.country', 'organisation');
  read('SELECT id, name, NULL, kind FROM partnership', 'partnership');
  read('SELECT id, name, NULL, kind FROM event', 'event');
  return searchIndex(records);
}

export function search(
  from: GraphIndex | SearchIndex,
  text: string,
  limit = 20,
  types?: readonly HitType[],
): { hits: SearchHit[]; total: number } {
  const q = foldText(text);
  if (!q) return { hits: [], total: 0 };
  const idx = 'hay' in from ? from : ofIndex(from);
  const wanted = TYPES.map((t) => !types || types.includes(t));
  const spaced = ` ${q}`;
  const tiers: number[][] = [[], [], [], []];
  let total = 0;
  for (let r = 0; r < idx.hay.length; r++) {
    if (!idx.hay[r]!.includes(q) || !wanted[idx.type[r]!]) continue;
    const name = idx.name[r]!;
    const acr = idx.acronym[r]!;
    const tier = name === q || acr === q ? 0 : name.startsWith(q) || acr.startsWith(q) ? 1 : idx.hay[r]!.includes(spaced) ? 2 : 3;
    total++;
    // Records come in name order, so each tier is already sorted: keep its first `limit`.
    if (tiers[tier]!.length < limit) tiers[tier]!.push(r);
  }
  const hits = tiers
    .flat()
    .slice(0, limit)
    .map((r) => ({ ...idx.hits[r]! }));
  return { hits, total };
}
