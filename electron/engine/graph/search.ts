// Search over the names and acronyms of organisations, partnerships and events, for the search
// box. Case and accents do not matter ("delta" finds "Délta"), nor does punctuation. Ranking:
//   0. the exact acronym or name;  1. a name or acronym that starts with the text;
//   2. a word of the name or acronym that starts with it;  3. the text anywhere in them;
// then by name. The normalised strings in name order (a SearchList) are made once and then follow
// each write in place, so a query is one pass of `includes` over the records (a few milliseconds
// at 50,000), after an edit too.
//
// The records are the graph index's organisations, then its connectors. The engine ranks them from
// its index; the quick engine (quick.ts), which answers the search box, reads them from the kept
// index's file, where the engine also keeps the normalised strings in name order (folding and
// sorting a hundred thousand names is most of the cost), or from SQLite when the file is behind,
// and then follows the change log's rows. The order is by folded name, name and ID, so all give
// the same hits.
import type { Database } from 'better-sqlite3';
import type { SearchHit } from '../../../shared/schemas';
import { foldText } from '../../../shared/text-fold';
import type { GraphIndex } from './index';
import type { SearchColumns } from './persisted';

type HitType = SearchHit['type'];
/** The record types search finds, whose writes its list follows. */
export const SEARCHED_TYPES: readonly HitType[] = ['organisation', 'partnership', 'event'];

/** The records in name order: " name \u0001 acronym" folded (one `includes` tells whether one can match), and which record each is. */
export interface SearchOrder {
  hay: string[];
  record: Int32Array;
}

/** The one order of records: by folded name, then name, then ID (so every reader ranks alike). */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The name order of records given by their names and acronyms (null for connectors). */
function orderOf(name: readonly string[], acronym: readonly (string | null)[], id: readonly string[]): SearchOrder {
  const folded = name.map((n) => foldText(n));
  const record = Int32Array.from(folded, (_, i) => i);
  record.sort((a, b) => cmp(folded[a]!, folded[b]!) || cmp(name[a]!, name[b]!) || cmp(id[a]!, id[b]!));
  return { hay: Array.from(record, (r) => hayOf(folded[r]!, acronym[r] ?? null)), record };
}

const hayOf = (foldedName: string, acronym: string | null) => ` ${foldedName}\u0001 ${foldText(acronym ?? '')}`;
/** The folded name a hay starts with (folded text has no control characters). */
const foldedOf = (hay: string) => hay.slice(1, hay.indexOf('\u0001'));

/** Organisations then connectors, as search counts its records. */
function recordsOf(c: SearchColumns) {
  const connectorNames = c.connectors.name;
  return {
    name: [...c.orgs.name, ...connectorNames],
    acronym: [...c.orgs.acronym, ...connectorNames.map(() => null)],
    id: [...c.orgs.id, ...c.connectors.id],
  };
}

/**
 * What a search can find, in name order, with what each hit says. It follows writes in place
 * (`apply`): a renamed record leaves its place and takes its new one, found by binary search, in
 * well under a millisecond at 100,000 organisations, where making the list again (folding and
 * sorting every name) took 0.4-1 s, and the first search after every edit waited for it.
 */
export class SearchList {
  readonly hay: string[] = [];
  private readonly id: string[] = [];
  /** Index into SEARCHED_TYPES. */
  readonly type: number[] = [];
  private readonly name: string[] = [];
  private readonly acronym: (string | null)[] = [];
  /** An organisation's country code, a connector's kind. */
  private readonly detail: (string | null)[] = [];

  constructor(
    c: SearchColumns,
    order: SearchOrder,
    private readonly countryName: (code: string) => string | null,
  ) {
    const n = c.orgs.id.length;
    order.record.forEach((r, p) => {
      this.hay.push(order.hay[p]!);
      if (r < n) this.push(c.orgs.id[r]!, 0, c.orgs.name[r]!, c.orgs.acronym[r] ?? null, c.orgs.country[r] ?? null);
      else {
        const k = r - n;
        this.push(c.connectors.id[k]!, c.connectors.type[k] === 0 ? 1 : 2, c.connectors.name[k]!, null, c.connectors.kind[k]!);
      }
    });
  }

  private push(id: string, type: number, name: string, acronym: string | null, detail: string | null): void {
    this.id.push(id);
    this.type.push(type);
    this.name.push(name);
    this.acronym.push(acronym);
    this.detail.push(detail);
  }

  hit(p: number): SearchHit {
    const type = SEARCHED_TYPES[this.type[p]!]!;
    const detail = this.detail[p] ?? null;
    return {
      id: this.id[p]!,
      type,
      name: this.name[p]!,
      acronym: this.acronym[p] ?? null,
      detail: type === 'organisation' && detail !== null ? this.countryName(detail) : detail,
    };
  }

