// The graph index changed in place by each write (graph/index.ts `apply`, told by the Writer through
// the graph service) must equal one built from scratch from the same SQLite file, after any sequence
// of every kind of write: organisations, partnerships, events, their links and relations created,
// edited and deleted (deletes take their dependents in the same transaction), imports (the
// generator's bulk insert), and writes that do not touch the graph (saved views, sources), which
// must leave the index alone. The search box's lists follow the same writes in place, the engine's
// (told by the index) and the quick engine's (from the change log's rows), and find what lists
// made afresh find. A property test with a fixed seed, so a failure replays.
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { EVENT_KINDS, MEMBER_ROLES, PARTICIPANT_ROLES, PARTNERSHIP_KINDS, RELATION_TYPES, SECTORS } from '../../shared/domain';
import type { Slice } from '../../shared/schemas';
import { edgeId } from '../../shared/slice-wire';
import type { Engine } from '../../electron/engine/engine';
import { facets } from '../../electron/engine/graph/facets';
import { GraphIndex } from '../../electron/engine/graph/index';
import { search, searchOrderOf } from '../../electron/engine/graph/search';
import { select } from '../../electron/engine/graph/selection';
import { drawSlice } from '../../electron/engine/graph/slice';
import { GraphService } from '../../electron/engine/graph/service';
import { QuickEngine } from '../../electron/engine/quick';
import { TABLES } from '../../electron/engine/store/tables';
import { openEngine, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const COUNTRIES = ['GH', 'KE', 'US', 'BR', 'JP', 'FR', 'AQ', null];
const DATES = [null, '2019', '2020-03', '2021-06-15', '2024'];
const WORDS = ['Alpha', 'Вектор', '网络', 'Réseau', 'Red', 'شبكة'];

const KINDS = [
  'org+',
  'org~',
  'org-',
  'partnership+',
  'partnership~',
  'partnership-',
  'event+',
  'event~',
  'event-',
  'membership+',
  'membership~',
  'membership-',
  'participation+',
  'participation~',
  'participation-',
  'relation+',
  'relation~',
  'relation-',
  'import',
  'savedView+',
  'source+',
] as const;
type Step = { kind: (typeof KINDS)[number]; a: number; b: number; c: number };
const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom(...KINDS),
  a: fc.nat(10_000),
  b: fc.nat(10_000),
  c: fc.nat(10_000),
});

const at = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

function ids(engine: Engine, table: string): string[] {
  return engine.db.prepare(`SELECT id FROM ${table} ORDER BY rowid`).pluck().all() as string[];
}

