// The explorer's engine calls against the six-organisation fixture (helpers.ts), answers worked
// out by hand:
//   ties: A-B (P1 + V1, weight 2), A-C (P1), B-C (P1), C-D (P2), D-E (V2), A-E (relation R1); F isolated.
//   A Ghana and B Kenya (Africa, Sub-Saharan Africa), C United States (Americas, Northern America),
//   D Brazil (Americas, Latin America and the Caribbean), E no country, F Japan (Asia, Eastern Asia).
//   P1 2018-2020 public_private, P2 2021-03 network, V1 2019-05-10 workshop, V2 2022 conference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import type { Filters, Slice } from '../../shared/schemas';
import { buildFixture, openEngine, tempDir } from './helpers';

let engine: Engine;
let cleanups: (() => void)[] = [];
beforeAll(() => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  engine = openEngine(`${t.dir}/fixture.sqlite`);
  buildFixture(engine);
});
afterAll(() => {
  engine.close();
  for (const c of cleanups) c();
  cleanups = [];
});

const ids = (s: Slice, type = 'organisation') =>
  s.nodes
    .filter((n) => n.type === type)
    .map((n) => n.id)
    .sort();
const ties = (s: Slice) => s.edges.map((e) => `${[e.source, e.target].sort().join('-')}:${e.weight}`).sort();
const slice = (filters: Filters = {}, view: 'organisations' | 'full' = 'organisations') => engine.call('graph.slice', { filters, view });

