// Graph slices against a six-organisation fixture whose answers are worked out by hand:
//   ties: A-B (P1 + V1, weight 2), A-C (P1), B-C (P1), C-D (P2), D-E (V2), A-E (relation R1); F isolated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import type { Filters, Slice } from '../../shared/schemas';
import { buildFixture, openEngine, tempDir } from './helpers';

let engine: Engine;
let cleanup: () => void;
beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  engine = openEngine(`${t.dir}/fixture.sqlite`);
  buildFixture(engine);
});
afterAll(() => {
  engine.close();
  cleanup();
});

const ids = (s: Slice, type = 'organisation') =>
  s.nodes
    .filter((n) => n.type === type)
    .map((n) => n.id)
    .sort();
const ties = (s: Slice) => s.edges.map((e) => `${[e.source, e.target].sort().join('-')}:${e.weight}`).sort();
const slice = (filters: Filters = {}) => engine.call('graph.slice', { filters });

describe('organisation view', () => {
  it('draws every organisation and every tie, weighted by shared connectors', () => {
    const s = slice();
    expect(ids(s)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(ties(s)).toEqual(['A-B:2', 'A-C:1', 'A-E:1', 'B-C:1', 'C-D:1', 'D-E:1']);
    const ab = s.edges.find((e) => e.id === 't:A|B')!;
    expect(ab).toMatchObject({ partnerships: 1, events: 1, relations: 0, firstDate: '2018', lastDate: '2020' });
    expect(s.counts).toEqual({
      organisations: { shown: 6, total: 6 },
      ties: { shown: 6, total: 6 },
      partnerships: { shown: 2, total: 2 },
      events: { shown: 2, total: 2 },
      relations: { shown: 1, total: 1 },
    });
  });

  it('gives nodes the attributes the explorer needs', () => {
    const a = slice().nodes.find((n) => n.id === 'A')!;
    expect(a).toMatchObject({
      label: 'AMC',
      name: 'Alpha Ministry of Communications',
      sector: 'government',
      country: 'GH',
      countryName: 'Ghana',
      region: 'Africa',
      subRegion: 'Western Africa',
    });
  });

  it('filters by region', () => {
    const s = slice({ regions: ['Africa'] });
    expect(ids(s)).toEqual(['A', 'B']);
    expect(ties(s)).toEqual(['A-B:2']);
    expect(s.counts.organisations).toEqual({ shown: 2, total: 6 });
    expect(s.counts.ties).toEqual({ shown: 1, total: 6 });
  });

  it('filters by sub-region, including intermediate regions', () => {
    expect(ids(slice({ subRegions: ['Sub-Saharan Africa'] }))).toEqual(['A', 'B']);
    expect(ids(slice({ subRegions: ['Eastern Africa'] }))).toEqual(['B']);
    expect(ids(slice({ subRegions: ['South America', 'Northern America'] }))).toEqual(['C', 'D']);
  });

  it('filters by country, sector, tags and free text', () => {
    expect(ids(slice({ countries: ['US', 'JP'] }))).toEqual(['C', 'F']);
    expect(ids(slice({ sectors: ['civil_society'] }))).toEqual(['B', 'F']);
    expect(ties(slice({ sectors: ['civil_society'] }))).toEqual([]);
    expect(ids(slice({ tags: ['ransomware'] }))).toEqual(['A', 'C']);
    expect(ids(slice({ text: 'cci' }))).toEqual(['C']);
    expect(ids(slice({ text: 'university' }))).toEqual(['D']);
    expect(ids(slice({ text: '100%_' }))).toEqual([]);
  });

  it('a partnership filter keeps only partnerships and their members', () => {
    const s = slice({ partnershipKinds: ['public_private'] });
    expect(ids(s)).toEqual(['A', 'B', 'C']);
    expect(ties(s)).toEqual(['A-B:1', 'A-C:1', 'B-C:1']);
    expect(s.counts.events.shown).toBe(0);
    expect(ids(slice({ focusAreas: ['capacity building'] }))).toEqual(['C', 'D']);
  });

  it('an event filter keeps only events and their participants', () => {
    const s = slice({ eventKinds: ['workshop'] });
    expect(ids(s)).toEqual(['A', 'B']);
    expect(ties(s)).toEqual(['A-B:1']);
    const both = slice({ eventKinds: ['conference'], partnershipKinds: ['network'] });
    expect(ids(both)).toEqual(['C', 'D', 'E']);
    expect(ties(both)).toEqual(['C-D:1', 'D-E:1']);
  });

  it('a date range keeps connectors that overlap it', () => {
    // P1 2018-2020 out, P2 2021-03.. in, V1 2019 out, V2 2022 in, R1 2015.. (no end) in.
    const s = slice({ dateFrom: '2021', dateTo: '2022' });
    expect(ids(s)).toEqual(['A', 'C', 'D', 'E']);
    expect(ties(s)).toEqual(['A-E:1', 'C-D:1', 'D-E:1']);
    expect(ids(slice({ dateTo: '2019-04' }))).toEqual(['A', 'B', 'C', 'E']);
    expect(ties(slice({ dateFrom: '2019-05-10', dateTo: '2019-05-10' }))).toEqual(['A-B:2', 'A-C:1', 'A-E:1', 'B-C:1']);
  });

  it('combines organisation and connector filters', () => {
    const s = slice({ regions: ['Africa', 'Americas'], partnershipKinds: ['public_private'] });
    expect(ids(s)).toEqual(['A', 'B', 'C']);
    expect(ties(slice({ regions: ['Americas'], dateFrom: '2021' }))).toEqual(['C-D:1']);
  });
});

describe('full view', () => {
  it('adds partnerships and events as nodes joined by membership and participation edges', () => {
    const s = engine.call('graph.slice', { view: 'full' });
    expect(ids(s)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(ids(s, 'partnership')).toEqual(['P1', 'P2']);
    expect(ids(s, 'event')).toEqual(['V1', 'V2']);
    const edges = s.edges.map((e) => `${e.type}:${e.source}>${e.target}:${e.role}`).sort();
    expect(edges).toEqual([
      'membership:A>P1:lead',
      'membership:B>P1:member',
      'membership:C>P1:funder',
      'membership:C>P2:lead',
      'membership:D>P2:member',
      'participation:A>V1:organiser',
      'participation:B>V1:participant',
      'participation:D>V2:speaker',
      'participation:E>V2:organiser',
      'relation:A>E:funds',
    ]);
  });

  it('keeps only connectors with a kept member when organisations are filtered', () => {
    const s = engine.call('graph.slice', { view: 'full', filters: { regions: ['Americas'] } });
    expect(ids(s)).toEqual(['C', 'D']);
    expect(ids(s, 'partnership')).toEqual(['P1', 'P2']);
    expect(ids(s, 'event')).toEqual(['V2']);
    expect(s.edges).toHaveLength(4); // C>P1, C>P2, D>P2, D>V2
  });
});

describe('ego network', () => {
  const ego = (organisationId: string, depth: number, filters: Filters = {}) =>
    engine.call('graph.ego', { organisationId, depth, filters });

  it('depth 1 holds the neighbours and the ties among them', () => {
    const s = ego('A', 1);
    expect(ids(s)).toEqual(['A', 'B', 'C', 'E']);
    expect(ties(s)).toEqual(['A-B:2', 'A-C:1', 'A-E:1', 'B-C:1']);
  });

  it('depth 2 and 3 reach further', () => {
    expect(ids(ego('A', 2))).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(ties(ego('A', 2))).toHaveLength(6);
    expect(ids(ego('B', 1))).toEqual(['A', 'B', 'C']);
    expect(ids(ego('B', 2))).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('an isolated organisation is its own ego network', () => {
    const s = ego('F', 3);
    expect(ids(s)).toEqual(['F']);
    expect(s.edges).toEqual([]);
  });

  it('follows only the connectors the filters keep', () => {
    expect(ids(ego('A', 3, { eventKinds: ['workshop'] }))).toEqual(['A', 'B']);
    expect(ids(ego('C', 1, { regions: ['Americas'] }))).toEqual(['C', 'D']);
  });

  it('refuses an unknown organisation and a depth outside 1 to 3', () => {
    expect(() => ego('nobody', 1)).toThrow(expect.objectContaining({ code: 'not_found', field: 'organisationId' }));
    expect(() => ego('A', 4)).toThrow(expect.objectContaining({ code: 'validation', field: 'depth' }));
  });
});

describe('stats', () => {
  it('counts records and ties per region and sector', () => {
    const s = engine.call('stats.get', {});
    expect(s).toMatchObject({ organisations: 6, partnerships: 2, memberships: 5, events: 2, participations: 4, relations: 1, ties: 6 });
    expect(s.organisationsByRegion).toEqual({ Africa: 2, Americas: 2, Asia: 1, 'No country (international)': 1 });
    // A-B within Africa, C-D within the Americas, the other four cross regions.
    expect(s.tiesByRegion).toEqual({ Africa: 1, Americas: 1, 'across regions': 4 });
    expect(s.tiesBySector).toEqual({ 'across sectors': 6 });
  });
});