function run(engine: Engine, s: Step, n: number): void {
  const orgs = ids(engine, 'organisation');
  const name = `${at(WORDS, s.a)} ${n}`;
  const dates = () => {
    const start = at(DATES, s.b);
    const end = at(DATES, s.c);
    return start && end && end < start ? { startDate: end, endDate: start } : { startDate: start, endDate: end };
  };
  const some = (table: string, fn: (id: string) => void) => {
    const list = ids(engine, table);
    if (list.length) fn(at(list, s.a));
  };
  switch (s.kind) {
    case 'org+':
      engine.call('organisation.create', {
        name,
        acronym: s.b % 2 ? `A${n}` : null,
        sector: at(SECTORS, s.b),
        country: at(COUNTRIES, s.c),
        tags: s.c % 3 ? [at(WORDS, s.c)] : [],
      });
      return;
    case 'org~':
      return some('organisation', (id) =>
        engine.call('organisation.update', {
          id,
          patch: { name, sector: at(SECTORS, s.b), country: at(COUNTRIES, s.c), acronym: s.c % 2 ? null : `B${n}`, tags: [at(WORDS, s.b)] },
        }),
      );
    case 'org-':
      return some('organisation', (id) => engine.call('organisation.delete', { id }));
    case 'partnership+':
      engine.call('partnership.create', { name, kind: at(PARTNERSHIP_KINDS, s.b), focusAreas: [at(WORDS, s.c)], ...dates() });
      return;
    case 'partnership~':
      return some('partnership', (id) =>
        engine.call('partnership.update', { id, patch: { name, kind: at(PARTNERSHIP_KINDS, s.c), focusAreas: [], ...dates() } }),
      );
    case 'event+':
      engine.call('event.create', { name, kind: at(EVENT_KINDS, s.b), ...dates() });
      return;
    case 'event~':
      return some('event', (id) => engine.call('event.update', { id, patch: { name, kind: at(EVENT_KINDS, s.c), ...dates() } }));
    case 'partnership-':
    case 'event-':
      return some(s.kind === 'event-' ? 'event' : 'partnership', (id) =>
        engine.call(s.kind === 'event-' ? 'event.delete' : 'partnership.delete', { id }),
      );
    case 'membership+':
    case 'participation+': {
      const isP = s.kind === 'membership+';
      const conns = ids(engine, isP ? 'partnership' : 'event');
      if (!conns.length || !orgs.length) return;
      const conn = at(conns, s.b);
      const org = at(orgs, s.c);
      const key = isP ? 'partnership_id' : 'event_id';
      const table = isP ? 'membership' : 'participation';
      if (engine.db.prepare(`SELECT 1 FROM ${table} WHERE ${key} = ? AND organisation_id = ?`).get(conn, org)) return;
      if (isP) engine.call('membership.create', { partnershipId: conn, organisationId: org, role: at(MEMBER_ROLES, s.a) });
      else engine.call('participation.create', { eventId: conn, organisationId: org, role: at(PARTICIPANT_ROLES, s.a) });
      return;
    }
    case 'membership~':
      return some('membership', (id) => engine.call('membership.update', { id, patch: { role: at(MEMBER_ROLES, s.b) } }));
    case 'participation~':
      // Moving a participation to another organisation is a link removed and another made.
      return some('participation', (id) => {
        const ev = engine.db.prepare('SELECT event_id FROM participation WHERE id = ?').pluck().get(id) as string;
        const org = at(orgs, s.c);
        if (engine.db.prepare('SELECT 1 FROM participation WHERE event_id = ? AND organisation_id = ?').get(ev, org)) return;
        engine.call('participation.update', { id, patch: { organisationId: org, role: at(PARTICIPANT_ROLES, s.b) } });
      });
    case 'membership-':
    case 'participation-':
      return some(s.kind === 'membership-' ? 'membership' : 'participation', (id) =>
        engine.call(s.kind === 'membership-' ? 'membership.delete' : 'participation.delete', { id }),
      );
    case 'relation+': {
      if (orgs.length < 2) return;
      const source = at(orgs, s.b);
      const target = at(orgs, s.c);
      if (source === target) return;
      engine.call('relation.create', { sourceId: source, targetId: target, type: at(RELATION_TYPES, s.a), ...dates() });
      return;
    }
    case 'relation~':
      return some('relation', (id) => {
        const target = at(orgs, s.c);
        const source = engine.db.prepare('SELECT source_id FROM relation WHERE id = ?').pluck().get(id) as string;
        const patch = { type: at(RELATION_TYPES, s.b), ...dates(), ...(target !== source ? { targetId: target } : {}) };
        engine.call('relation.update', { id, patch });
      });
    case 'relation-':
      return some('relation', (id) => engine.call('relation.delete', { id }));
    case 'import':
      engine.generate({ organisations: 1 + (s.a % 12), seed: s.b });
      return;
    case 'savedView+':
      engine.call('savedView.create', { name, filters: {}, view: 'organisations', layout: null, positions: {} });
      return;
    case 'source+':
      engine.call('source.create', { title: name });
      return;
  }
}

/** The index by IDs, in an order that does not depend on where each record sits. */
function canonical(g: GraphIndex) {
  const byId = <T extends { id: string }>(xs: T[]) => xs.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const orgs = byId(
    g.ids.map((id, i) => ({
      id,
      name: g.name[i],
      acronym: g.acronym[i],
      sector: g.sector[i],
      country: g.country[i],
      countryName: g.countryName[i],
      region: g.region[i],
      subRegion: g.subRegion[i],
      intermediate: g.intermediateRegion[i],
      synthetic: g.synthetic[i],
      tags: g.tagsOf(i),
      search: g.search[i],
      connectors: g.orgConnectors[i]!.map((k) => g.connectors[k]!.id).sort(),
      relations: g.orgRelations[i]!.map((k) => g.relations[k]!.id).sort(),
    })),
  );
  const connectors = byId(
    g.connectors.map(({ orgs: members, roles, ...c }) => ({
      ...c,
      links: members.map((o, k) => `${g.ids[o]}:${roles[k]}`).sort(),
    })),
  );
  const relations = byId(g.relations.map((r) => ({ ...r, source: g.ids[r.source], target: g.ids[r.target] })));
  return { orgs, connectors, relations };
}

/**
 * A slice with its nodes and edges in ID order. Positions in the index decide that order, and
 * which end of a tie comes first (the lower position), so ties are turned to run from the lower ID.
 */
function sorted(s: Slice) {
  const cmp = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  const turned = (e: Slice['edges'][number]) =>
    e.type === 'tie' && e.target < e.source ? { ...e, source: e.target, target: e.source, id: edgeId('tie', e.target, e.source) } : e;
  return {
    ...s,
    nodes: [...s.nodes].sort(cmp),
    edges: s.edges.map(turned).sort(cmp),
    ...(s.aggregate ? { aggregate: { ...s.aggregate, links: [...s.aggregate.links].sort(cmp) } } : {}),
  };
}