  /** The first place whose record sorts at or after (folded, name, id). */
  private placeOf(folded: string, name: string, id: string): number {
    let lo = 0;
    let hi = this.hay.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = cmp(foldedOf(this.hay[mid]!), folded) || cmp(this.name[mid]!, name) || cmp(this.id[mid]!, id);
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Follows one committed write (a record as the change log has it, before and after). False when
   * the list does not hold what `before` says: the caller then makes it again.
   */
  apply(recordType: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): boolean {
    const type = SEARCHED_TYPES.indexOf(recordType as HitType);
    if (type < 0) return true;
    if (before) {
      const name = String(before.name);
      const id = String(before.id);
      const p = this.placeOf(foldText(name), name, id);
      if (this.id[p] !== id) return false;
      for (const column of this.columns()) column.splice(p, 1);
    }
    if (after) {
      const name = String(after.name);
      const id = String(after.id);
      const acronym = type === 0 ? ((after.acronym as string | null | undefined) ?? null) : null;
      const detail = ((type === 0 ? after.country : after.kind) as string | null | undefined) ?? null;
      const folded = foldText(name);
      const p = this.placeOf(folded, name, id);
      if (this.id[p] === id) return false;
      const values = [hayOf(folded, acronym), id, type, name, acronym, detail];
      this.columns().forEach((column, k) => column.splice(p, 0, values[k]));
    }
    return true;
  }

  /** In the order `apply` inserts its values. */
  private columns(): unknown[][] {
    return [this.hay, this.id, this.type, this.name, this.acronym, this.detail];
  }

  /** The order as the kept file holds it: places into the index's organisations, then its connectors. */
  orderIn(g: GraphIndex): SearchOrder {
    const n = g.ids.length;
    const connectorAt = new Map(g.connectors.map((c, k) => [c.id, k]));
    const record = Int32Array.from(this.id, (id, p) => (this.type[p] === 0 ? g.index.get(id)! : n + connectorAt.get(id)!));
    return { hay: [...this.hay], record };
  }
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

/** One per index, following its writes (GraphIndex.follower); the revision says it has seen them all. */
const cache = new WeakMap<GraphIndex, { revision: number; list: SearchList }>();
/** The name order a kept file held for an index read from it, at the revision it was read at. */
const keptOrders = new WeakMap<GraphIndex, { revision: number; order: () => SearchOrder }>();

/** The index was read from a file that kept its name order (persisted.ts): the first search reads it from there. */
export function keepSearchOrder(g: GraphIndex, order: () => SearchOrder): void {
  keptOrders.set(g, { revision: g.revision, order });
}

function ofIndex(g: GraphIndex): SearchList {
  const kept = cache.get(g);
  if (kept?.revision === g.revision) return kept.list;
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
  // A country first given by a later write is looked up in the index then.
  const nameOf = (code: string) => {
    if (!countryName.has(code)) countryName.set(code, g.countryName[g.country.indexOf(code)] ?? null);
    return countryName.get(code) ?? null;
  };
  const list = new SearchList(c, order, nameOf);
  const entry = { revision: g.revision, list };
  cache.set(g, entry);
  // Each write the index applies reaches the list too (apply bumps the revision first).
  g.follower = (w) => {
    if (cache.get(g) !== entry) return;
    if (entry.revision === g.revision - 1 && list.apply(w.type, w.before, w.after)) entry.revision = g.revision;
    else cache.delete(g);
  };
  return list;
}

/**
 * The name order of the index's records, for the kept file (persisted.ts), so the quick engine need
 * not make it: made now (a second at 100,000 organisations) only `if` asked, else only if a search made it already.
 */
export function searchOrderOf(g: GraphIndex, make: boolean): SearchOrder | null {
  return make || cache.get(g)?.revision === g.revision ? ofIndex(g).orderIn(g) : null;
}

/** The same records without the graph index: from the kept index's columns when given, else from SQLite. */
export function searchListOf(db: Database, kept: (SearchColumns & { order: SearchOrder | null }) | null): SearchList {
  const countryName = new Map(db.prepare('SELECT code, name FROM country').raw().all() as [string, string][]);
  const detail = (code: string) => countryName.get(code) ?? null;
  if (kept) {
    const r = kept.order ? null : recordsOf(kept);
    return new SearchList(kept, kept.order ?? orderOf(r!.name, r!.acronym, r!.id), detail);
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
  return new SearchList(c, orderOf(r.name, r.acronym, r.id), detail);
}

export function search(
  from: GraphIndex | SearchList,
  text: string,
  limit = 20,
  types?: readonly HitType[],
): { hits: SearchHit[]; total: number } {
  const q = foldText(text);
  if (!q) return { hits: [], total: 0 };
  const idx = from instanceof SearchList ? from : ofIndex(from);
  const wanted = SEARCHED_TYPES.map((t) => !types || types.includes(t));
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
    .map((p) => idx.hit(p));
  return { hits, total };
}
