// Provenance by import run: records an import creates carry their place in the change log instead
// of a log row each, and everything that reads the log sees what it saw before: sources, a record's
// history, the whole log page by page, the graph index noticing the import, undo, snapshots.
import { writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import { undoImport } from '../../electron/engine/store/undo-import';
import type { Change } from '../../shared/schemas';
import { buildFixture } from '../engine/helpers';
import { useEngines } from './helpers';

const { dir, open } = useEngines();

/** A GEXF file as another tool writes it; every node is [label, sector, country, city]. */
function gexfFile(name: string, nodes: [string, string, string, string][], edges: [number, number][]): string {
  const path = `${dir()}/${name}`;
  const node = ([label, sector, country, city]: [string, string, string, string], i: number) =>
    `<node id="n${i}" label="${label}"><attvalues><attvalue for="0" value="${sector}"/><attvalue for="1" value="${country}"/><attvalue for="2" value="${city}"/></attvalues></node>`;
  writeFileSync(
    path,
    `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">
<attributes class="node"><attribute id="0" title="sector" type="string"/><attribute id="1" title="country" type="string"/><attribute id="2" title="city" type="string"/></attributes>
<nodes>${nodes.map(node).join('\n')}</nodes>
<edges>${edges.map(([s, t], i) => `<edge id="e${i}" source="n${s}" target="n${t}"/>`).join('\n')}</edges>
</graph></gexf>`,
  );
  return path;
}

/** Two new organisations, one that matches the fixture's B (its city fills B's gap), three ties. */
const partners = () =>
  gexfFile(
    'partners.gexf',
    [
      ['Kilo Cyber Lab', 'academia', 'KE', 'Mombasa'],
      ['Lima Response Team', 'government', 'PE', 'Lima'],
      ['Bravo Digital Rights Forum', 'civil_society', 'KE', 'Nairobi'],
    ],
    [
      [0, 1],
      [1, 2],
      [0, 2],
    ],
  );

/** Titles of the sources cited for the record itself (details also list its links' and relations'). */
const ownSources = (e: Engine, id: string) =>
  e
    .call('record.details', { type: 'organisation', id })
    .sources.filter((s) => s.recordId === id)
    .map((s) => s.source.title)
    .sort();

/** Every record of every type, for comparing a database with itself at another time. */
function allRecords(e: Engine, withUpdated = true) {
  const types = [
    'organisation',
    'partnership',
    'membership',
    'event',
    'participation',
    'relation',
    'source',
    'citation',
    'savedView',
  ] as const;
  return Object.fromEntries(
    types.map((t) => [
      t,
      e
        .call(`${t}.list` as 'organisation.list', { limit: 1000, sort: 'createdAt' })
        .items.map((r) => (withUpdated ? r : { ...r, updatedAt: undefined }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    ]),
  );
}

const byName = (e: Engine, text: string) => e.call('organisation.list', { text }).items[0]!;

describe('provenance by import run', () => {
  it('an imported record cites the file, and its history shows the import that created it', async () => {
    const e = open('a');
    buildFixture(e);
    const run = await e.call('import.run', { path: partners() });
    expect(e.call('stats.get', {})).toMatchObject({ organisations: 8, relations: 4, sources: 1, citations: 3 + 3 });
    const kilo = byName(e, 'Kilo');
    expect(ownSources(e, kilo.id)).toEqual(['partners.gexf']);
    expect(ownSources(e, 'B')).toEqual(['partners.gexf']);

    // The log holds the source the import created and its merge, not a row per created record.
    const logged = e.db.prepare('SELECT record_type, op FROM change WHERE import_id = ? ORDER BY record_type').all(run.importId);
    expect(logged).toEqual([
      { record_type: 'organisation', op: 'update' },
      { record_type: 'source', op: 'create' },
    ]);

    const [created, ...rest] = e.call('changes.list', { recordId: kilo.id });
    expect(rest).toEqual([]);
    expect(created).toMatchObject({ op: 'create', importId: run.importId, actor: 'tester', recordType: 'organisation', before: null });
    expect(created!.after).toEqual(kilo);
    const merge = e.call('changes.list', { recordId: 'B' })[0]!;
    expect(merge).toMatchObject({ op: 'update', importId: run.importId, after: { city: 'Nairobi' }, before: { city: null } });

    // Later changes come after the creation, and the creation still says what was created.
    e.call('organisation.update', { id: kilo.id, patch: { city: 'Kisumu' } });
    const [update, creation] = e.call('changes.list', { recordId: kilo.id });
    expect(update).toMatchObject({ op: 'update', importId: null, before: { city: 'Mombasa' }, after: { city: 'Kisumu' } });
    expect(creation).toMatchObject({ op: 'create', importId: run.importId, after: { city: 'Mombasa' } });
    expect(update!.seq).toBeGreaterThan(creation!.seq);

    // A deleted record keeps its creation in its history: the delete writes it into its place.
    e.call('organisation.delete', { id: kilo.id });
    const history = e.call('changes.list', { recordId: kilo.id });
    expect(history.map((c) => c.op)).toEqual(['delete', 'update', 'create']);
    expect(history[2]).toEqual(creation);
  });

  it("the whole log reads page by page, each change once, newest first, and later writes never take an import's places", async () => {
    const e = open('a');
    buildFixture(e);
    const run = await e.call('import.run', { path: partners() });
    const after = e.call('organisation.create', { name: 'After The Import', sector: 'other' });
    const pages: Change[] = [];
    for (let before: number | undefined; ;) {
      const page = e.call('changes.list', { limit: 4, ...(before ? { beforeSeq: before } : {}) });
      if (!page.length) break;
      pages.push(...page);
      before = page.at(-1)!.seq;
    }
    const seqs = pages.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(seqs.length);
    const fixtureWrites = 6 + 2 + 5 + 2 + 4 + 1;
    // the fixture, the import's source and merge, its 2 organisations, 3 relations, 6 citations, and the last create
    expect(pages).toHaveLength(fixtureWrites + 2 + 2 + 3 + 6 + 1);
    expect(pages[0]).toMatchObject({ op: 'create', recordId: after.id });
    const created = pages.filter((c) => c.importId === run.importId && c.op === 'create').map((c) => c.recordType);
    expect(created.sort()).toEqual([...Array(6).fill('citation'), 'organisation', 'organisation', ...Array(3).fill('relation'), 'source']);
    const { last } = e.db.prepare('SELECT last_seq AS last FROM import_run WHERE id = ?').get(run.importId) as { last: number };
    expect(pages[0]!.seq).toBeGreaterThan(last);
  });

  it("citations SQLite makes from the new records are what a row built per record was: one each, own ID, own place, the run's time", async () => {
    const e = open('a');
    buildFixture(e);
    // The newest rows gone: the import's rows take their rowids again, and only the import's are cited.
    const gone = e.call('organisation.create', { name: 'Gone Soon', sector: 'other' });
    const goneTie = e.call('relation.create', { sourceId: gone.id, targetId: 'A', type: 'funds' });
    e.call('relation.delete', { id: goneTie.id });
    e.call('organisation.delete', { id: gone.id });
    const run = await e.call('import.run', { path: partners() });
    const source = e.call('source.list', {}).items.find((s) => s.title === 'partners.gexf')!;
    const citations = e.call('citation.list', { where: { sourceId: source.id }, limit: 100 }).items;
    const created = [
      ...e
        .call('organisation.list', { limit: 100 })
        .items.filter((o) => ['Kilo Cyber Lab', 'Lima Response Team'].includes(o.name))
        .map((o) => `organisation:${o.id}`),
      ...e
        .call('relation.list', { limit: 100 })
        .items.filter((r) => r.createdAt === citations[0]!.createdAt)
        .map((r) => `relation:${r.id}`),
    ];
    expect(created).toHaveLength(2 + 3);
    // The merged organisation B is cited too, once.
    expect(citations.map((c) => `${c.recordType}:${c.recordId}`).sort()).toEqual([...created, 'organisation:B'].sort());
    expect(new Set(citations.map((c) => c.id)).size).toBe(6);
    for (const c of citations) {
      expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(c).toMatchObject({ locator: null, createdAt: c.updatedAt });
      const [creation, ...later] = e.call('changes.list', { recordId: c.id });
      expect(later).toEqual([]);
      expect(creation).toMatchObject({ op: 'create', importId: run.importId, recordType: 'citation', after: c });
    }
    // Every record and citation the run created has a place of its own inside the run's range.
    const { first, last } = e.db.prepare('SELECT first_seq AS first, last_seq AS last FROM import_run WHERE id = ?').get(run.importId) as {
      first: number;
      last: number;
    };
    const places = e.db
      .prepare(
        `SELECT created_seq FROM organisation WHERE created_seq IS NOT NULL UNION ALL SELECT created_seq FROM relation WHERE created_seq IS NOT NULL
                UNION ALL SELECT created_seq FROM citation WHERE created_seq IS NOT NULL`,
      )
      .pluck()
      .all() as number[];
    expect(places).toHaveLength(2 + 3 + 6);
    expect(new Set(places).size).toBe(places.length);
    for (const p of places) expect(p >= first && p <= last).toBe(true);
  });

  it('the graph notices an import at once', async () => {
    const e = open('a');
    buildFixture(e);
    expect(e.call('graph.slice', {}).nodes).toHaveLength(6);
    await e.call('import.run', { path: partners() });
    expect(e.call('graph.slice', {}).nodes).toHaveLength(8);
  });

  it('undoing an import puts merged records back and removes exactly what it created', async () => {
    const e = open('a');
    buildFixture(e);
    const before = allRecords(e);
    const run = await e.call('import.run', { path: partners() });
    expect(e.call('organisation.get', { id: 'B' }).city).toBe('Nairobi');
    expect(undoImport(e.db, e.store, e.writer, run.importId!).restored).toBe(1);
    const now = allRecords(e, false);
    expect(now).toEqual(Object.fromEntries(Object.entries(before).map(([t, rs]) => [t, rs.map((r) => ({ ...r, updatedAt: undefined }))])));
    expect(e.call('organisation.get', { id: 'B' }).city).toBeNull();
    expect(e.call('graph.slice', {}).nodes).toHaveLength(6);
    // The undo is itself in the log, and the removed records' creations stay readable there.
    expect(e.call('changes.list', { limit: 1 })[0]).toMatchObject({ op: 'delete', importId: null });
    expect(e.db.prepare(`SELECT count(*) FROM change WHERE op = 'create' AND import_id = ?`).pluck().get(run.importId)).toBe(2 + 3 + 6 + 1);
  });

  it('undoes a large import, whose indexes were rebuilt, as exactly', async () => {
    const e = open('a');
    buildFixture(e);
    const before = allRecords(e);
    const n = 3000;
    const nodes = Array.from({ length: n }, (_, i): [string, string, string, string] => [`Org ${i}`, 'other', 'FR', 'Paris']);
    const path = gexfFile(
      'large.gexf',
      nodes,
      Array.from({ length: n - 1 }, (_, i): [number, number] => [i, i + 1]),
    );
    const run = await e.call('import.run', { path });
    expect(e.call('stats.get', {})).toMatchObject({ organisations: n + 6, relations: n, citations: 2 * n - 1 });
    undoImport(e.db, e.store, e.writer, run.importId!);
    expect(allRecords(e)).toEqual(before);
    expect(e.db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
  });

  it("rebuilds a table's indexes only when an import at least doubles it, and never the change log's", async () => {
    const e = open('a');
    buildFixture(e);
    const deferred = vi.spyOn(e.writer, 'withIndexesDeferred');
    const chain = (name: string, n: number) =>
      gexfFile(
        name,
        Array.from({ length: n }, (_, i): [string, string, string, string] => [`${name} ${i}`, 'other', 'FR', 'Paris']),
        Array.from({ length: n - 1 }, (_, i): [number, number] => [i, i + 1]),
      );
    await e.call('import.run', { path: chain('first.gexf', 6000) });
    await e.call('import.run', { path: chain('second.gexf', 5500) });
    const tables = deferred.mock.calls.map(([defs, , opts]) => [defs.map((d) => d.table), opts]);
    // 6,000 into 6 organisations; then 5,500 into 6,006 (grown), and 10,999 citations into 11,999 (grown).
    expect(tables).toEqual([[['organisation', 'relation', 'citation'], { log: false }]]);
    expect(e.call('stats.get', {})).toMatchObject({ organisations: 11_506, relations: 11_499 });
    expect(e.db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
  });

  it('snapshots carry imported records with their sources, both ways, without duplicates', async () => {
    const a = open('laptop-a');
    buildFixture(a);
    await a.call('import.run', { path: partners() });
    const kilo = byName(a, 'Kilo');
    await a.call('export.run', { format: 'snapshot', path: `${dir()}/a.atlas` });
    const b = open('laptop-b');
    await b.call('import.run', { path: `${dir()}/a.atlas` });
    expect(b.call('organisation.get', { id: kilo.id })).toMatchObject({ name: 'Kilo Cyber Lab', city: 'Mombasa' });
    expect(ownSources(b, kilo.id)).toEqual(['a.atlas', 'partners.gexf']);
    expect(b.call('changes.list', { recordId: kilo.id })).toMatchObject([{ op: 'create', importId: expect.any(String) }]);

    await b.call('export.run', { format: 'snapshot', path: `${dir()}/b.atlas` });
    const aBefore = a.call('stats.get', {});
    const back = await a.call('import.run', { path: `${dir()}/b.atlas` });
    expect(back.records.organisations).toMatchObject({ create: 0, merge: 8 });
    expect(a.call('stats.get', {})).toMatchObject({ ...aBefore, sources: aBefore.sources + 2, citations: expect.any(Number) });
    expect(a.call('citation.list', { where: { recordId: kilo.id } }).items.map((c) => c.id)).toEqual(
      expect.arrayContaining(b.call('citation.list', { where: { recordId: kilo.id } }).items.map((c) => c.id)),
    );
  });
});