/** The index's own bookkeeping: lookups point where they should, incidence lists stay sorted. */
function selfConsistent(g: GraphIndex) {
  expect(g.index.size).toBe(g.ids.length);
  g.ids.forEach((id, i) => expect(g.index.get(id)).toBe(i));
  for (const list of [...g.orgConnectors, ...g.orgRelations]) expect([...list].sort((x, y) => x - y)).toEqual(list);
}

function compareWithFresh(engine: Engine) {
  const g = engine.graph.index();
  const fresh = new GraphService(engine.db);
  const f = fresh.index();
  expect(canonical(g)).toEqual(canonical(f));
  selfConsistent(g);
  expect(sorted(engine.graph.slice({}, 'organisations'))).toEqual(sorted(fresh.slice({}, 'organisations')));
  expect(sorted(engine.graph.slice({}, 'full'))).toEqual(sorted(fresh.slice({}, 'full')));
  const agg = { aggregate: { above: 0, by: 'region' as const } };
  expect(sorted(engine.graph.slice({}, 'organisations', agg))).toEqual(sorted(fresh.slice({}, 'organisations', agg)));
  // Organisation filters read the whole network's table; counted again from scratch, the same ties.
  for (const filters of [{ regions: ['Africa'] }, { sectors: ['government' as const, 'academia' as const], minWeight: 2 }]) {
    for (const view of ['organisations', 'full'] as const) {
      const counted = drawSlice(select(f, filters), view, {}, fresh.totalTies());
      expect(sorted(engine.graph.slice(filters, view))).toEqual(sorted(counted));
    }
  }
  expect(facets(engine.graph)).toEqual(facets(fresh));
  // The summary kept beside the database (what the quick engine answers from) follows as well.
  const kept = engine.graph.summary();
  const made = fresh.summary();
  const byId = (links: { id: string }[]) => [...links].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  expect({ ...kept, aggregates: null }).toEqual({ ...made, aggregates: null });
  for (const by of ['region', 'subRegion', 'country'] as const) {
    expect({ ...kept.aggregates[by], links: byId(kept.aggregates[by].links) }).toEqual({
      ...made.aggregates[by],
      links: byId(made.aggregates[by].links),
    });
  }
  for (const q of SEARCHES) expect(search(g, q, 50)).toEqual(search(f, q, 50));
}

const SEARCHES = ['a', 'réseau', 'reseau 1', '网络', 'вектор', 'شبكة', 'red', 'alpha 2', 'b1', 'organisation'];

/** The quick engine's list as it holds it (private: whether it followed the log or read everything again). */
const quickList = (q: QuickEngine) => (q as unknown as { searching: { list: object } | null }).searching?.list;

/** The quick engine's answers, which must be a fresh one's (reading SQLite) and the engine's. */
function compareQuickSearch(q: QuickEngine, engine: Engine, dbPath: string) {
  const fresh = new QuickEngine({ dbPath });
  try {
    for (const text of SEARCHES)
      for (const types of [undefined, ['organisation' as const], ['partnership' as const, 'event' as const]]) {
        const input = { text, limit: 50, ...(types ? { types } : {}) };
        const followed = q.call('search.query', input)?.value;
        expect(followed).toEqual(fresh.call('search.query', input)?.value);
        expect(followed).toEqual(engine.call('search.query', input));
      }
  } finally {
    fresh.close();
  }
}

