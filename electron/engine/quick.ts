// The second engine: a read-only connection to the same database (SQLite's WAL lets it read while
// the first engine writes) that answers the calls the contract marks `quick` whenever it can do so
// without the graph index: `meta.info` from SQLite, the facets and the whole network's aggregated
// view from the kept summary (graph/summary.ts) while it is current. It runs in a worker of its
// own (worker.ts), so the window's first view and the calls it needs to stay usable never wait
// behind a long call (metrics, an export, an import preview, the duplicate finder) or the graph
// index loading. The search box too: its records are read (graph/search.ts) from the kept index's
// file when it is current, else from SQLite, ahead of the first search, then follow the change
// log's rows written since (an import's records, which take places without rows, read them all
// again), and are ranked exactly as the engine ranks them. Whatever it cannot answer
// it hands back (`null`), and the host asks the engine.
import Database from 'better-sqlite3';
import type { CallInput, CallName } from '../../shared/contract';
import { parseCall } from '../../shared/validate';
import { SCHEMA_VERSION } from './db/migrations/index';
import { keepsEverything } from './graph/filters';
import { search, SEARCHED_TYPES, searchListOf, type SearchList } from './graph/search';
import { fingerprint, indexFileOf, readSearchColumns } from './graph/persisted';
import { SummaryReader, summaryFileOf, summarySlice } from './graph/summary';
import { metaInfo } from './info';
import { writesSince } from './store/history';

/** More rows than this since the last search are read whole again (a bulk edit, a merge of many). */
const FOLLOW_AT_MOST = 20_000;

export interface QuickOptions {
  dbPath: string;
  nativeBinding?: string;
}

export class QuickEngine {
  private readonly db: Database.Database;
  private readonly summary: SummaryReader;
  private readonly versionStmt;
  /** The search records as of a place in the change log, and that place's fingerprint (a restored backup changes it). */
  private searching: { version: number; mark: string; list: SearchList } | null = null;

  constructor(private readonly opts: QuickOptions) {
    this.db = new Database(opts.dbPath, { readonly: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
    this.db.pragma('trusted_schema = OFF');
    this.db.pragma('busy_timeout = 5000');
    this.summary = new SummaryReader(this.db, summaryFileOf(opts.dbPath));
    this.versionStmt = this.db.prepare('SELECT coalesce(max(seq), 0) FROM change').pluck();
  }

  /** Reads the search records ahead of the first search (the worker calls this once the window's first calls are answered). */
  warm(): void {
    if (this.db.pragma('user_version', { simple: true }) === SCHEMA_VERSION) this.searchList();
  }

  /** The search records at the change log's place: followed from the rows written since the last search, or read again. */
  private searchList(): SearchList {
    // One read transaction, so the place and the records read agree.
    return this.db.transaction(() => {
      const version = this.versionStmt.get() as number;
      const s = this.searching;
      if (s?.version === version && s.mark === fingerprint(this.db, version)) return s.list;
      if (s && this.follow(s, version)) return s.list;
      // The kept file may be a few writes behind (they were made without the index loaded): its records, then the log's rows.
      const kept = readSearchColumns(indexFileOf(this.opts.dbPath), this.db, version);
      const at = kept?.version ?? version;
      let read = { version: at, mark: fingerprint(this.db, at), list: searchListOf(this.db, kept) };
      if (at !== version && !this.follow(read, version))
        read = { version, mark: fingerprint(this.db, version), list: searchListOf(this.db, null) };
      this.searching = read;
      return read.list;
    })();
  }

  /**
   * Applies the log's rows after the list's place, when they say all that changed: no place
   * without a row (an import's records), the place the list was read at unchanged, not too many.
   * False otherwise, and the list, perhaps half followed, is read again by the caller.
   */
  private follow(s: NonNullable<QuickEngine['searching']>, version: number): boolean {
    if (version < s.version || fingerprint(this.db, s.version) !== s.mark) return false;
    const writes = writesSince(this.db, s.version, FOLLOW_AT_MOST, SEARCHED_TYPES);
    if (!writes) return false;
    for (const w of writes) if (!s.list.apply(w.type, w.before, w.after)) return false;
    s.version = version;
    s.mark = fingerprint(this.db, version);
    return true;
  }

  /** The answer, or null when the engine must answer instead. Throws only as the engine would (bad input). */
  call(name: string, input: unknown): { value: unknown } | null {
    // A database the engine has not yet migrated (or a newer one) is the engine's to judge.
    if (this.db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) return null;
    const parsed = parseCall(name, input);
    switch (parsed.name as CallName) {
      case 'meta.info':
        return { value: metaInfo(this.db, this.opts.dbPath, null) };
      case 'graph.facets': {
        const s = this.summary.current();
        return s ? { value: s.facets } : null;
      }
      case 'graph.slice': {
        const i = parsed.input as CallInput<'graph.slice'>;
        if (!i.aggregate || !keepsEverything(i.filters ?? {})) return null;
        const s = this.summary.current();
        const slice = s ? summarySlice(s, i.view ?? 'organisations', i.aggregate) : null;
        return slice ? { value: slice } : null;
      }
      case 'search.query': {
        const i = parsed.input as CallInput<'search.query'>;
        return { value: search(this.searchList(), i.text, i.limit, i.types) };
      }
      default:
        return null;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
