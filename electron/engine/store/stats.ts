// Counts of every record type and of ties, per region and per sector.
import type { Database } from 'better-sqlite3';
import type { Stats } from '../../../shared/schemas';
import type { GraphService } from '../graph/service';

const NO_REGION = 'No country (international)';

export function stats(db: Database, graph: GraphService): Stats {
  const count = (table: string, where = '1') => db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number;
  const tally = (sql: string) =>
    Object.fromEntries((db.prepare(sql).raw().all() as [string | null, number][]).map(([k, n]) => [k ?? NO_REGION, n]));

  const full = graph.slice({}, 'organisations');
  const regionOf = new Map(full.nodes.map((n) => [n.id, n.region ?? NO_REGION]));
  const sectorOf = new Map(full.nodes.map((n) => [n.id, n.sector ?? 'other']));
  const tiesByRegion: Record<string, number> = {};
  const tiesBySector: Record<string, number> = {};
  for (const e of full.edges) {
    const r1 = regionOf.get(e.source)!;
    const r2 = regionOf.get(e.target)!;
    const rk = r1 === r2 ? r1 : 'across regions';
    tiesByRegion[rk] = (tiesByRegion[rk] ?? 0) + 1;
    const s1 = sectorOf.get(e.source)!;
    const s2 = sectorOf.get(e.target)!;
    const sk = s1 === s2 ? s1 : 'across sectors';
    tiesBySector[sk] = (tiesBySector[sk] ?? 0) + 1;
  }
  const synthetic = count('organisation', 'synthetic = 1') + count('partnership', 'synthetic = 1') + count('event', 'synthetic = 1');
  return {
    organisations: count('organisation'),
    partnerships: count('partnership'),
    memberships: count('membership'),
    events: count('event'),
    participations: count('participation'),
    relations: count('relation'),
    sources: count('source'),
    citations: count('citation'),
    savedViews: count('saved_view'),
    ties: full.edges.length,
    synthetic,
    organisationsByRegion: tally(
      `SELECT c.region, count(*) FROM organisation o LEFT JOIN country c ON c.code = o.country GROUP BY c.region ORDER BY 2 DESC`,
    ),
    organisationsBySector: tally(`SELECT sector, count(*) FROM organisation GROUP BY sector ORDER BY 2 DESC`),
    tiesByRegion,
    tiesBySector,
  };
}
