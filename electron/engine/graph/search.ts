// Search over the names and acronyms of organisations, partnerships and events, for the search
// box. Case and accents do not matter ("delta" finds "Délta"), nor does punctuation. Ranking:
//   0. the exact acronym or name;  1. a name or acronym that starts with the text;
//   2. a word of the name or acronym that starts with it;  3. the text anywhere in them;
// then by name. The normalised strings and the name order are computed once per index version,
// so a query is one pass of `includes` over the records (a few milliseconds at 50,000).
//
// The records are the graph index's organisations, then its connectors. The engine ranks them from
// its index; the quick engine (quick.ts), which answers the search box while the index still
// loads, reads them from the kept index's file, where the engine also keeps the normalised strings
// in name order (folding and sorting a hundred thousand names is most of the cost), or from SQLite
// when the file is behind. The order is by folded name, name and ID, so all give the same hits.
import type { Database } from 'better-sqlite3';
import type { SearchHit } from '../../../shared/schemas';
import { foldText } from '../../../shared/text-fold';
import type { GraphIndex } from './index';
import type { SearchColumns } from './persisted';

type HitType = SearchHit['type'];
const TYPES: readonly HitType[] = ['organisation', 'partnership', 'event'];

/** The records in name order: " name \u0001 acronym" folded (one `includes` tells whether one can match), and which record each is. */
export interface SearchOrder {
  hay: string[];
  record: Int32Array;
}

/** What a search can find, in name order. */
export interface SearchIndex extends SearchOrder {
  /** Index into TYPES, per record in name order. */
  type: Uint8Array;
  hit(record: number): SearchHit;
}

/** The name order of records given by their names and acronyms (null for connectors). */
function orderOf(name: readonly string[], acronym: readonly (string | null)[], id: readonly string[]): SearchOrder {
  const folded = name.map((n) => foldText(n));
  const record = Int32Array.from(folded, (_, i) => i);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  record.sort((a, b) => cmp(folded[a]!, folded[b]!) || cmp(name[a]!, name[b]!) || cmp(id[a]!, id[b]!));
  return { hay: Array.from(record, (r) => ` ${folded[r]!}\u0001 ${foldText(acronym[r] ?? '')}`), record };
}

/** Organisations then connectors, as search counts its records. */
function recordsOf(c: SearchColumns) {
  const connectorNames = c.connectors.name;
  return {
    name: [...c.orgs.name, ...connectorNames],
    acronym: [...c.orgs.acronym, ...connectorNames.map(() => null)],
    id: [...c.orgs.id, ...c.connectors.id],
  };
}

function indexOf(c: SearchColumns, order: SearchOrder, countryName: (code: string) => string | null): SearchIndex {
  const n = c.orgs.id.length;
  const type = Uint8Array.from(order.record, (r) => (r < n ? 0 : c.connectors.type[r - n] === 0 ? 1 : 2));
  const hit = (r: number): SearchHit => {
    if (r < n) {
      const country = c.orgs.country[r] ?? null;
      return {
        id: c.orgs.id[r]!,
        type: 'organisation',
        name: c.orgs.name[r]!,
        acronym: c.orgs.acronym[r] ?? null,
        detail: country === null ? null : countryName(country),
      };
    }
    const k = r - n;
    return {
      id: c.connectors.id[k]!,
      type: c.connectors.type[k] === 0 ? 'partnership' : 'event',
      name: c.connectors.name[k]!,
      acronym: null,
      detail: c.connectors.kind[k]!,
    };
  };
  return { ...order, type, hit };
}

/** What search reads of the graph index (its arrays, not copies). */
function columnsOfIndex(g: GraphIndex): SearchColumns {
  const cs = g.connectors;
  return {
    orgs: { id: g.ids, name: g.name, acronym: g.acronym, country: g.country },
    connectors: {
      type: Uint8Array.from(cs, (c) => (c.type === 'partnership' ? 0 : 1)),
      id: cs.map((c) => c.id),
      name: cs.map((c) => c.name),
      kind: cs.map((c) => c.kind),
    },
  };
}

