// The graph service: what the engine hands to everything that reads the graph (slices, ego networks,
// facets, stats, metrics, exports, details). It owns the in-memory index (index.ts) and the whole
// network's selection, so that the window's first slice, the total tie count in every answer and
// the facets build it once. It is the Writer's observer (store/writer.ts): every committed write
// changes both in place, in time proportional to what it touched, instead of a rebuild.
import type { Database } from 'better-sqlite3';
import type { GraphView, RecordType } from '../../../shared/domain';
import type { Filters, Slice } from '../../../shared/schemas';
import { writesSince } from '../store/history';
import type { CommittedWrites, WriteObserver } from '../store/writer';
import { AttributeColumns } from './attribute-columns';
import { rmSync } from 'node:fs';
import type { AggregateLevel } from '../../../shared/schemas';
import { aggregateSelection } from './aggregate';
import { facets } from './facets';
import { connectorRule, hasOrganisationFilter, weightFloor } from './filters';
import { GraphIndex, GraphIndexCache, IndexMismatch, type BuildProgress, type TieChanges } from './index';
import { readIndexFile, writeIndexFile } from './persisted';
import { keepSearchOrder, searchOrderOf } from './search';
import { select, type SelectOptions, type Selection } from './selection';
import { drawSlice, sliceCounts, type SliceOptions } from './slice';
import { makeSummary, writeSummaryFile, type GraphSummary } from './summary';
import type { TieTable } from './ties';

const GRAPH_TYPES = new Set<RecordType>(['organisation', 'partnership', 'event', 'membership', 'participation', 'relation']);

/**
 * Past this many graph writes in one transaction (an import), the index is rebuilt once instead:
 * a build reads every row, and below this following the writes one by one is cheaper.
 */
const FOLLOW_UP_TO = 2_000;

export class GraphService implements WriteObserver {
  private readonly cache: GraphIndexCache;
  /** What no filter keeps; at 100,000 organisations and a million ties building it takes about a second. */
  private whole: Selection | null = null;
  /** How the whole selection's tie table changed since its lists were last brought up to date. */
  private pending: Pending | null = null;
  readonly followUpTo = FOLLOW_UP_TO;

  /** The log place the persisted index file reflects (-1: none written by this service). */
  private persistedAt = -1;
  /** The log place the summary file reflects (-1: none written by this service). */
  private summarisedAt = -1;
  /** The index was last built from SQLite, not from the file: worth writing the file soon. */
  private builtFromSql = false;
  /** Told how far a build has got (the engine reports it as its current call's progress). */
  progress: BuildProgress = () => {};
  /** Where the index was last built from (for tests and the benchmark). */
  builtFrom: 'file' | 'database' | null = null;

  constructor(
    private readonly db: Database,
    /** Where the index is persisted (persisted.ts), or null to keep it in memory only. */
    private readonly file: string | null = null,
    /** Where the summary of the whole network is kept (summary.ts), or null for none. */
    private readonly summaryFile: string | null = null,
  ) {
    const columns = new AttributeColumns(db);
    this.cache = new GraphIndexCache(db, (version) => {
      const g = this.build(version);
      g.attributes = columns;
      return g;
    });
  }

  /** From the persisted file caught up with the log when it can be, else from SQLite. */
  private build(version: number): GraphIndex {
    this.whole = null;
    this.pending = null;
    const saved = this.file ? readIndexFile(this.file, this.db, this.progress) : null;
    if (saved?.searchOrder) keepSearchOrder(saved.g, saved.searchOrder);
    if (saved && this.catchUpFile(saved.g, saved.ties, version)) {
      this.persistedAt = saved.g.version;
      this.progress(90);
      if (saved.ties) this.whole = wholeSelection(selectionOfTable(saved.g, saved.ties));
      saved.g.version = version;
      this.builtFromSql = false;
      this.builtFrom = 'file';
      this.progress(100);
      return saved.g;
    }
    this.builtFromSql = this.file !== null;
    this.builtFrom = 'database';
    const g = GraphIndex.load(this.db, version, this.progress);
    this.progress(100);
    return g;
  }

