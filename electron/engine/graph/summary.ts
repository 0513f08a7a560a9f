// A small summary of the whole network kept beside the database (`<database>.graph-summary`): what
// the window asks for first (the aggregated view at each level, with the counts, and the filter
// panel's facets), as JSON, with the place in the change log it was made at. Opening a network of a
// million ties then shows its aggregated view without waiting for the graph index: the second,
// read-only engine (quick.ts) answers from this file while the first loads the index, and while
// it is busy with a long call. The graph service writes it whenever the engine is idle after a
// write (service.ts), so it follows the write path; it is used only while it is current (the same
// fingerprint as the kept index, at the log's current place), and is a cache like the index.
import type { Database } from 'better-sqlite3';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { AGGREGATE_LEVELS, type GraphView } from '../../../shared/domain';
import type { Aggregate, AggregateLevel, Facets, Slice, SliceCounts } from '../../../shared/schemas';
import { fingerprint } from './persisted';

const FORMAT = 1;

export const summaryFileOf = (dbPath: string): string => `${dbPath}.graph-summary`;

export interface GraphSummary {
  format: number;
  fingerprint: string;
  version: number;
  counts: SliceCounts;
  aggregates: Record<AggregateLevel, Aggregate>;
  facets: Facets;
}

export function makeSummary(
  db: Database,
  version: number,
  counts: SliceCounts,
  aggregate: (by: AggregateLevel) => Aggregate,
  facets: Facets,
): GraphSummary {
  const aggregates = Object.fromEntries(AGGREGATE_LEVELS.map((by) => [by, aggregate(by)])) as Record<AggregateLevel, Aggregate>;
  return { format: FORMAT, fingerprint: fingerprint(db, version), version, counts, aggregates, facets };
}

export function writeSummaryFile(path: string, summary: GraphSummary): void {
  const tmp = `${path}.${process.pid}-${threadId}.tmp`;
  writeFileSync(tmp, JSON.stringify(summary));
  renameSync(tmp, path);
}

/** Reads the summary file, parsing it again only when it changed on disk. */
export class SummaryReader {
  private kept: { stamp: string; summary: GraphSummary | null } | null = null;
  private readonly versionStmt;

  constructor(
    private readonly db: Database,
    private readonly path: string,
  ) {
    this.versionStmt = db.prepare('SELECT coalesce(max(seq), 0) FROM change').pluck();
  }

  /** The summary if it is this database's as it is now, else null. */
  current(): GraphSummary | null {
    let stamp: string;
    try {
      const s = statSync(this.path);
      stamp = `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch {
      return null;
    }
    if (this.kept?.stamp !== stamp) {
      let summary: GraphSummary | null;
      try {
        summary = JSON.parse(readFileSync(this.path, 'utf8')) as GraphSummary;
        if (summary.format !== FORMAT) summary = null;
      } catch {
        summary = null;
      }
      this.kept = { stamp, summary };
    }
    const s = this.kept.summary;
    if (!s) return null;
    if (s.version !== (this.versionStmt.get() as number)) return null;
    return s.fingerprint === fingerprint(this.db, s.version) ? s : null;
  }
}

/** The whole network's aggregated slice as the summary holds it, when it answers the request. */
export function summarySlice(s: GraphSummary, view: GraphView, aggregate: { above: number; by: AggregateLevel }): Slice | null {
  if (s.counts.organisations.total <= aggregate.above) return null;
  return { view, nodes: [], edges: [], counts: s.counts, aggregate: s.aggregates[aggregate.by] };
}