describe('the graph index, changed in place by every write', () => {
  it('equals one built from scratch after random sequences of every kind of write', () => {
    let run_ = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const path = `${tmp.dir}/p${run_++}.sqlite`;
        const engine = openEngine(path);
        try {
          engine.generate({ organisations: 40, seed: run_ });
          engine.graph.slice({}, 'organisations'); // the index and the whole network's ties, built once
          // The search lists, made before the writes, so that they must follow them.
          search(engine.graph.index(), 'a');
          const quick = new QuickEngine({ dbPath: path });
          quick.call('search.query', { text: 'a' });
          const list = quickList(quick);
          steps.forEach((s, n) => {
            const before = engine.graph.index();
            const revision = before.revision;
            run(engine, s, n);
            // Changed in place, never rebuilt; a write that is not the graph's leaves it alone.
            expect(engine.graph.index()).toBe(before);
            if (s.kind === 'savedView+' || s.kind === 'source+') expect(engine.graph.index().revision).toBe(revision);
          });
          // The engine's list followed every write (it is current without being made again).
          expect(searchOrderOf(engine.graph.index(), false)).not.toBeNull();
          compareWithFresh(engine);
          try {
            compareQuickSearch(quick, engine, path);
            // The quick engine followed the log's rows, unless an import's records took places without rows.
            if (!steps.some((s) => s.kind === 'import')) expect(quickList(quick)).toBe(list);
          } finally {
            quick.close();
          }
        } finally {
          engine.close();
        }
      }),
      { seed: 17, numRuns: 40, endOnFailure: true },
    );
  });

  it('rebuilds once after an import too large to follow write by write', () => {
    const engine = openEngine(`${tmp.dir}/large.sqlite`);
    try {
      engine.generate({ organisations: 50, seed: 1 });
      const before = engine.graph.index();
      engine.generate({ organisations: 1_000, seed: 2 });
      const after = engine.graph.index();
      expect(after).not.toBe(before);
      expect(after.ids.length).toBe(1_050);
      expect(engine.graph.index()).toBe(after);
    } finally {
      engine.close();
    }
  });

  it('notices a write made by another connection and builds again', () => {
    const path = `${tmp.dir}/two.sqlite`;
    const a = openEngine(path);
    const b = openEngine(path);
    try {
      a.generate({ organisations: 30, seed: 3 });
      const before = a.graph.index();
      b.call('organisation.create', { name: 'Written elsewhere', sector: 'academia', country: 'FR' });
      const after = a.graph.index();
      expect(after).not.toBe(before);
      expect(after.name).toContain('Written elsewhere');
      a.call('organisation.create', { name: 'Written here', sector: 'academia', country: 'FR' });
      expect(a.graph.index()).toBe(after);
      compareWithFresh(a);
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('the graph index kept beside the database', () => {
  it('is read back on the next open, caught up with the writes made since, and refused when it is not this database', () => {
    const path = `${tmp.dir}/kept.sqlite`;
    const file = `${path}.graph-index`;
    let engine = openEngine(path);
    engine.generate({ organisations: 80, seed: 5 });
    engine.graph.slice({}, 'organisations');
    engine.close(); // writes the file
    expect(existsSync(file)).toBe(true);
    const written = statSync(file).mtimeMs;

    // Writes by a process that does not keep the file up to date (it never built the index).
    const other = openEngine(path);
    const [a, b] = ids(other, 'organisation');
    other.call('organisation.update', { id: a!, patch: { name: 'Renamed while away', country: 'FR' } });
    other.call('relation.create', { sourceId: a!, targetId: b!, type: 'funds' });
    other.call('organisation.delete', { id: ids(other, 'organisation')[7]! });
    other.db.close(); // not engine.close(): leave the file behind the log
    expect(statSync(file).mtimeMs).toBe(written);

    engine = openEngine(path);
    try {
      compareWithFresh(engine);
      expect(engine.graph.builtFrom).toBe('file');
      expect(engine.graph.index().name).toContain('Renamed while away');
      engine.call('organisation.update', { id: b!, patch: { name: 'Edited after reopening' } });
      compareWithFresh(engine);
    } finally {
      engine.close();
    }

    // A file that is not whole, or that belongs to another database, is not used.
    writeFileSync(file, readFileSync(file).subarray(0, 5000));
    engine = openEngine(path);
    try {
      compareWithFresh(engine);
      expect(engine.graph.builtFrom).toBe('database');
    } finally {
      engine.close();
    }
    const elsewhere = `${tmp.dir}/elsewhere.sqlite`;
    const e2 = openEngine(elsewhere);
    e2.generate({ organisations: 20, seed: 6 });
    e2.close();
    copyFileSync(file, `${elsewhere}.graph-index`);
    const e3 = openEngine(elsewhere);
    try {
      expect(e3.graph.index().ids).toHaveLength(20);
      expect(e3.graph.builtFrom).toBe('database');
      compareWithFresh(e3);
    } finally {
      e3.close();
    }
  });

  it('is not used after an import whose records take places in the log without rows', () => {
    const path = `${tmp.dir}/imported.sqlite`;
    let engine = openEngine(path);
    engine.generate({ organisations: 30, seed: 8 });
    engine.graph.index();
    engine.close();
    // As import.run writes: records created by run (no log rows of their own) and its source logged.
    const other = openEngine(path);
    other.writer.runImport({ label: 'test', format: null, file: null }, () => {
      const orgs = [1, 2, 3].map((n) =>
        other.store.complete(TABLES.organisation, { name: `Imported ${n}`, sector: 'academia', country: 'KE', synthetic: false }),
      );
      other.writer.insertMany(TABLES.organisation, orgs, { byRun: true });
      other.writer.insert(TABLES.source, other.store.build(TABLES.source, { title: 'the file' }));
    });
    other.db.close();
    engine = openEngine(path);
    try {
      expect(engine.graph.index().ids).toHaveLength(33);
      expect(engine.graph.builtFrom).toBe('database');
      compareWithFresh(engine);
    } finally {
      engine.close();
    }
  });
});