/** One per index and revision: an applied write makes it again on the next search. */
const cache = new WeakMap<GraphIndex, { revision: number; idx: SearchIndex }>();
/** The name order a kept file held for an index read from it, at the revision it was read at. */
const keptOrders = new WeakMap<GraphIndex, { revision: number; order: () => SearchOrder }>();

/** The index was read from a file that kept its name order (persisted.ts): the first search reads it from there. */
export function keepSearchOrder(g: GraphIndex, order: () => SearchOrder): void {
  keptOrders.set(g, { revision: g.revision, order });
}

function ofIndex(g: GraphIndex): SearchIndex {
  const kept = cache.get(g);
  if (kept?.revision === g.revision) return kept.idx;
  const c = columnsOfIndex(g);
  const fromFile = keptOrders.get(g);
  keptOrders.delete(g);
  let order: SearchOrder;
  if (fromFile?.revision === g.revision) order = fromFile.order();
  else {
    const r = recordsOf(c);
    order = orderOf(r.name, r.acronym, r.id);
  }
  const countryName = new Map(g.ids.map((_, i) => [g.country[i], g.countryName[i]] as const));
  const idx = indexOf(c, order, (code) => countryName.get(code) ?? null);
  cache.set(g, { revision: g.revision, idx });
  return idx;
}

/**
 * The name order of the index's records, for the kept file (persisted.ts), so the quick engine need
 * not make it: made now (a second at 100,000 organisations) only `if` asked, else only if a search made it already.
 */
export function searchOrderOf(g: GraphIndex, make: boolean): SearchOrder | null {
  return make || cache.get(g)?.revision === g.revision ? ofIndex(g) : null;
}

/** The same records without the graph index: from the kept index's columns when given, else from SQLite. */
export function searchIndexOf(db: Database, kept: (SearchColumns & { order: SearchOrder | null }) | null): SearchIndex {
  const countryName = new Map(db.prepare('SELECT code, name FROM country').raw().all() as [string, string][]);
  const detail = (code: string) => countryName.get(code) ?? null;
  if (kept) {
    const r = kept.order ? null : recordsOf(kept);
    return indexOf(kept, kept.order ?? orderOf(r!.name, r!.acronym, r!.id), detail);
  }
  type Row = [string, string, string | null, string | null];
  const orgs = db.prepare('SELECT id, name, acronym, country FROM organisation').raw().all() as Row[];
  const connectors = [
    ...(db.prepare('SELECT id, name, kind, 0 FROM partnership').raw().all() as [string, string, string, number][]),
    ...(db.prepare('SELECT id, name, kind, 1 FROM event').raw().all() as [string, string, string, number][]),
  ];
  const c: SearchColumns = {
    orgs: { id: orgs.map((o) => o[0]), name: orgs.map((o) => o[1]), acronym: orgs.map((o) => o[2]), country: orgs.map((o) => o[3]) },
    connectors: {
      type: Uint8Array.from(connectors, (x) => x[3]),
      id: connectors.map((x) => x[0]),
      name: connectors.map((x) => x[1]),
      kind: connectors.map((x) => x[2]),
    },
  };
  const r = recordsOf(c);
  return indexOf(c, orderOf(r.name, r.acronym, r.id), detail);
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
  // Read off " name\u0001 acronym": the name is exactly q, or the acronym; either starts with it; a word does.
  const spaced = ` ${q}`;
  const exactName = ` ${q}\u0001`;
  const acronymStart = `\u0001 ${q}`;
  const tiers: number[][] = [[], [], [], []];
  let total = 0;
  for (let r = 0; r < idx.hay.length; r++) {
    const hay = idx.hay[r]!;
    if (!hay.includes(q) || !wanted[idx.type[r]!]) continue;
    const tier =
      hay.startsWith(exactName) || hay.endsWith(acronymStart)
        ? 0
        : hay.startsWith(spaced) || hay.includes(acronymStart)
          ? 1
          : hay.includes(spaced)
            ? 2
            : 3;
    total++;
    // Records come in name order, so each tier is already sorted: keep its first `limit`.
    if (tiers[tier]!.length < limit) tiers[tier]!.push(r);
  }
  const hits = tiers
    .flat()
    .slice(0, limit)
    .map((r) => idx.hit(idx.record[r]!));
  return { hits, total };
}
