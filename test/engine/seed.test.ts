// The shipped seed network: only facts the source states, every record cited.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import { RESOURCES, openEngine, tempDir } from './helpers';

let engine: Engine;
let cleanup: () => void;
beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  engine = openEngine(`${t.dir}/seed.sqlite`);
});
afterAll(() => {
  engine.close();
  cleanup();
});

const source = readFileSync(join(RESOURCES, 'seed', 'unodc-csu-cybercrime-stakeholder-engagement.txt'), 'utf8');
const all = (sql: string) => engine.db.prepare(sql).all() as Record<string, unknown>[];

describe('seed network', () => {
  it('loads whole, as one import, and a second load adds nothing', () => {
    const first = engine.seedIfEmpty();
    expect(first).toEqual({ created: 45, skipped: 0 });
    expect(engine.seedIfEmpty()).toBeNull();
    expect(engine.seed()).toEqual({ created: 0, skipped: 45 });
    const s = engine.call('stats.get', {});
    expect(s).toMatchObject({
      organisations: 7,
      partnerships: 1,
      memberships: 2,
      events: 4,
      participations: 6,
      relations: 1,
      sources: 2,
      citations: 22,
      synthetic: 0,
    });
    const imports = all(`SELECT DISTINCT import_id FROM change`);
    expect(imports).toHaveLength(1);
    expect(imports[0]!.import_id).not.toBeNull();
  });

  it('cites a source for every record', () => {
    for (const [table, type] of [
      ['organisation', 'organisation'],
      ['partnership', 'partnership'],
      ['membership', 'membership'],
      ['event', 'event'],
      ['participation', 'participation'],
      ['relation', 'relation'],
    ]) {
      const uncited = all(
        `SELECT id FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM citation c WHERE c.record_type = '${type}' AND c.record_id = t.id)`,
      );
      expect(uncited, `${table} without a citation`).toEqual([]);
    }
  });

  it('quotes only what the source says', () => {
    for (const { locator } of all(`SELECT locator FROM citation c JOIN source s ON s.id = c.source_id WHERE s.document IS NOT NULL`)) {
      for (const part of String(locator)
        .split('...')
        .map((p) => p.trim())
        .filter(Boolean)) {
        expect(source, `locator "${part}"`).toContain(part);
      }
    }
  });

  it('names organisations as the source does and invents no dates or places', () => {
    for (const { name, acronym } of all('SELECT name, acronym FROM organisation')) {
      const words = String(name)
        .replace(/^UNODC /, '')
        .replace('CyberPeace', 'Cyber Peace');
      expect(source).toContain(words);
      if (acronym) expect(source).toContain(String(acronym));
    }
    expect(all('SELECT id FROM partnership WHERE start_date IS NOT NULL OR end_date IS NOT NULL')).toEqual([]);
    // The source gives the sixth session's days but no year, so no date is stored.
    expect(all('SELECT id FROM event WHERE start_date IS NOT NULL')).toEqual([]);
    const events = all('SELECT name, country, city, mode, participant_count, participant_count_qualifier FROM event ORDER BY name');
    expect(events.map((e) => [e.country, e.city, e.mode, e.participant_count, e.participant_count_qualifier])).toEqual([
      ['GH', null, 'hybrid', null, 'exact'],
      [null, null, null, 50, 'more_than'],
      [null, null, 'virtual', 70, 'more_than'],
      ['US', 'New York', null, null, 'exact'],
    ]);
  });

  it('draws as an organisation network with the stated ties', () => {
    const s = engine.call('graph.slice', {});
    expect(s.nodes).toHaveLength(7);
    const label = new Map(s.nodes.map((n) => [n.id, n.label]));
    const ties = s.edges.map((e) => `${[label.get(e.source), label.get(e.target)].sort().join(' + ')} (${e.weight})`).sort();
    expect(ties).toEqual([
      'Alliance of NGOs on Crime Prevention and Criminal Justice + CSU (2)',
      'CSU + CyberPeace Institute (1)',
      'CSU + International Chamber of Commerce (1)',
      'CSU + Microsoft (1)',
      'CSU + UNODC Global Programme on Cybercrime (1)',
      'CyberPeace Institute + International Chamber of Commerce (1)',
      'CyberPeace Institute + Microsoft (1)',
      'International Chamber of Commerce + Microsoft (1)',
    ]);
    const full = engine.call('graph.slice', { view: 'full' });
    expect(full.nodes).toHaveLength(12); // 7 organisations, 1 partnership, 4 events
  });
});
