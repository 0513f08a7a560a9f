// Curation in the engine, on networks where the right answer is known: merges (every tie,
// citation and attribute of both kept, shared ties folded, where each value came from, one undo
// takes it back), the duplicate finder's reasons and ranking in several scripts, what a delete
// takes with it, bulk edits, provenance, preferences and backups.
import { existsSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import type { Filters } from '../../shared/schemas';
import { buildFixture, openEngine, RECORD_TABLES, recordRows, tempDir } from './helpers';

let dir = '';
let cleanup = () => {};
let e: Engine;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  e = openEngine(`${dir}/net.sqlite`);
  buildFixture(e);
});
afterEach(() => {
  if (e.db.open) e.close();
  cleanup();
});

// The record tables a merge touches (saved views are not among them).
const TABLES = RECORD_TABLES.filter((t) => t !== 'saved_view');
const rows = () => recordRows(e, TABLES);

describe('merge', () => {
  beforeEach(() => {
    // B2 is B entered again: another website, a tag and an attribute of its own, in P1 (as B is),
    // in P2 (B is not), at V1 (as B is), a relation to B itself and one to C, a source of its own.
    e.call('organisation.create', {
      id: 'B2',
      name: 'Bravo Digital Rights Forum',
      acronym: 'BDRF',
      sector: 'civil_society',
      country: 'KE',
      website: 'https://bravo.example',
      city: 'Nairobi',
      tags: ['rights'],
      attributes: { founded: 2011 },
    });
    e.call('organisation.update', { id: 'B', patch: { website: 'https://bravo.org', attributes: { staff: 12 } } });
    e.call('membership.create', { id: 'M-P1-B2', partnershipId: 'P1', organisationId: 'B2', role: 'member', startDate: '2018' });
    e.call('membership.create', { id: 'M-P2-B2', partnershipId: 'P2', organisationId: 'B2', role: 'observer' });
    e.call('participation.create', { id: 'Q-V1-B2', eventId: 'V1', organisationId: 'B2', role: 'participant' });
    e.call('relation.create', { id: 'R-B2-B', sourceId: 'B2', targetId: 'B', type: 'collaborates_with' });
    e.call('relation.create', { id: 'R-B2-C', sourceId: 'B2', targetId: 'C', type: 'funds' });
    e.call('source.create', { id: 'S1', title: 'Annual report 2020' });
    e.call('citation.create', { sourceId: 'S1', recordType: 'organisation', recordId: 'B2', locator: 'p. 4' });
    e.call('citation.create', { sourceId: 'S1', recordType: 'membership', recordId: 'M-P1-B2' });
  });

  it('keeps every tie, citation and attribute of both, folds shared ties, and says where each value came from', async () => {
    const r = await e.call('organisation.merge', { keepId: 'B', mergeId: 'B2', choose: { website: 'merge' } });
    expect(r.moved).toEqual({ memberships: 1, participations: 0, relations: 1, citations: 2 }); // B2's own, and its P1 membership's
    expect(r.folded).toBe(3); // P1 and V1 shared, the relation between the two
    const b = e.call('organisation.get', { id: 'B' });
    expect(b).toMatchObject({
      acronym: 'BDRF',
      website: 'https://bravo.example',
      city: 'Nairobi',
      tags: ['rights'],
      attributes: { staff: 12, founded: 2011 },
    });
    expect(() => e.call('organisation.get', { id: 'B2' })).toThrow(/No organisation/);
    const members = e.call('membership.list', { where: { organisationId: 'B' } }).items;
    expect(members.map((m) => [m.partnershipId, m.role, m.startDate]).sort()).toEqual([
      ['P1', 'member', '2018'],
      ['P2', 'observer', null],
    ]);
    expect(e.call('relation.list', { where: { sourceId: 'B' } }).items.map((x) => x.targetId)).toEqual(['C']);
    const cites = e.call('citation.list', { where: { sourceId: 'S1' } }).items;
    expect(cites.map((c) => [c.recordType, c.recordId]).sort()).toEqual([
      ['membership', 'M-P1-B'],
      ['organisation', 'B'],
    ]);
    const p = e.call('record.provenance', { type: 'organisation', id: 'B' });
    expect(p.merges).toHaveLength(1);
    expect(p.merges[0]!.fields).toMatchObject({
      website: 'from Bravo Digital Rights Forum (was https://bravo.org)',
      acronym: 'from Bravo Digital Rights Forum',
      'attributes.founded': 'from Bravo Digital Rights Forum',
    });
  });

  it('is one step that undo takes back whole, and redo makes again', async () => {
    const before = rows();
    await e.call('organisation.merge', { keepId: 'B', mergeId: 'B2' });
    const after = rows();
    expect(e.call('history.state', {}).undo?.label).toBe('Merge ‘Bravo Digital Rights Forum’ into ‘Bravo Digital Rights Forum’');
    e.call('history.undo', {});
    expect(rows()).toEqual(before);
    expect(e.call('record.provenance', { type: 'organisation', id: 'B' }).merges).toEqual([]);
    e.call('history.redo', {});
    expect(rows()).toEqual(after);
  });

  it('backs the network up before it merges', async () => {
    await e.call('organisation.merge', { keepId: 'B', mergeId: 'B2' });
    expect(e.call('backup.list', {}).map((b) => b.reason)).toEqual(['before-merge']);
  });
});

