// The second engine: a read-only connection to the same database (SQLite's WAL lets it read while
// the first engine writes) that answers the calls the contract marks `quick` whenever it can do so
// without the graph index: `meta.info` from SQLite, the facets and the whole network's aggregated
// view from the kept summary (graph/summary.ts) while it is current. It runs in a worker of its
// own (worker.ts), so the window's first view and the calls it needs to stay usable never wait
// behind a long call (metrics, an export, an import preview, the duplicate finder) or the graph
// index loading. Whatever it cannot answer it hands back (`null`), and the host asks the engine.
import Database from 'better-sqlite3';
import type { CallInput, CallName } from '../../shared/contract';
import { parseCall } from '../../shared/validate';
import { SCHEMA_VERSION } from './db/migrations/index';
import { keepsEverything } from './graph/filters';
import { SummaryReader, summaryFileOf, summarySlice } from './graph/summary';
import { metaInfo } from './info';

export interface QuickOptions {
  dbPath: string;
  nativeBinding?: string;
}

export class QuickEngine {
  private readonly db: Database.Database;
  private readonly summary: SummaryReader;

  constructor(private readonly opts: QuickOptions) {
    this.db = new Database(opts.dbPath, { readonly: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
    this.db.pragma('trusted_schema = OFF');
    this.db.pragma('busy_timeout = 5000');
    this.summary = new SummaryReader(this.db, summaryFileOf(opts.dbPath));
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
      default:
        return null;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