describe('minimum tie weight', () => {
  it('draws only ties at or above it and drops organisations left without one', () => {
    const s = slice({ minWeight: 2 });
    expect(ids(s)).toEqual(['A', 'B']);
    expect(ties(s)).toEqual(['A-B:2']);
    expect(s.counts).toEqual({
      organisations: { shown: 2, total: 6 },
      ties: { shown: 1, total: 6 },
      partnerships: { shown: 1, total: 2 }, // P1 (A, B); P2's members C and D are gone
      events: { shown: 1, total: 2 }, // V1 (A, B); V2's D and E are gone
      relations: { shown: 0, total: 1 }, // R1 is the A-E tie, weight 1
    });
  });

  it('1 is the same as no minimum, and a minimum above every tie leaves nothing', () => {
    expect(slice({ minWeight: 1 })).toEqual(slice());
    const s = slice({ minWeight: 3 });
    expect(s.nodes).toEqual([]);
    expect(s.counts.ties.shown).toBe(0);
  });

  it('weighs ties under the other filters', () => {
    // Only the workshop counts: A-B weighs 1.
    expect(slice({ eventKinds: ['workshop'], minWeight: 2 }).nodes).toEqual([]);
    expect(ids(slice({ regions: ['Africa'], minWeight: 2 }))).toEqual(['A', 'B']);
  });

  it('in the full view keeps organisations with a tie that meets it, with all their links', () => {
    const s = slice({ minWeight: 2 }, 'full');
    expect(ids(s)).toEqual(['A', 'B']);
    expect(ids(s, 'partnership')).toEqual(['P1']);
    expect(ids(s, 'event')).toEqual(['V1']);
    expect(s.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual(['A>P1', 'A>V1', 'B>P1', 'B>V1']);
  });

  it('ego networks walk only over ties that meet it; the centre always stays', () => {
    const ego = (organisationId: string, depth: number) => engine.call('graph.ego', { organisationId, depth, filters: { minWeight: 2 } });
    expect(ids(ego('B', 3))).toEqual(['A', 'B']);
    expect(ties(ego('B', 3))).toEqual(['A-B:2']);
    expect(ids(ego('C', 3))).toEqual(['C']);
  });

  it('counts how many of the slice partnerships each organisation belongs to', () => {
    const n = Object.fromEntries(slice().nodes.map((x) => [x.id, x.partnerships]));
    expect(n).toEqual({ A: 1, B: 1, C: 2, D: 1, E: 0, F: 0 });
  });
});

describe('aggregated slices', () => {
  const agg = (by: 'region' | 'subRegion' | 'country', above = 5, filters: Filters = {}) =>
    engine.call('graph.slice', { filters, aggregate: { above, by } });

  it('groups by region, with ties inside and between groups', () => {
    const s = agg('region');
    expect(s.nodes).toEqual([]);
    expect(s.edges).toEqual([]);
    expect(s.counts.organisations).toEqual({ shown: 6, total: 6 });
    expect(s.counts.ties).toEqual({ shown: 6, total: 6 });
    expect(s.aggregate!.by).toBe('region');
    expect(s.aggregate!.groups).toEqual([
      {
        id: 'region:Africa',
        by: 'region',
        key: 'Africa',
        label: 'Africa',
        region: 'Africa',
        organisations: 2,
        innerTies: 1,
        sectors: { government: 1, civil_society: 1 },
      },
      {
        id: 'region:Americas',
        by: 'region',
        key: 'Americas',
        label: 'Americas',
        region: 'Americas',
        organisations: 2,
        innerTies: 1,
        sectors: { private_sector: 1, academia: 1 },
      },
      {
        id: 'region:Asia',
        by: 'region',
        key: 'Asia',
        label: 'Asia',
        region: 'Asia',
        organisations: 1,
        innerTies: 0,
        sectors: { civil_society: 1 },
      },
      {
        id: 'none',
        by: 'region',
        key: null,
        label: 'No country (international)',
        region: null,
        organisations: 1,
        innerTies: 0,
        sectors: { intergovernmental: 1 },
      },
    ]);
    // A-C and B-C cross Africa-Americas; A-E Africa-none; D-E Americas-none.
    expect(s.aggregate!.links).toEqual([
      { id: 'region:Africa|region:Americas', source: 'region:Africa', target: 'region:Americas', ties: 2, weight: 2 },
      { id: 'region:Africa|none', source: 'region:Africa', target: 'none', ties: 1, weight: 1 },
      { id: 'region:Americas|none', source: 'region:Americas', target: 'none', ties: 1, weight: 1 },
    ]);
  });

  it('groups by sub-region (not intermediate region)', () => {
    const a = agg('subRegion').aggregate!;
    expect(a.groups.map((g) => [g.id, g.key, g.organisations, g.innerTies])).toEqual([
      ['subRegion:Sub-Saharan Africa', 'Sub-Saharan Africa', 2, 1],
      ['subRegion:Eastern Asia', 'Eastern Asia', 1, 0],
      ['subRegion:Latin America and the Caribbean', 'Latin America and the Caribbean', 1, 0],
      ['none', null, 1, 0],
      ['subRegion:Northern America', 'Northern America', 1, 0],
    ]);
    expect(a.links.map((l) => `${l.source}|${l.target}:${l.ties}/${l.weight}`)).toEqual([
      'subRegion:Sub-Saharan Africa|subRegion:Northern America:2/2', // A-C, B-C
      'subRegion:Sub-Saharan Africa|none:1/1', // A-E
      'subRegion:Latin America and the Caribbean|none:1/1', // D-E
      'subRegion:Latin America and the Caribbean|subRegion:Northern America:1/1', // D-C
    ]);
  });

  it('groups by country, labelled with country names', () => {
    const a = agg('country').aggregate!;
    expect(a.groups.map((g) => `${g.id}=${g.label}:${g.organisations}`)).toEqual([
      'country:BR=Brazil:1',
      'country:GH=Ghana:1',
      'country:JP=Japan:1',
      'country:KE=Kenya:1',
      'none=No country (international):1',
      'country:US=United States of America:1',
    ]);
    expect(a.groups.every((g) => g.innerTies === 0)).toBe(true);
    const link = (x: string, y: string) => a.links.find((l) => [l.source, l.target].sort().join() === [x, y].sort().join());
    expect(link('country:GH', 'country:KE')).toMatchObject({ ties: 1, weight: 2 }); // A-B weighs 2
    expect(a.links).toHaveLength(6);
  });

  it('aggregates what the filters keep, minimum weight included', () => {
    const s = agg('region', 0, { minWeight: 2 });
    expect(s.counts.organisations.shown).toBe(2);
    expect(s.aggregate!.groups).toEqual([
      {
        id: 'region:Africa',
        by: 'region',
        key: 'Africa',
        label: 'Africa',
        region: 'Africa',
        organisations: 2,
        innerTies: 1,
        sectors: { government: 1, civil_society: 1 },
      },
    ]);
    expect(s.aggregate!.links).toEqual([]);
    expect(agg('country', 1, { regions: ['Americas'] }).aggregate!.links).toEqual([
      { id: 'country:BR|country:US', source: 'country:BR', target: 'country:US', ties: 1, weight: 1 },
    ]);
  });

  it('is not used at or below the threshold', () => {
    const s = agg('region', 6);
    expect(s.aggregate).toBeUndefined();
    expect(ids(s)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(agg('region', 2, { regions: ['Africa'] }).aggregate).toBeUndefined();
  });
});

describe('timeline', () => {
  const tl = (filters: Filters = {}) => engine.call('graph.timeline', { filters });

  it('counts partnerships and events by start year, with empty years between', () => {
    expect(tl()).toEqual({
      years: [
        { year: 2018, partnerships: 1, events: 0 },
        { year: 2019, partnerships: 0, events: 1 },
        { year: 2020, partnerships: 0, events: 0 },
        { year: 2021, partnerships: 1, events: 0 },
        { year: 2022, partnerships: 0, events: 1 },
      ],
      undated: { partnerships: 0, events: 0 },
    });
  });

  it('ignores the date range but applies every other filter', () => {
    expect(tl({ dateFrom: '2021' })).toEqual(tl());
    expect(tl({ partnershipKinds: ['public_private'] })).toEqual({
      years: [{ year: 2018, partnerships: 1, events: 0 }],
      undated: { partnerships: 0, events: 0 },
    });
    // Americas: C and D take part in P1, P2 and V2, not in V1.
    expect(tl({ regions: ['Americas'] }).years).toEqual([
      { year: 2018, partnerships: 1, events: 0 },
      { year: 2019, partnerships: 0, events: 0 },
      { year: 2020, partnerships: 0, events: 0 },
      { year: 2021, partnerships: 1, events: 0 },
      { year: 2022, partnerships: 0, events: 1 },
    ]);
    expect(tl({ countries: ['JP'] })).toEqual({ years: [], undated: { partnerships: 0, events: 0 } });
  });
});

describe('facets', () => {
  it('lists the values present, with counts, largest first', () => {
    const f = engine.call('graph.facets', {});
    expect(f.regions).toEqual([
      { value: 'Africa', label: 'Africa', count: 2, subRegions: [{ value: 'Sub-Saharan Africa', label: 'Sub-Saharan Africa', count: 2 }] },
      {
        value: 'Americas',
        label: 'Americas',
        count: 2,
        subRegions: [
          { value: 'Latin America and the Caribbean', label: 'Latin America and the Caribbean', count: 1 },
          { value: 'Northern America', label: 'Northern America', count: 1 },
        ],
      },
      { value: 'Asia', label: 'Asia', count: 1, subRegions: [{ value: 'Eastern Asia', label: 'Eastern Asia', count: 1 }] },
    ]);
    expect(f.countries.map((c) => `${c.value}=${c.label}:${c.count}`)).toEqual([
      'BR=Brazil:1',
      'GH=Ghana:1',
      'JP=Japan:1',
      'KE=Kenya:1',
      'US=United States of America:1',
    ]);
    expect(f.sectors).toEqual([
      { value: 'civil_society', label: 'Civil society', count: 2 },
      { value: 'academia', label: 'Academia', count: 1 },
      { value: 'government', label: 'Government', count: 1 },
      { value: 'intergovernmental', label: 'Intergovernmental', count: 1 },
      { value: 'private_sector', label: 'Private sector', count: 1 },
    ]);
    expect(f.partnershipKinds).toEqual([
      { value: 'network', label: 'Network', count: 1 },
      { value: 'public_private', label: 'Public-private partnership', count: 1 },
    ]);
    expect(f.eventKinds).toEqual([
      { value: 'conference', label: 'Conference', count: 1 },
      { value: 'workshop', label: 'Workshop', count: 1 },
    ]);
    expect(f.focusAreas).toEqual([
      { value: 'capacity building', label: 'capacity building', count: 1 },
      { value: 'ransomware', label: 'ransomware', count: 1 },
    ]);
    expect(f.tags).toEqual([{ value: 'ransomware', label: 'ransomware', count: 2 }]);
    expect(f.maxWeight).toBe(2);
    expect(f.years).toEqual({ min: 2018, max: 2022 });
  });
});

describe('shortest path', () => {
  const path = (from: string, to: string, filters: Filters = {}) => engine.call('graph.path', { from, to, filters });

  it('finds the fewest ties and says what each step runs through', () => {
    const p = path('B', 'E');
    expect(p.nodes).toEqual(['B', 'A', 'E']);
    expect(p.steps).toEqual([
      {
        from: { id: 'B', name: 'Bravo Digital Rights Forum' },
        to: { id: 'A', name: 'Alpha Ministry of Communications' },
        via: [
          { type: 'partnership', id: 'P1', name: 'Ransomware PPP', kind: 'public_private' },
          { type: 'event', id: 'V1', name: 'Nairobi Workshop', kind: 'workshop' },
        ],
      },
      {
        from: { id: 'A', name: 'Alpha Ministry of Communications' },
        to: { id: 'E', name: 'Echo Intergovernmental Office' },
        via: [{ type: 'relation', id: 'R1', name: 'AMC funds EIO', kind: 'funds' }],
      },
    ]);
    expect(path('B', 'D').nodes).toEqual(['B', 'C', 'D']);
    expect(path('B', 'D').steps.map((s) => s.via.map((v) => v.name))).toEqual([['Ransomware PPP'], ['Capacity Network']]);
  });

  it('follows only what the filters keep', () => {
    // From 2021: P2, V2 and R1 remain, so C reaches A the long way round.
    expect(path('C', 'A', { dateFrom: '2021' }).nodes).toEqual(['C', 'D', 'E', 'A']);
    expect(path('A', 'B', { minWeight: 2 }).nodes).toEqual(['A', 'B']);
    expect(path('A', 'B', { eventKinds: ['workshop'] }).steps[0]!.via.map((v) => v.id)).toEqual(['V1']);
    expect(path('A', 'C', { minWeight: 2 })).toEqual({ nodes: [], steps: [], by: { weight: null, length: 0 } });
    // D is not in Africa, so not in the slice.
    expect(path('A', 'D', { regions: ['Africa'] })).toEqual({ nodes: [], steps: [], by: { weight: null, length: 0 } });
  });

  it('answers no path, the same organisation, and unknown IDs', () => {
    expect(path('A', 'F')).toEqual({ nodes: [], steps: [], by: { weight: null, length: 0 } });
    expect(path('C', 'C')).toEqual({ nodes: ['C'], steps: [], by: { weight: null, length: 0 } });
    expect(path('C', 'A', { dateFrom: '2021' }).by).toEqual({ weight: null, length: 3 });
    expect(() => path('A', 'nobody')).toThrow(expect.objectContaining({ code: 'not_found', field: 'to' }));
    expect(() => path('nobody', 'A')).toThrow(expect.objectContaining({ code: 'not_found', field: 'from' }));
  });
});

describe('details: neighbours', () => {
  const neighbours = (id: string) => engine.call('record.details', { type: 'organisation', id }).neighbours;

  it('lists the organisations tied to one, strongest first, then by name', () => {
    expect(neighbours('A')).toEqual([
      { id: 'B', name: 'Bravo Digital Rights Forum', weight: 2, partnerships: 1, events: 1, relations: 0 },
      { id: 'C', name: 'Charlie Cloud Inc', weight: 1, partnerships: 1, events: 0, relations: 0 },
      { id: 'E', name: 'Echo Intergovernmental Office', weight: 1, partnerships: 0, events: 0, relations: 1 },
    ]);
    expect(neighbours('D').map((n) => n.id)).toEqual(['C', 'E']);
    expect(neighbours('F')).toEqual([]);
    expect(engine.call('record.details', { type: 'partnership', id: 'P1' }).neighbours).toEqual([]);
  });
});

describe('search', () => {
  let s: Engine;
  beforeAll(() => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    s = openEngine(`${t.dir}/search.sqlite`);
    buildFixture(s);
    const org = (id: string, name: string) => s.call('organisation.create', { id, name, sector: 'other', country: 'FR' });
    org('G', 'AMC Watch');
    org('H', 'Friends of AMC');
    org('I', 'Tamco Labs');
    org('J', 'Délta Foundation');
    s.call('partnership.create', { id: 'P3', name: 'AMC Alliance', kind: 'agreement' });
  });
  afterAll(() => s.close());
  const q = (text: string, more: { limit?: number; types?: ('organisation' | 'partnership' | 'event')[] } = {}) =>
    s.call('search.query', { text, ...more });

  it('ranks the exact acronym, then prefixes, word prefixes and substrings, each by name', () => {
    const r = q('AMC');
    expect(r.hits.map((h) => h.name)).toEqual([
      'Alpha Ministry of Communications',
      'AMC Alliance',
      'AMC Watch',
      'Friends of AMC',
      'Tamco Labs',
    ]);
    expect(r.total).toBe(5);
    expect(r.hits[0]).toEqual({ id: 'A', type: 'organisation', name: 'Alpha Ministry of Communications', acronym: 'AMC', detail: 'Ghana' });
    expect(r.hits[1]).toEqual({ id: 'P3', type: 'partnership', name: 'AMC Alliance', acronym: null, detail: 'agreement' });
  });

  it('limits the hits but counts every match, and filters by type', () => {
    expect(q('amc', { limit: 2 })).toMatchObject({ total: 5, hits: [{ id: 'A' }, { id: 'P3' }] });
    expect(q('amc', { types: ['organisation'] }).hits.map((h) => h.id)).toEqual(['A', 'G', 'H', 'I']);
    expect(q('workshop', { types: ['event'] }).hits).toEqual([
      { id: 'V1', type: 'event', name: 'Nairobi Workshop', acronym: null, detail: 'workshop' },
    ]);
  });

  it('ignores case, accents and punctuation', () => {
    expect(q('delta').hits.map((h) => h.name)).toEqual(['Délta Foundation', 'Delta University']);
    expect(q('DÉLTA FOUND').hits.map((h) => h.id)).toEqual(['J']);
    expect(q('ransomware-ppp').hits.map((h) => h.id)).toEqual(['P1']);
    expect(q('zzz')).toEqual({ hits: [], total: 0 });
    expect(q('--')).toEqual({ hits: [], total: 0 });
  });
});

describe('on a generated network', () => {
  let big: Engine;
  beforeAll(() => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    big = openEngine(`${t.dir}/big.sqlite`);
    big.generate({ organisations: 3000, seed: 7 });
  });
  afterAll(() => big.close());

  it('aggregated groups add up to the organisations and ties of the slice', () => {
    for (const [filters, by] of [
      [{}, 'region'],
      [{}, 'subRegion'],
      [{ minWeight: 2 }, 'country'],
      [{ sectors: ['government', 'civil_society'], eventKinds: ['workshop'] }, 'region'],
    ] as [Filters, 'region' | 'subRegion' | 'country'][]) {
      const s = big.call('graph.slice', { filters, aggregate: { above: 10, by } });
      const a = s.aggregate!;
      expect(a.groups.reduce((n, g) => n + g.organisations, 0)).toBe(s.counts.organisations.shown);
      expect(a.links.reduce((n, l) => n + l.ties, 0) + a.groups.reduce((n, g) => n + g.innerTies, 0)).toBe(s.counts.ties.shown);
      // The same filters without aggregation draw exactly what was counted.
      const plain = big.call('graph.slice', { filters });
      expect(plain.nodes).toHaveLength(s.counts.organisations.shown);
      expect(plain.edges).toHaveLength(s.counts.ties.shown);
      expect(a.links.reduce((n, l) => n + l.weight, 0)).toBeLessThanOrEqual(plain.edges.reduce((n, e) => n + e.weight, 0));
    }
  });

  it('a minimum weight keeps exactly the ties that meet it and their organisations', () => {
    const all = big.call('graph.slice', { filters: { regions: ['Europe'] } });
    const strong = big.call('graph.slice', { filters: { regions: ['Europe'], minWeight: 2 } });
    const heavy = all.edges.filter((e) => e.weight >= 2);
    expect(heavy.length).toBeGreaterThan(0);
    expect(strong.edges).toEqual(heavy);
    expect(strong.nodes.map((n) => n.id).sort()).toEqual([...new Set(heavy.flatMap((e) => [e.source, e.target]))].sort());
  });

  it('paths are shortest: each step is a drawn tie, and no shorter one exists among ego networks', () => {
    const s = big.call('graph.slice', {});
    const tied = new Set(s.edges.map((e) => `${e.source}|${e.target}`));
    const from = s.edges[0]!.source;
    const far = big.call('graph.ego', { organisationId: from, depth: 3 }).nodes.map((n) => n.id);
    const near = new Set(big.call('graph.ego', { organisationId: from, depth: 2 }).nodes.map((n) => n.id));
    const to = far.find((id) => !near.has(id))!;
    const p = big.call('graph.path', { from, to });
    expect(p.nodes).toHaveLength(4);
    for (const step of p.steps) {
      expect(tied.has(`${step.from.id}|${step.to.id}`) || tied.has(`${step.to.id}|${step.from.id}`)).toBe(true);
      expect(step.via.length).toBeGreaterThan(0);
    }
  });
});
