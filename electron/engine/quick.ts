// The second engine: a read-only connection to the same database (SQLite's WAL lets it read while
// the first engine writes) that answers the calls the contract marks `quick` whenever it can do so
// without the graph index: `meta.info` from SQLite, the facets and the whole network's aggregated
// view from the kept summary (graph/summary.ts) while it is current. It runs in a worker of its
// own (worker.ts), so the window's first view and the calls it needs to stay usable never wait
// behind a long call (metrics, an export, an import preview, the duplicate finder) or the graph
// index loading. The search box too: its records are read (graph/search.ts) from the kept index's
// file when it is current, else from SQLite, once per place in the change log, ahead of the first
// search, and ranked exactly as the engine ranks them. Whatever it cannot answer
// it hands back (`null`), and the host asks the engine.
import Database from 'better-sqlite3';
import type { CallInput, CallName } from '../../shared/contract';
import { parseCall } from '../../shared/validate';
import { SCHEMA_VERSION } from './db/migrations/index';
import { keepsEverything } from './graph/filters';
import { search, searchIndexOf, type SearchIndex } from './graph/search';
import { indexFileOf, readSearchColumns } from './graph/persisted';
import { SummaryReader, summaryFileOf, summarySlice } from './graph/summary';
import { metaInfo } from './info';

export interface QuickOptions {
  dbPath: string;
  nativeBinding?: string;
}

export class QuickEngine {
  private readonly db: Database.Database;
  private readonly summary: SummaryReader;
  private readonly versionStmt;
  /** The search records as of a place in the change log. */
  private searching: { version: number; idx: SearchIndex } | null = null;

  constructor(private readonly opts: QuickOptions) {
    this.db = new Database(opts.dbPath, { readonly: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
    this.db.pragma('trusted_schema = OFF');
    this.db.pragma('busy_timeout = 5000');
    this.summary = new SummaryReader(this.db, summaryFileOf(opts.dbPath));
    this.versionStmt = this.db.prepare('SELECT coalesce(max(seq), 0) FROM change').pluck();
  }

  /** Reads the search records ahead of the first search (the worker calls this once the window's first calls are answered). */
  warm(): void {
    if (this.db.pragma('user_version', { simple: true }) === SCHEMA_VERSION) this.searchIndex();
  }

  /** The search records, read again when the change log has moved (a write may have renamed one). */
  private searchIndex(): SearchIndex {
    // One read transaction, so the place and the records read agree.
    return this.db.transaction(() => {
      const version = this.versionStmt.get() as number;
      if (this.searching?.version !== version) {
        const kept = readSearchColumns(indexFileOf(this.opts.dbPath), this.db, version);
        this.searching = { version, idx: searchIndexOf(this.db, kept) };
      }
      return this.searching.idx;
    })();
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
        return { value: search(this.searchIndex(), i.text, i.limit, i.types) };
      }
      default:
        return null;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
