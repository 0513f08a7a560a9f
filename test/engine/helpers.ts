// Real SQLite files in a temporary folder, and the small fixture network whose slices are worked
// out by hand in slice.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from '../../electron/engine/engine';
import { TABLES } from '../../electron/engine/store/tables';
import { RECORD_TYPES } from '../../shared/domain';

// import.meta.url, not __dirname: Playwright loads this file as an ES module too.
export const RESOURCES = resolve(dirname(fileURLToPath(import.meta.url)), '../../resources');

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A generated network of `organisations` exported into `dir` as `big.<format>`, by an engine
 * closed afterwards: a large file to import, as another tool would hand one over. Returns its path.
 */
export async function generatedExport(dir: string, format: 'gexf' | 'graphml', organisations: number, seed: number): Promise<string> {
  const source = new Engine({ dbPath: join(dir, 'source.sqlite'), resourcesDir: RESOURCES, actor: 'test' });
  try {
    source.generate({ organisations, seed });
    const path = join(dir, `big.${format}`);
    await source.call('export.run', { format, path });
    return path;
  } finally {
    source.close();
  }
}

export function openEngine(dbPath: string): Engine {
  return new Engine({ dbPath, resourcesDir: RESOURCES, actor: 'tester', checkOutputs: true });
}

/** A: Ghana gov, B: Kenya CSO, C: US company, D: Brazil university, E: international body, F: Japan CSO. */
export function buildFixture(engine: Engine) {
  const org = (id: string, name: string, acronym: string | null, sector: string, country: string | null, tags: string[] = []) =>
    engine.call('organisation.create', { id, name, acronym, sector, country, tags });
  org('A', 'Alpha Ministry of Communications', 'AMC', 'government', 'GH', ['ransomware']);
  org('B', 'Bravo Digital Rights Forum', null, 'civil_society', 'KE');
  org('C', 'Charlie Cloud Inc', 'CCI', 'private_sector', 'US', ['ransomware']);
  org('D', 'Delta University', null, 'academia', 'BR');
  org('E', 'Echo Intergovernmental Office', 'EIO', 'intergovernmental', null);
  org('F', 'Foxtrot Youth Network', null, 'civil_society', 'JP');
  engine.call('partnership.create', {
    id: 'P1',
    name: 'Ransomware PPP',
    kind: 'public_private',
    focusAreas: ['ransomware'],
    startDate: '2018',
    endDate: '2020',
  });
  engine.call('partnership.create', {
    id: 'P2',
    name: 'Capacity Network',
    kind: 'network',
    focusAreas: ['capacity building'],
    startDate: '2021-03',
  });
  for (const [p, o, role] of [
    ['P1', 'A', 'lead'],
    ['P1', 'B', 'member'],
    ['P1', 'C', 'funder'],
    ['P2', 'C', 'lead'],
    ['P2', 'D', 'member'],
  ]) {
    engine.call('membership.create', { id: `M-${p}-${o}`, partnershipId: p, organisationId: o, role });
  }
  engine.call('event.create', { id: 'V1', name: 'Nairobi Workshop', kind: 'workshop', startDate: '2019-05-10', country: 'KE' });
  engine.call('event.create', { id: 'V2', name: 'Global Conference', kind: 'conference', startDate: '2022' });
  for (const [e, o, role] of [
    ['V1', 'A', 'organiser'],
    ['V1', 'B', 'participant'],
    ['V2', 'D', 'speaker'],
    ['V2', 'E', 'organiser'],
  ]) {
    engine.call('participation.create', { id: `Q-${e}-${o}`, eventId: e, organisationId: o, role });
  }
  engine.call('relation.create', { id: 'R1', sourceId: 'A', targetId: 'E', type: 'funds', startDate: '2015' });
}

/** Every record table, one per record type in the domain's order (the undo and merge tests compare them). */
export const RECORD_TABLES: readonly string[] = RECORD_TYPES.map((type) => TABLES[type].table);

/**
 * Every row of the given tables, every column but created_seq: that column is the log's own
 * bookkeeping (a record an import created in bulk holds its place in the log there; once undone
 * and redone, its creation is a row of the log instead, and the column is empty).
 */
export function recordRows(engine: Engine, tables: readonly string[] = RECORD_TABLES): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    out[t] = (engine.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all() as Record<string, unknown>[]).map(({ created_seq: _s, ...r }) => r);
  }
  return out;
}