  /** Applies the log's rows after the file's place; false when they cannot say everything that changed. */
  private catchUpFile(g: GraphIndex, ties: TieTable | null, version: number): boolean {
    if (g.version === version) return true;
    if (g.version > version) return false;
    // Places without rows are an import's records: the log cannot replay them.
    const writes = writesSince(this.db, g.version, FOLLOW_UP_TO, [...GRAPH_TYPES]);
    if (!writes) return false;
    const changes = ties ? tieChanges(ties, { entered: [], zeroed: false, connectors: false }) : null;
    try {
      for (const w of writes) g.apply(w, changes);
    } catch {
      return false;
    }
    return true;
  }

  /**
   * Writes the index beside the database when that is worth it: after a build from SQLite (the next
   * open reads the file instead), or, with `always`, whenever the file is behind (the engine closing).
   */
  persist(always = false): void {
    const g = this.cache.built();
    if (!g) return;
    // The summary first: it is small, and what the next open (and the second engine) shows first.
    this.persistSummary();
    if (!this.file) return;
    if (g.version === this.persistedAt || (!always && !this.builtFromSql)) return;
    const whole = this.select(g, {});
    // The search order costs a second at 100,000 organisations: made when the engine closes, not
    // while it is idle (a call arriving would wait for it), unless a search has made it already.
    writeIndexFile(this.file, this.db, g, whole.ties, searchOrderOf(g, always));
    this.persistedAt = g.version;
    this.builtFromSql = false;
  }

  /** Writes the summary if the index moved past it (the engine does this soon after writes settle). */
  persistSummary(): void {
    const g = this.cache.built();
    if (!g || !this.summaryFile || g.version === this.summarisedAt) return;
    writeSummaryFile(this.summaryFile, this.summary());
    this.summarisedAt = g.version;
  }

  /** The whole network's counts, aggregates at every level and facets, as of the index's place. */
  summary(): GraphSummary {
    const g = this.cache.get();
    const whole = this.select(g, {});
    const aggregate = (by: AggregateLevel) => aggregateSelection(whole, by);
    return makeSummary(this.db, g.version, sliceCounts(whole, whole.live.length), aggregate, facets(this));
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
    const rule = connectorRule(filters);
    const whole =
      opts.restrictTo === undefined &&
      opts.alwaysKeep === undefined &&
      !hasOrganisationFilter(filters) &&
      !rule.active &&
      weightFloor(filters) === null;
    if (this.whole?.g === g) {
      if (this.pending) this.whole = catchUp(this.whole, this.pending);
      this.pending = null;
      if (whole) return this.whole;
    }
    if (whole) {
      this.pending = null;
      return (this.whole = wholeSelection(select(g, filters, opts)));
    }
    // Organisation filters alone keep the whole network's ties among what they keep: read them there.
    const base = !rule.active && opts.restrictTo === undefined ? this.select(g, {}) : null;
    return select(g, filters, opts, base);
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
      const following = this.whole?.g === g;
      const pending = this.pending ?? { entered: [], zeroed: false, connectors: false };
      const ties = following ? tieChanges(this.whole!.ties, pending) : null;
      try {
        for (const w of writes) {
          if ((w.type === 'partnership' || w.type === 'event') && (!w.before || !w.after)) pending.connectors = true;
          g.apply(w, ties);
        }
      } catch {
        // A write the index could not follow: SQLite has it, so build again from there.
        return this.forget();
      }
      if (following) this.pending = pending;
      else this.whole = null;
    }
    g.version = to;
  }

  /** The database was replaced under the index (a backup restored): build it again from SQLite. */
  reset(): void {
    this.forget();
    if (this.summaryFile) rmSync(this.summaryFile, { force: true });
    this.summarisedAt = -1;
  }

  private forget(): void {
    this.cache.drop();
    this.whole = null;
    this.pending = null;
  }
}

