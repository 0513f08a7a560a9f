// Exchanging networks between databases: every format that carries Atlas records gives them back
// whole in an empty database; snapshots passed between two laptops and back converge; an export's
// scope holds exactly the records it should.
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import { buildFixture } from '../engine/helpers';
import { useEngines } from './helpers';

const { dir, open } = useEngines();

const TYPES = ['organisation', 'partnership', 'membership', 'event', 'participation', 'relation'] as const;
/** Every record of the graph-carrying types, without timestamps (a graph file need not keep them). */
function records(engine: Engine, withStamps = false) {
  return Object.fromEntries(
    TYPES.map((t) => [
      t,
      engine
        .call(`${t}.list` as 'organisation.list', { limit: 10_000, sort: 'createdAt' })
        .items.map((r) => (withStamps ? r : { ...r, createdAt: undefined, updatedAt: undefined }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    ]),
  );
}

describe('round trips into an empty database', () => {
  for (const format of ['gexf', 'graphml', 'cyjs', 'csv', 'xlsx', 'snapshot'] as const) {
    it(`${format}: the same records come back`, async () => {
      const a = open('a');
      a.seed();
      buildFixture(a);
      const path = format === 'csv' ? `${dir()}/export-csv` : `${dir()}/export.${format}`;
      const result = await a.call('export.run', { format, path });
      expect(result.organisations).toBe(13);
      const b = open('b');
      const summary = await b.call('import.run', { path });
      expect(summary.errorCount).toBe(0);
      expect(records(b)).toEqual(records(a));
    });
  }
});

describe('exports that cannot be written', () => {
  it('are refused with the reason, and leave nothing behind or in place of what was there', async () => {
    const a = open('a');
    a.seed();
    for (const format of ['gexf', 'xlsx'] as const) {
      await expect(a.call('export.run', { format, path: `${dir()}/no-such-folder/network.${format}` })).rejects.toThrow(
        /Cannot write .*ENOENT/,
      );
      writeFileSync(`${dir()}/kept.${format}`, 'before');
      await expect(a.call('export.run', { format, path: `${dir()}/kept.${format}` })).rejects.toThrow(/already exists/);
      expect(readFileSync(`${dir()}/kept.${format}`, 'utf8')).toBe('before');
      // Written whole (the workbook once every sheet is compressed), with no partial file left.
      await a.call('export.run', { format, path: `${dir()}/kept.${format}`, overwrite: true });
      expect(readFileSync(`${dir()}/kept.${format}`).subarray(0, 2).toString()).toBe(format === 'xlsx' ? 'PK' : '<?');
    }
    expect(readdirSync(dir()).filter((f) => f.includes('partial'))).toEqual([]);
  });
});

describe('snapshots between two laptops', () => {
  it('converge without duplicates, in both directions and when repeated', async () => {
    const a = open('laptop-a');
    a.seed();
    await a.call('export.run', { format: 'snapshot', path: `${dir()}/a1.atlas` });
    // The file's records are copies: one import_run says so, and their history stays in laptop A.
    const file = new Database(`${dir()}/a1.atlas`, { readonly: true });
    expect(file.prepare('SELECT label FROM import_run').pluck().all()).toEqual([expect.stringMatching(/^Snapshot contents/)]);
    expect(file.prepare('SELECT count(*) FROM change').pluck().get()).toBe(0);
    expect(file.prepare('SELECT count(*) FROM organisation').pluck().get()).toBe(7);
    file.close();
    const b = open('laptop-b');
    await b.call('import.run', { path: `${dir()}/a1.atlas` });
    const csu = b.call('organisation.list', { text: 'CSU' }).items[0]!;
    b.call('organisation.update', { id: csu.id, patch: { city: 'Vienna' } });
    b.call('organisation.create', { name: 'Workshop Partner', sector: 'academia', country: 'KE' });
    await b.call('export.run', { format: 'snapshot', path: `${dir()}/b1.atlas` });

    const back = await a.call('import.run', { path: `${dir()}/b1.atlas` });
    expect(back.records.organisations).toEqual({ create: 1, merge: 7, skip: 0 });
    expect(a.call('organisation.get', { id: csu.id }).city).toBe('Vienna');
    expect(records(a)).toEqual(records(b));

    // The same exchange again changes nothing on either side.
    await a.call('export.run', { format: 'snapshot', path: `${dir()}/a2.atlas` });
    await b.call('import.run', { path: `${dir()}/a2.atlas` });
    await a.call('import.run', { path: `${dir()}/b1.atlas` });
    expect(a.call('stats.get', {})).toMatchObject({ organisations: 8, relations: 1, memberships: 2, participations: 6 });
    expect(records(b)).toEqual(records(a));
  });

  it('is shown read-only in place of the network, refuses writes, and can be merged while shown', async () => {
    const a = open('laptop-a');
    a.seed();
    await a.call('export.run', { format: 'snapshot', path: `${dir()}/shown.atlas` });
    const b = open('laptop-b');
    b.call('organisation.create', { name: 'Only on B', sector: 'academia', country: 'KE' });
    expect(b.call('snapshot.view', { path: `${dir()}/shown.atlas` })).toEqual({ viewing: 'shown.atlas' });
    expect(b.call('meta.info', {})).toMatchObject({ organisations: 7, viewing: 'shown.atlas' });
    expect(b.call('graph.slice', {}).nodes).toHaveLength(7);
    expect(() => b.call('organisation.create', { name: 'Nope', sector: 'other' })).toThrow(/shown read-only; import it/);
    const view = b.call('savedView.list', {});
    expect(() => b.call('savedView.create', { name: 'Mine', filters: {}, view: 'organisations', layout: 'preset', positions: {} })).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(b.call('savedView.list', {})).toEqual(view);
    // Merging goes to the network, even while the snapshot is shown.
    const merged = await b.call('import.run', { path: `${dir()}/shown.atlas` });
    expect(merged.records.organisations).toMatchObject({ create: 7 });
    expect(b.call('meta.info', {}).organisations).toBe(7); // still the snapshot
    expect(b.call('snapshot.view', { path: null })).toEqual({ viewing: null });
    expect(b.call('meta.info', {})).toMatchObject({ organisations: 8, viewing: null });
    expect(() => b.call('snapshot.view', { path: `${dir()}/laptop-a.sqlite-wal` })).toThrow(/not a snapshot/);
  });

  it('refuses a file that is not a snapshot, and one from a newer version, changing nothing', async () => {
    const a = open('a');
    a.seed();
    writeFileSync(`${dir()}/fake.atlas`, 'not a database at all');
    await expect(a.call('import.run', { path: `${dir()}/fake.atlas` })).rejects.toMatchObject({ code: 'validation' });
    const newer = open('newer');
    newer.db.pragma('user_version = 99');
    newer.close();
    await expect(a.call('import.run', { path: `${dir()}/newer.sqlite`, format: 'snapshot' })).rejects.toMatchObject({
      code: 'newer_version',
    });
    expect(a.call('stats.get', {}).organisations).toBe(7);
  });
});

describe('export scopes', () => {
  it('a filtered view holds its organisations, the links among them, and their sources', async () => {
    const a = open('a');
    buildFixture(a);
    const s = a.call('source.create', { title: 'Field notes' });
    a.call('citation.create', { sourceId: s.id, recordType: 'organisation', recordId: 'A' });
    a.call('citation.create', { sourceId: s.id, recordType: 'organisation', recordId: 'D' });
    const r = await a.call('export.run', {
      format: 'snapshot',
      path: `${dir()}/africa.atlas`,
      scope: { filters: { regions: ['Africa'] } },
    });
    expect(r).toMatchObject({ organisations: 2, partnerships: 1, events: 1, links: 4, relations: 0 });
    const b = open('b');
    await b.call('import.run', { path: `${dir()}/africa.atlas` });
    expect(
      b
        .call('membership.list', {})
        .items.map((m) => m.id)
        .sort(),
    ).toEqual(['M-P1-A', 'M-P1-B']);
    // D is outside the view, so only A's citation travels (beside the ones the import itself adds).
    const fieldNotes = b.call('citation.list', { where: { sourceId: s.id } }).items;
    expect(fieldNotes.map((c) => c.recordId)).toEqual(['A']);
  });

  it('an ego network, a selection and a saved view', async () => {
    const a = open('a');
    buildFixture(a);
    const ego = await a.call('export.run', {
      format: 'gexf',
      path: `${dir()}/ego.gexf`,
      scope: { ego: { organisationId: 'F', depth: 2 } },
    });
    expect(ego.organisations).toBe(1);
    const sel = await a.call('export.run', { format: 'gexf', path: `${dir()}/sel.gexf`, scope: { organisationIds: ['C', 'D'] } });
    expect(sel).toMatchObject({ organisations: 2, partnerships: 2, events: 1, links: 4 });
    const view = a.call('savedView.create', { name: 'Americas', filters: { regions: ['Americas'] } });
    const saved = await a.call('export.run', { format: 'snapshot', path: `${dir()}/view.atlas`, scope: { savedViewId: view.id } });
    expect(saved.organisations).toBe(2);
    const b = open('b');
    await b.call('import.run', { path: `${dir()}/view.atlas` });
    expect(b.call('savedView.list', {}).items.map((v) => v.name)).toEqual(['Americas']);
  });

  it('never writes over an existing file unless asked', async () => {
    const a = open('a');
    a.seed();
    mkdirSync(`${dir()}/out`);
    writeFileSync(`${dir()}/out/keep.gexf`, 'precious');
    await expect(a.call('export.run', { format: 'gexf', path: `${dir()}/out/keep.gexf` })).rejects.toMatchObject({ code: 'conflict' });
    await a.call('export.run', { format: 'gexf', path: `${dir()}/out/keep.gexf`, overwrite: true });
  });
});
