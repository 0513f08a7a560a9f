// Undo and redo against the change log: every kind of change (a create, an edit, a delete that
// takes its links with it, an import that creates in bulk and merges into existing records, an
// import taken back, a saved view) is undone to a database equal, row for row, to what it was
// before, and redone to what it was after; the stack survives closing and opening the file.
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import { buildFixture, openEngine, RECORD_TABLES as TABLES, recordRows as rows, tempDir } from './helpers';

function gexf(path: string, nodes: [string, string, string][]): string {
  writeFileSync(
    path,
    `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">
<attributes class="node"><attribute id="0" title="sector" type="string"/><attribute id="1" title="country" type="string"/><attribute id="2" title="city" type="string"/></attributes>
<nodes>${nodes
      .map(
        ([label, sector, country], i) =>
          `<node id="n${i}" label="${label}"><attvalues><attvalue for="0" value="${sector}"/><attvalue for="1" value="${country}"/><attvalue for="2" value="Nairobi"/></attvalues></node>`,
      )
      .join('\n')}</nodes>
<edges>${nodes
      .slice(1)
      .map((_, i) => `<edge id="e${i}" source="n${i}" target="n${i + 1}"/>`)
      .join('\n')}</edges>
</graph></gexf>`,
  );
  return path;
}

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

/** Does `act`, then checks undo → before, redo → after, twice over, and leaves it done. */
async function roundTrip(label: RegExp, act: () => unknown) {
  const before = rows(e);
  await act();
  const after = rows(e);
  expect(after).not.toEqual(before);
  expect(e.call('history.state', {}).undo?.label).toMatch(label);
  for (let i = 0; i < 2; i++) {
    const u = e.call('history.undo', {});
    expect(u.did?.label).toMatch(label);
    expect(rows(e)).toEqual(before);
    expect(u.redo?.label).toMatch(label);
    const r = e.call('history.redo', {});
    expect(r.did?.label).toMatch(label);
    expect(rows(e)).toEqual(after);
  }
}

describe('undo and redo', () => {
  it('puts back every kind of change, row for row', async () => {
    await roundTrip(/Add organisation ‘Golf CERT’/, () => {
      e.call('organisation.create', { id: 'G', name: 'Golf CERT', sector: 'government', country: 'GH', tags: ['incident response'] });
    });
    await roundTrip(/Edit organisation ‘Bravo/, () => {
      e.call('organisation.update', { id: 'B', patch: { name: 'Bravo Rights', website: 'https://bravo.example', tags: ['rights'] } });
    });
    await roundTrip(/Delete organisation ‘Alpha Ministry of Communications’ and 3 linked records/, () => {
      expect(e.call('organisation.delete', { id: 'A' }).deleted).toBe(4);
    });
    await roundTrip(/Add membership of ‘Golf CERT’ in ‘Capacity Network’/, () => {
      e.call('membership.create', { partnershipId: 'P2', organisationId: 'G', role: 'observer' });
    });
    await roundTrip(/Delete partnership ‘Ransomware PPP’/, () => {
      e.call('partnership.delete', { id: 'P1' });
    });
    await roundTrip(/Add saved view/, () => {
      e.call('savedView.create', { name: 'Ghana', filters: { countries: ['GH'] } });
    });
  });

  it('undoes and redoes an import, what it created in bulk and what it merged, and an import taken back', async () => {
    const file = gexf(`${dir}/partners.gexf`, [
      ['Kilo Cyber Lab', 'academia', 'KE'],
      ['Lima Response Team', 'government', 'PE'],
      ['Bravo Digital Rights Forum', 'civil_society', 'KE'],
    ]);
    let importId = '';
    await roundTrip(/Import of partners\.gexf/, async () => {
      importId = (await e.call('import.run', { path: file })).importId!;
    });
    // The import as a record of its own, taken back from the menu, and that undone in turn.
    expect(e.call('import.list', {})[0]).toMatchObject({ id: importId, undone: false });
    await roundTrip(/Undo the import Import of partners\.gexf/, () => {
      expect(e.call('import.undo', { importId }).removed).toBeGreaterThan(0);
    });
    expect(e.call('import.list', {})[0]).toMatchObject({ id: importId, undone: true });
    e.call('history.undo', {});
    expect(e.call('import.list', {})[0]).toMatchObject({ id: importId, undone: false });
  });

  it('undoes an import that only created (its source logged first, then moved past its records)', async () => {
    const file = gexf(`${dir}/new.gexf`, [
      ['Mike Lab', 'academia', 'KE'],
      ['November Team', 'government', 'PE'],
      ['Oscar Forum', 'civil_society', 'FR'],
    ]);
    await roundTrip(/Import of new\.gexf/, () => e.call('import.run', { path: file }));
  });

  it('keeps the stack across a restart, and a new change drops what could be redone', () => {
    const start = rows(e);
    e.call('organisation.create', { id: 'H', name: 'Hotel Forum', sector: 'civil_society' });
    e.call('organisation.update', { id: 'H', patch: { country: 'FR' } });
    const edited = rows(e);
    e.close();
    e = openEngine(`${dir}/net.sqlite`);
    expect(e.call('history.undo', {}).did?.label).toBe('Edit organisation ‘Hotel Forum’');
    e.close();
    e = openEngine(`${dir}/net.sqlite`);
    expect(e.call('history.state', {}).redo?.label).toBe('Edit organisation ‘Hotel Forum’');
    e.call('history.redo', {});
    expect(rows(e)).toEqual(edited);
    e.call('history.undo', {});
    e.call('history.undo', {});
    expect(rows(e)).toEqual(start);
    e.call('organisation.create', { name: 'India Lab', sector: 'academia' });
    expect(e.call('history.state', {}).redo).toBeNull();
    expect(e.call('history.redo', {}).did).toBeNull();
  });

  it('undoes everything back to an empty database and redoes it all', () => {
    const full = rows(e);
    let n = 0;
    while (e.call('history.undo', {}).did) n++;
    expect(n).toBe(20); // the fixture's 20 creations, one action each
    for (const t of TABLES) expect(rows(e)[t]).toEqual([]);
    while (e.call('history.redo', {}).did) n--;
    expect(n).toBe(0);
    expect(rows(e)).toEqual(full);
  });

  it('logs every step it takes, so the change log still tells the whole story', () => {
    e.call('organisation.update', { id: 'C', patch: { city: 'Seattle' } });
    e.call('history.undo', {});
    const log = e.call('changes.list', { recordId: 'C', limit: 10 });
    expect(log.map((c) => c.op)).toEqual(['update', 'update', 'create']);
    expect(log[0]!.after).toMatchObject({ city: null });
    const actions = e.call('history.actions', { limit: 2 });
    expect(actions.map((a) => [a.kind, a.label, a.state])).toEqual([
      ['undo', 'Undo: Edit organisation ‘Charlie Cloud Inc’', 'done'],
      ['do', 'Edit organisation ‘Charlie Cloud Inc’', 'undone'],
    ]);
  });
});
