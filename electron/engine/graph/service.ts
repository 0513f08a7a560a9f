// The graph service: what the engine hands to everything that reads the graph (slices, ego networks,
// facets, stats, metrics, exports, details). It owns the in-memory index (index.ts) and the whole
// network's selection, so that the window's first slice, the total tie count in every answer and
// the facets build it once. It is the Writer's observer (store/writer.ts): every committed write
// changes both in place, in time proportional to what it touched, instead of a rebuild.
import type { Database } from 'better-sqlite3';
import type { GraphView, RecordType } from '../../../shared/domain';
import type { Filters, Slice } from '../../../shared/schemas';
import type { CommittedWrites, WriteObserver } from '../store/writer';
import { connectorRule, hasOrganisationFilter, weightFloor } from './filters';
import { GraphIndexCache, type GraphIndex, type TieChanges } from './index';
import { select, type SelectOptions, type Selection } from './selection';
import { drawSlice, type SliceOptions } from './slice';
import type { TieTable } from './ties';

const GRAPH_TYPES = new Set<RecordType>(['organisation', 'partnership', 'event', 'membership', 'participation', 'relation']);

/**
 * Past this many graph writes in one transaction (an import), the index is rebuilt once instead:
 * a build reads every row, and below this following the writes one by one is cheaper.
 */
const FOLLOW_UP_TO = 50_000;

export class GraphService implements WriteObserver {
  private readonly cache: GraphIndexCache;
  /** What no filter keeps; at 100,000 organisations and a million ties building it takes about a second. */
  private whole: Selection | null = null;
  /** The whole selection's ties were changed in place; its lists are brought up to date on next use. */
  private wholeStale = false;
  readonly followUpTo = FOLLOW_UP_TO;

  constructor(db: Database) {
    this.cache = new GraphIndexCache(db);
  }

  /** The index as of the last write (rebuilt first if the change log moved without it). */
  index(): GraphIndex {
    return this.cache.get();
  }

  /** Ties in the whole network. */
  totalTies(): number {
    return this.select(this.cache.get(), {}).live.length;
  }

  slice(filters: Filters, view: GraphView, opts: SliceOptions = {}): Slice {
    const g = this.cache.get();
    return drawSlice(this.select(g, filters, opts), view, opts, this.totalTies());
  }

  /** Which organisations, connectors, relations and ties the filters keep. Callers only read it. */
  select(g: GraphIndex, filters: Filters, opts: SelectOptions = {}): Selection {
    const whole =
      opts.restrictTo === undefined &&
      opts.alwaysKeep === undefined &&
      !hasOrganisationFilter(filters) &&
      !connectorRule(filters).active &&
      weightFloor(filters) === null;
    if (whole && this.whole?.g === g) {
      if (this.wholeStale) this.whole = refreshWhole(this.whole);
      this.wholeStale = false;
      return this.whole;
    }
    const sel = select(g, filters, opts);
    if (whole) {
      this.whole = sel;
      this.wholeStale = false;
    }
    return sel;
  }

  watches(type: RecordType): boolean {
    return GRAPH_TYPES.has(type);
  }

  /** A transaction committed: change the index (and the whole selection) as it changed the records. */
  committed({ from, to, writes }: CommittedWrites): void {
    const g = this.cache.at(from);
    if (!g) return; // not built, or already behind: the next read builds it
    if (writes === null) return this.forget();
    if (writes.length) {
      const ties = this.whole?.g === g ? tieChanges(this.whole.ties) : null;
      try {
        for (const w of writes) g.apply(w, ties);
      } catch {
        // A write the index could not follow: SQLite has it, so build again from there.
        return this.forget();
      }
      if (ties) this.wholeStale = true;
      else this.whole = null;
    }
    g.version = to;
  }

  private forget(): void {
    this.cache.drop();
    this.whole = null;
  }
}

/** Counts in the whole network's tie table, changed pair by pair; a pair left with nothing stays as an empty slot. */
function tieChanges(t: TieTable): TieChanges {
  return {
    add(kind, x, y, by) {
      const s = by > 0 ? t.slot(x, y) : t.find(x, y);
      if (s < 0) throw new Error('a tie the table does not have');
      t[kind][s]! += by;
    },
    move(from, to, partners) {
      for (const p of partners) {
        const old = t.find(from, p);
        if (old < 0) continue;
        const s = t.slot(to, p);
        for (const kind of ['partnerships', 'events', 'relations'] as const) {
          t[kind][s]! += t[kind][old]!;
          t[kind][old] = 0;
        }
      }
    },
  };
}

/** The whole selection again from its index and tie table, without counting a single tie. */
function refreshWhole(sel: Selection): Selection {
  const { g, ties } = sel;
  const n = g.ids.length;
  const live: number[] = [];
  for (let s = 0; s < ties.size; s++) if (ties.weight(s) > 0) live.push(s);
  const kept = g.connectors.map((c) => ({ c, members: c.orgs, links: c.orgs.map((_, k) => k) }));
  return { g, keep: new Uint8Array(n).fill(1), organisations: n, ties, live, kept, shown: kept, relations: g.relations.slice() };
}
