// The graph service: what the engine hands to everything that reads the graph (slices, ego networks,
// facets, stats, metrics, exports, details). It owns the in-memory index (index.ts) and keeps the
// whole network's selection until the next write, so that the window's first slice, the total tie
// count in every answer and the facets build it once.
import type { Database } from 'better-sqlite3';
import type { GraphView } from '../../../shared/domain';
import type { Filters, Slice } from '../../../shared/schemas';
import { connectorRule, hasOrganisationFilter, weightFloor } from './filters';
import { GraphIndexCache, type GraphIndex } from './index';
import { select, type SelectOptions, type Selection } from './selection';
import { drawSlice, type SliceOptions } from './slice';

export class GraphService {
  private readonly cache: GraphIndexCache;
  /** What no filter keeps; at 50,000 organisations building it takes a few hundred milliseconds. */
  private whole: Selection | null = null;

  constructor(db: Database) {
    this.cache = new GraphIndexCache(db);
  }

  /** The index as of the last write (rebuilt first if the change log has moved on). */
  index(): GraphIndex {
    return this.cache.get();
  }

  /** Ties in the whole network. */
  totalTies(): number {
    return this.select(this.cache.get(), {}).ties.size;
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
    if (whole && this.whole?.g === g) return this.whole;
    const sel = select(g, filters, opts);
    if (whole) this.whole = sel;
    return sel;
  }
}
