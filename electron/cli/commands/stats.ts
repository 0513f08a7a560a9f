// atlas stats: how big the network is, and how it spreads over regions and sectors.
import type { Stats } from '../../../shared/schemas';
import { SECTOR_LABELS, type Sector } from '../../../shared/domain';
import { parseCommand } from '../args';
import { type CliIO, printJson, table } from '../io';
import { withEngine } from '../open';

export async function stats(argv: string[], io: CliIO): Promise<number> {
  const { common } = parseCommand(argv, {});
  const s = await withEngine(common.dbPath, (engine) => engine.call('stats.get', {}));
  if (common.json) printJson(io.stdout, s, io.stdout.isTTY);
  else io.stdout.write(formatStats(s));
  return 0;
}

const label = (key: string) => SECTOR_LABELS[key as Sector] ?? key;

/** Organisations and ties side by side, one row per key either tally has, biggest first. */
function breakdown(title: string, orgs: Record<string, number>, ties: Record<string, number>, name = (k: string) => k) {
  const keys = [...new Set([...Object.keys(orgs), ...Object.keys(ties)])].sort(
    (a, b) => (orgs[b] ?? 0) - (orgs[a] ?? 0) || (ties[b] ?? 0) - (ties[a] ?? 0) || a.localeCompare(b),
  );
  const rows = [[title, 'Organisations', 'Ties'], ...keys.map((k) => [name(k), orgs[k] ?? 0, ties[k] ?? 0])];
  return table(rows);
}

function formatStats(s: Stats): string {
  const records = table([
    ['Organisations', s.organisations],
    ['Partnerships', s.partnerships],
    ['Memberships', s.memberships],
    ['Events', s.events],
    ['Participations', s.participations],
    ['Relations', s.relations],
    ['Sources', s.sources],
    ['Citations', s.citations],
    ['Saved views', s.savedViews],
    ['Ties', s.ties],
    ['Synthetic records', s.synthetic],
  ]);
  return [
    'Records',
    records,
    '',
    breakdown('Region', s.organisationsByRegion, s.tiesByRegion),
    '',
    breakdown('Sector', s.organisationsBySector, s.tiesBySector, label),
    '',
  ].join('\n');
}