/** What writes did to the whole network's tie table: slots that came to hold a tie, whether any was emptied. */
interface Pending {
  entered: number[];
  zeroed: boolean;
  /** A partnership or event came or went, so the list of kept connectors is made again. */
  connectors: boolean;
}

/** Counts in the whole network's tie table, changed pair by pair; a pair left with nothing stays as an empty slot. */
function tieChanges(t: TieTable, pending: Pending): TieChanges {
  // `s` comes first in every call, so a pair added (which may move the count arrays) is in place.
  const into = (s: number, kind: 'partnerships' | 'events' | 'relations', by: number) => {
    if (t.weight(s) === 0) pending.entered.push(s);
    t[kind][s]! += by;
  };
  return {
    add(kind, x, y, by) {
      if (by > 0) return into(t.slot(x, y), kind, by);
      const s = t.find(x, y);
      if (s < 0 || t[kind][s]! < 1) throw new IndexMismatch('a tie the table does not have');
      t[kind][s]!--;
      if (t.weight(s) === 0) pending.zeroed = true;
    },
    move(from, to, partners) {
      for (const p of partners) {
        const old = t.find(from, p);
        if (old < 0) continue;
        const s = t.slot(to, p);
        for (const kind of ['partnerships', 'events', 'relations'] as const) {
          if (t[kind][old]) into(s, kind, t[kind][old]!);
          t[kind][old] = 0;
        }
        pending.zeroed = true;
      }
    },
  };
}

/** Offsets 0, 1, 2…: a kept connector's `links` in the whole network, where every member is kept. */
const identity: number[] = [];

/**
 * The whole network's selection in the form it is kept up to date in: its connectors' members,
 * its relations and (through `identity`) its links are the index's own arrays, so writes reach them
 * without copying.
 */
function wholeSelection(sel: Selection): Selection {
  const kept = sel.g.connectors.map((c) => ({ c, members: c.orgs, links: identity }));
  growIdentity(kept);
  return { ...sel, kept, shown: kept, relations: sel.g.relations };
}

function growIdentity(kept: readonly { members: readonly number[] }[]): void {
  let most = 0;
  for (const k of kept) if (k.members.length > most) most = k.members.length;
  while (identity.length < most) identity.push(identity.length);
}

/** The whole network's selection over a tie table kept from before (a persisted index). */
function selectionOfTable(g: GraphIndex, ties: TieTable): Selection {
  const { partnerships, events, relations } = ties;
  // Counted first, so the list of a million slots is made at its size rather than grown by copies.
  let count = 0;
  for (let s = 0; s < ties.size; s++) if (partnerships[s]! + events[s]! + relations[s]! > 0) count++;
  const live: number[] = new Array(count);
  for (let s = 0, at = 0; s < ties.size; s++) if (partnerships[s]! + events[s]! + relations[s]! > 0) live[at++] = s;
  const n = g.ids.length;
  return { g, keep: new Uint8Array(n).fill(1), organisations: n, ties, live, kept: [], shown: [], relations: g.relations };
}

/** The whole selection brought up to date after writes, without counting a single tie again. */
function catchUp(sel: Selection, pending: Pending): Selection {
  const { g, ties } = sel;
  const n = g.ids.length;
  let live = sel.live;
  if (pending.zeroed) {
    live = [];
    for (let s = 0; s < ties.size; s++) if (ties.weight(s) > 0) live.push(s);
  } else for (const s of pending.entered) live.push(s);
  const kept = pending.connectors ? g.connectors.map((c) => ({ c, members: c.orgs, links: identity })) : sel.kept;
  growIdentity(kept);
  const keep = sel.keep.length === n ? sel.keep : new Uint8Array(n).fill(1);
  return { g, keep, organisations: n, ties, live, kept, shown: kept, relations: g.relations };
}
