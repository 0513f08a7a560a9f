// Every record service: create, read, update, delete, list, and the errors a person can act on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import { buildFixture, openEngine, tempDir } from './helpers';

let engine: Engine;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  engine = openEngine(`${t.dir}/records.sqlite`);
  buildFixture(engine);
});
afterEach(() => {
  engine.close();
  cleanup();
});

const err = (code: string, field?: string) => expect.objectContaining(field === undefined ? { code } : { code, field });

describe('organisations', () => {
  it('creates with a UUIDv7, defaults, and reads back', () => {
    const o = engine.call('organisation.create', { name: '  Kilo Institute ', sector: 'academia', country: 'CL' });
    expect(o.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(o).toMatchObject({ name: 'Kilo Institute', acronym: null, tags: [], attributes: {}, synthetic: false });
    expect(engine.call('organisation.get', { id: o.id })).toEqual(o);
  });

  it('updates only the fields in the patch', () => {
    const before = engine.call('organisation.get', { id: 'B' });
    const after = engine.call('organisation.update', { id: 'B', patch: { city: 'Nairobi', tags: ['rights'] } });
    expect(after).toMatchObject({ ...before, city: 'Nairobi', tags: ['rights'], updatedAt: expect.any(String) });
    expect(after.name).toBe(before.name);
  });

  it('keeps fields that have no column in attributes', () => {
    const o = engine.call('organisation.create', {
      name: 'Lima Lab',
      sector: 'other',
      attributes: { founded: 1999, aliases: ['LL', 'Lima'] },
    });
    expect(engine.call('organisation.get', { id: o.id }).attributes).toEqual({ founded: 1999, aliases: ['LL', 'Lima'] });
  });

  it('refuses bad input with a code, a message and the field', () => {
    expect(() => engine.call('organisation.create', { name: '', sector: 'government' })).toThrow(err('validation', 'name'));
    expect(() => engine.call('organisation.create', { name: 'X', sector: 'army' })).toThrow(err('validation', 'sector'));
    expect(() => engine.call('organisation.create', { name: 'X', sector: 'other', country: 'ZZ' })).toThrow(err('validation', 'country'));
    expect(() => engine.call('organisation.create', { name: 'X', sector: 'other', country: 'ghana' })).toThrow(
      err('validation', 'country'),
    );
    expect(() => engine.call('organisation.create', { name: 'X', sector: 'other', website: 'javascript:alert(1)' })).toThrow(
      err('validation', 'website'),
    );
    expect(() => engine.call('organisation.create', { name: 'X', sector: 'other', colour: 'red' })).toThrow(err('validation'));
    expect(() => engine.call('organisation.create', { id: 'A', name: 'Again', sector: 'other' })).toThrow(err('conflict', 'id'));
    expect(() => engine.call('organisation.get', { id: 'nope' })).toThrow(err('not_found', 'id'));
    expect(() => engine.call('organisation.update', { id: 'nope', patch: { name: 'Y' } })).toThrow(err('not_found'));
    expect(() => engine.call('organisation.update', { id: 'A', patch: { name: 'Y', bogus: 1 } })).toThrow(err('validation'));
  });

  it('messages say what is wrong in words', () => {
    try {
      engine.call('organisation.create', { name: 'X', sector: 'other', country: 'ZZ' });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toBe("No country has the code 'ZZ'");
    }
  });

  it('deletes with everything that refers to it, each deletion logged', () => {
    const r = engine.call('organisation.delete', { id: 'A' });
    // A: membership in P1, participation in V1, relation R1, and itself.
    expect(r).toEqual({ id: 'A', deleted: 4 });
    expect(() => engine.call('organisation.get', { id: 'A' })).toThrow(err('not_found'));
    expect(engine.call('membership.list', { where: { organisationId: 'A' } }).total).toBe(0);
    const log = engine.call('changes.list', { limit: 4 });
    expect(log.map((c) => `${c.op}:${c.recordType}:${c.recordId}`)).toEqual([
      'delete:organisation:A',
      'delete:relation:R1',
      'delete:participation:Q-V1-A',
      'delete:membership:M-P1-A',
    ]);
    expect(() => engine.call('organisation.delete', { id: 'A' })).toThrow(err('not_found'));
  });

  it('lists with paging, sorting, narrowing and text', () => {
    const page = engine.call('organisation.list', { limit: 2, offset: 1, sort: 'name' });
    expect(page.total).toBe(6);
    expect(page.items.map((o) => o.id)).toEqual(['B', 'C']);
    const desc = engine.call('organisation.list', { sort: 'name', order: 'desc', limit: 1 });
    expect(desc.items[0]!.id).toBe('F');
    expect(engine.call('organisation.list', { where: { sector: 'civil_society' } }).items.map((o) => o.id)).toEqual(['B', 'F']);
    expect(engine.call('organisation.list', { text: 'eio' }).items.map((o) => o.id)).toEqual(['E']);
    expect(() => engine.call('organisation.list', { sort: 'password' })).toThrow(err('validation', 'sort'));
    expect(() => engine.call('organisation.list', { where: { name: 'x' } })).toThrow(err('validation', 'where.name'));
    expect(() => engine.call('organisation.list', { limit: 0 })).toThrow(err('validation', 'limit'));
  });
});

describe('partnerships and memberships', () => {
  it('checks dates and references', () => {
    expect(() => engine.call('partnership.create', { name: 'X', kind: 'network', startDate: '2020', endDate: '2019' })).toThrow(
      err('validation', 'endDate'),
    );
    expect(() => engine.call('partnership.create', { name: 'X', kind: 'network', startDate: '2020-02-30' })).toThrow(
      err('validation', 'startDate'),
    );
    expect(engine.call('partnership.create', { name: 'X', kind: 'network', startDate: '2020-05', endDate: '2020' }).endDate).toBe('2020');
    expect(() => engine.call('membership.create', { partnershipId: 'P9', organisationId: 'A', role: 'member' })).toThrow(
      err('validation', 'partnershipId'),
    );
    expect(() => engine.call('membership.create', { partnershipId: 'P1', organisationId: 'A', role: 'member' })).toThrow(
      err('conflict', 'organisationId'),
    );
    expect(() => engine.call('membership.create', { partnershipId: 'P1', organisationId: 'F', role: 'boss' })).toThrow(
      err('validation', 'role'),
    );
  });

  it('deleting a partnership removes its memberships', () => {
    expect(engine.call('partnership.delete', { id: 'P1' }).deleted).toBe(4);
    expect(engine.call('graph.slice', {}).counts.ties.shown).toBe(4); // A-B via V1, C-D, D-E, A-E
  });

  it('moves a membership to another organisation', () => {
    const m = engine.call('membership.update', { id: 'M-P2-D', patch: { organisationId: 'F', role: 'observer' } });
    expect(m).toMatchObject({ organisationId: 'F', role: 'observer' });
    expect(() => engine.call('membership.update', { id: 'M-P2-D', patch: { organisationId: 'C' } })).toThrow(err('conflict'));
  });
});

describe('events, participations, relations', () => {
  it('keeps how a participant count is stated', () => {
    const e = engine.call('event.create', {
      name: 'Side event',
      kind: 'side_event',
      participantCount: 50,
      participantCountQualifier: 'more_than',
      mode: 'hybrid',
    });
    expect(e).toMatchObject({ participantCount: 50, participantCountQualifier: 'more_than', mode: 'hybrid' });
    expect(() => engine.call('event.create', { name: 'X', kind: 'party' })).toThrow(err('validation', 'kind'));
    expect(() => engine.call('event.create', { name: 'X', kind: 'webinar', participantCount: -1 })).toThrow(
      err('validation', 'participantCount'),
    );
  });

  it('refuses duplicate participation and self relations', () => {
    expect(() => engine.call('participation.create', { eventId: 'V1', organisationId: 'A', role: 'speaker' })).toThrow(err('conflict'));
    expect(() => engine.call('relation.create', { sourceId: 'A', targetId: 'A', type: 'funds' })).toThrow(err('validation', 'targetId'));
    expect(() => engine.call('relation.create', { sourceId: 'A', targetId: 'Z', type: 'funds' })).toThrow(err('validation', 'targetId'));
  });
});

describe('sources and citations', () => {
  it('cites records and shows the sources in their details', () => {
    const s = engine.call('source.create', { title: 'Annual report', publisher: 'Alpha', publishedDate: '2021' });
    engine.call('citation.create', { sourceId: s.id, recordType: 'organisation', recordId: 'A', locator: 'p. 4' });
    engine.call('citation.create', { sourceId: s.id, recordType: 'membership', recordId: 'M-P1-A' });
    expect(() => engine.call('citation.create', { sourceId: s.id, recordType: 'organisation', recordId: 'A' })).toThrow(err('conflict'));
    expect(() => engine.call('citation.create', { sourceId: s.id, recordType: 'event', recordId: 'A' })).toThrow(
      err('validation', 'recordId'),
    );
    const d = engine.call('record.details', { type: 'organisation', id: 'A' });
    expect(d.sources.map((x) => `${x.recordType}:${x.source.title}:${x.locator}`)).toEqual([
      'organisation:Annual report:p. 4',
      'membership:Annual report:null',
    ]);
    expect(d.connections.map((c) => `${c.type}:${c.id}:${c.role}`)).toEqual(['partnership:P1:lead', 'event:V1:organiser']);
    expect(d.relations).toEqual([
      {
        id: 'R1',
        type: 'funds',
        direction: 'out',
        other: { id: 'E', name: 'Echo Intergovernmental Office' },
        startDate: '2015',
        endDate: null,
        typeName: null,
        attributes: {},
      },
    ]);
    expect(d.country?.name).toBe('Ghana');
    expect(engine.call('source.delete', { id: s.id }).deleted).toBe(3);
  });

  it("shows members in a partnership's details", () => {
    const d = engine.call('record.details', { type: 'partnership', id: 'P1' });
    expect(d.connections.map((c) => `${c.id}:${c.role}`)).toEqual(['A:lead', 'C:funder', 'B:member']);
  });
});

describe('saved views', () => {
  it('stores filters, layout, positions and style under a unique name', () => {
    const v = engine.call('savedView.create', {
      name: 'Africa PPPs',
      filters: { regions: ['Africa'] },
      layout: 'preset',
      positions: { A: { x: 1, y: 2 } },
    });
    expect(v).toMatchObject({ view: 'organisations', style: {}, positions: { A: { x: 1, y: 2 } } });
    expect(() => engine.call('savedView.create', { name: 'africa ppps' })).toThrow(err('conflict', 'name'));
    expect(engine.call('savedView.update', { id: v.id, patch: { name: 'Renamed' } }).name).toBe('Renamed');
    expect(() => engine.call('savedView.create', { name: 'Bad', filters: { regions: 'Africa' } })).toThrow(
      err('validation', 'filters.regions'),
    );
  });

  it('checks the style keys the window writes (ego network and layout options included) and keeps other flat JSON beside them', () => {
    const style = {
      colourBy: 'community',
      hidden: ['A'],
      ego: null,
      layoutOptions: { metric: 'pagerank' },
      note: ['any', 'flat', 'json', 1],
    };
    expect(engine.call('savedView.create', { name: 'Styled', style }).style).toEqual(style);
    expect(() => engine.call('savedView.create', { name: 'Bad colour', style: { colourBy: 'rainbow' } })).toThrow(
      err('validation', 'style.colourBy'),
    );
    expect(() => engine.call('savedView.create', { name: 'Bad hidden', style: { hidden: 'A' } })).toThrow(
      err('validation', 'style.hidden'),
    );
  });

  it('reads back a stored style as it is, whatever an older version wrote', () => {
    const v = engine.call('savedView.create', { name: 'Old' });
    const old = { colourBy: 'rainbow', hidden: 'A', ego: 'A', layoutOptions: 'pagerank', extra: [1, 'two'] };
    engine.db.prepare('UPDATE saved_view SET style = ? WHERE id = ?').run(JSON.stringify(old), v.id);
    expect(engine.call('savedView.get', { id: v.id }).style).toEqual(old);
  });
});

describe('the change log', () => {
  it('records before, after, who and when for every write', () => {
    engine.call('organisation.update', { id: 'F', patch: { city: 'Tokyo' } });
    const [c] = engine.call('changes.list', { recordId: 'F', limit: 1 });
    expect(c).toMatchObject({ op: 'update', actor: 'tester', recordType: 'organisation', importId: null });
    expect(c!.before).toMatchObject({ city: null });
    expect(c!.after).toMatchObject({ city: 'Tokyo' });
    const counts = engine.db.prepare(`SELECT record_type, count(*) n FROM change WHERE op = 'create' GROUP BY record_type`).all();
    expect(counts).toEqual(
      expect.arrayContaining([
        { record_type: 'organisation', n: 6 },
        { record_type: 'membership', n: 5 },
        { record_type: 'participation', n: 4 },
      ]),
    );
  });

  it('a failed write leaves no trace in the log', () => {
    const before = engine.db.prepare('SELECT count(*) FROM change').pluck().get();
    expect(() => engine.call('membership.create', { partnershipId: 'P1', organisationId: 'A', role: 'member' })).toThrow();
    expect(engine.db.prepare('SELECT count(*) FROM change').pluck().get()).toBe(before);
  });
});