describe('duplicate finder', () => {
  it('finds pairs for each reason, in any script, ranked', () => {
    const org = (id: string, name: string, extra: Record<string, unknown> = {}) =>
      e.call('organisation.create', { id, name, sector: 'other', ...extra });
    org('U1', 'Управление «К» МВД России', { country: 'RU' });
    org('U2', 'управление «к» мвд россии', { country: 'RU' });
    org('Z1', '国家互联网应急中心', { country: 'CN' });
    org('Z2', '中国网络安全协会', { country: 'CN' });
    org('AR', 'المركز الوطني للأمن السيبراني', { country: 'SA' });
    org('AR2', 'الهيئة الوطنية للأمن السيبراني', { country: 'SA' });
    org('W1', 'Cyber Peace Foundation', { website: 'https://www.cyberpeace.example/about' });
    org('W2', 'CyberPeace Fdn', { website: 'http://cyberpeace.example' });
    org('I1', 'International Criminal Police Organization', { acronym: 'INTERPOL' });
    org('I2', 'INTERPOL');
    org('G1', 'Global Forum on Cyber Expertise');
    org('G2', 'GFCE');
    org('S1', 'Centre de Réponse aux Incidents du Sénégal', { country: 'SN' });
    org('S2', 'Centre de Reponse aux Incidents Senegal', { country: 'SN' });
    const { pairs } = e.call('duplicates.find', {});
    const reasonsOf = (a: string, b: string) =>
      pairs
        .find((p) => (p.a.id === a && p.b.id === b) || (p.a.id === b && p.b.id === a))
        ?.reasons.map((r) => r.kind)
        .sort();
    expect(reasonsOf('U1', 'U2')).toEqual(['same_name']);
    expect(reasonsOf('W1', 'W2')).toEqual(['same_domain']);
    expect(reasonsOf('I1', 'I2')).toEqual(['name_is_acronym']);
    expect(reasonsOf('G1', 'G2')).toEqual(['name_is_acronym']);
    expect(reasonsOf('S1', 'S2')).toEqual(['similar_name']);
    // Different names in one script are not duplicates, however short the fold.
    expect(reasonsOf('Z1', 'Z2')).toBeUndefined();
    expect(reasonsOf('AR', 'AR2')).toBeUndefined();
    const scores = pairs.map((p) => p.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(pairs[0]!.reasons[0]!.kind).toBe('same_name');
  });

  it('warns of a likely duplicate while a name is typed', () => {
    expect(e.call('duplicates.likely', { name: 'bravo digital rights forum' }).map((o) => [o.id, o.why])).toEqual([['B', 'the same name']]);
    expect(e.call('duplicates.likely', { name: 'CCI' }).map((o) => o.id)).toEqual(['C']);
    expect(e.call('duplicates.likely', { name: 'Bravo Digital Rights Forums', country: 'KE' }).map((o) => o.why)).toEqual([
      'a similar name in the same country',
    ]);
    expect(e.call('duplicates.likely', { name: 'Bravo Digital Rights Forums', country: 'GH' })).toEqual([]);
  });
});

describe('deleting, bulk edits, provenance', () => {
  it('says what a delete takes with it before anything goes', () => {
    const impact = e.call('record.impact', { type: 'organisation', id: 'A' });
    expect(impact.byType).toEqual({ membership: 1, participation: 1, relation: 1 });
    expect(impact.total).toBe(3);
    expect(impact.examples).toContain('lead of Ransomware PPP (Alpha Ministry of Communications)');
    expect(e.call('organisation.get', { id: 'A' }).name).toBe('Alpha Ministry of Communications');
  });

  it('bulk edits many organisations as one undoable step, citing the source given', () => {
    e.call('source.create', { id: 'S9', title: 'Workshop notes' });
    const before = rows();
    const r = e.call('organisation.bulkUpdate', {
      ids: ['A', 'B', 'C'],
      set: { sector: 'civil_society', addTags: ['workshop'], attribute: { name: 'checked', value: true } },
      sourceId: 'S9',
    });
    expect(r.changed).toBe(3);
    expect(e.call('organisation.get', { id: 'A' })).toMatchObject({
      sector: 'civil_society',
      tags: ['ransomware', 'workshop'],
      attributes: { checked: true },
    });
    expect(e.call('citation.list', { where: { sourceId: 'S9' } }).total).toBe(3);
    expect(e.call('history.undo', {}).did?.label).toBe('Set sector, tags, ‘checked’ on 3 organisations');
    expect(rows()).toEqual(before);
  });

  it('says who created a record and when, and finds records citing no source', () => {
    e.call('preferences.set', { analystName: 'Amina Diallo' });
    e.call('organisation.create', { id: 'N', name: 'November Lab', sector: 'academia' });
    e.call('organisation.update', { id: 'N', patch: { city: 'Dakar' } });
    const p = e.call('record.provenance', { type: 'organisation', id: 'N' });
    expect(p).toMatchObject({ createdBy: 'Amina Diallo', importLabel: null, lastChangedBy: 'Amina Diallo' });
    expect(e.call('changes.list', { recordId: 'N' }).map((c) => c.actor)).toEqual(['Amina Diallo', 'Amina Diallo']);
    const seeded = e.call('record.provenance', { type: 'organisation', id: 'A' });
    expect(seeded.createdBy).toBe('tester');
    expect(e.call('record.unsourced', {}).total).toBe(7);
    e.call('source.create', { id: 'S2', title: 'Directory' });
    e.call('citation.create', { sourceId: 'S2', recordType: 'organisation', recordId: 'N' });
    expect(e.call('record.unsourced', {}).ids).not.toContain('N');
    // The name stays with the network: a new engine on the file records it too.
    e.close();
    e = openEngine(`${dir}/net.sqlite`);
    expect(e.call('preferences.get', {})).toEqual({ analystName: 'Amina Diallo' });
  });
});

describe('backups', () => {
  it('makes the daily backup at most once a day, and none of an empty network', async () => {
    expect(await e.dailyBackup()).toMatchObject({ reason: 'daily' });
    expect(await e.dailyBackup()).toBeNull();
    expect(e.call('backup.list', {})).toHaveLength(1);
    const empty = openEngine(`${dir}/empty.sqlite`);
    expect(await empty.dailyBackup()).toBeNull();
    empty.close();
  });

  it('keeps the last ten, and restores one after backing up what it replaces', async () => {
    const first = await e.call('backup.create', {});
    const atFirst = rows();
    e.call('organisation.delete', { id: 'A' });
    for (let i = 0; i < 11; i++) await e.call('backup.create', {});
    const list = e.call('backup.list', {});
    expect(list).toHaveLength(10);
    expect(list.map((b) => b.name)).not.toContain(first.name);
    expect(existsSync(`${dir}/net-backups`)).toBe(true);

    const keep = list[list.length - 1]!;
    expect(keep.organisations).toBe(5);
    e.call('organisation.create', { id: 'X', name: 'Xray Team', sector: 'government' });
    expect(e.call('backup.list', {})[0]!.actionsSince).toBe(1);
    const afterDelete = rows();
    delete (afterDelete as Record<string, unknown>).x;
    const { restored, safety } = await e.call('backup.restore', { name: keep.name });
    expect(restored.name).toBe(keep.name);
    expect(safety.reason).toBe('before-restore');
    expect(() => e.call('organisation.get', { id: 'X' })).toThrow(/No organisation/);
    expect(e.call('organisation.list', {}).total).toBe(5);
    // The undo stack came back with it: undoing now takes back the delete of A.
    e.call('history.undo', {});
    expect(rows()).toEqual(atFirst);
    expect(readdirSync(`${dir}/net-backups`).filter((n) => n.startsWith('.'))).toEqual([]);
    await expect(e.call('backup.restore', { name: 'atlas-20200101T000000000Z-daily.sqlite' })).rejects.toThrow(/no backup/);
  });
});

describe('the filter of organisations citing no source', () => {
  const ids = (filters: Filters) =>
    e
      .call('graph.slice', { filters })
      .nodes.map((n) => n.id)
      .sort();
  beforeEach(() => {
    e.call('source.create', { id: 'S9', title: 'Annual report' });
    for (const id of ['A', 'C']) e.call('citation.create', { sourceId: 'S9', recordType: 'organisation', recordId: id });
  });

  it('keeps exactly the organisations record.unsourced lists, and combines with the other filters', () => {
    expect(ids({ unsourced: true })).toEqual(['B', 'D', 'E', 'F']);
    expect(e.call('record.unsourced', {}).ids.sort()).toEqual(['B', 'D', 'E', 'F']);
    expect(ids({ unsourced: true, sectors: ['civil_society'] })).toEqual(['B', 'F']);
    expect(ids({ unsourced: true, regions: ['Africa'] })).toEqual(['B']);
    // With a connector filter, an organisation must also take part in a kept partnership.
    const inPpp = ids({ partnershipKinds: ['public_private'] });
    expect(ids({ unsourced: true, partnershipKinds: ['public_private'] })).toEqual(inPpp.filter((id) => !['A', 'C'].includes(id)));
  });

  it('follows every write: a citation added takes its organisation out, a citation deleted brings it back', () => {
    expect(ids({ unsourced: true })).toContain('B');
    const c = e.call('citation.create', { sourceId: 'S9', recordType: 'organisation', recordId: 'B' });
    expect(ids({ unsourced: true })).toEqual(['D', 'E', 'F']);
    e.call('citation.delete', { id: c.id });
    expect(ids({ unsourced: true })).toEqual(['B', 'D', 'E', 'F']);
    e.call('history.undo', {});
    expect(ids({ unsourced: true })).toEqual(['D', 'E', 'F']);
  });

  it('is kept by a saved view, and a value other than true is refused', () => {
    const v = e.call('savedView.create', { name: 'To source', filters: { unsourced: true, sectors: ['civil_society'] } });
    expect(e.call('savedView.get', { id: v.id }).filters).toEqual({ unsourced: true, sectors: ['civil_society'] });
    expect(() => e.call('graph.slice', { filters: { unsourced: false as unknown as true } })).toThrow(/unsourced|true/);
  });
});
