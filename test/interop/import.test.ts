// Importing other tools' real files end to end through the engine (../shared/datasets): preview, run,
// merge on re-import, refusals. test/interchange/import.test.ts covers the same on our own fixtures.
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import { openEngine, tempDir } from '../engine/helpers';
import { DATASETS as DATA } from './datasets';

let engine: Engine;
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  engine = openEngine(`${dir}/import.sqlite`);
});
afterEach(() => {
  engine.close();
  cleanup();
});

function snapshot(): string {
  const tables = engine.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
  return JSON.stringify(tables.map((t) => engine.db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all()));
}

describe('importing dataset files', () => {
  it('previews without writing, then imports whole with sources and a preset layout', async () => {
    const path = `${DATA}/gexf/graphology/les_miserables.gexf`;
    const before = snapshot();
    const preview = await engine.call('import.preview', { path });
    expect(preview).toMatchObject({
      format: 'gexf',
      nodes: 77,
      edges: 254,
      organisations: { create: 77, merge: 0 },
      relations: { create: 254 },
      layout: true,
      importId: null,
    });
    expect(snapshot()).toBe(before);

    const done = await engine.call('import.run', { path });
    expect(done.importId).toEqual(expect.any(String));
    expect(preview.layoutView).toBeNull();
    expect(done.layoutView).toEqual({ id: expect.any(String), name: 'Layout from les_miserables.gexf' });
    expect(engine.call('savedView.get', { id: done.layoutView!.id }).layout).toBe('preset');
    const stats = engine.call('stats.get', {});
    expect(stats).toMatchObject({ organisations: 77, relations: 254, sources: 1, citations: 77 + 254, savedViews: 1 });
    const valjean = engine.call('organisation.list', { text: 'Valjean' }).items[0]!;
    expect(valjean.attributes['id in file']).toEqual(expect.any(String));
    const details = engine.call('record.details', { type: 'organisation', id: valjean.id });
    expect(details.sources.map((s) => s.source.title)).toContain('les_miserables.gexf');
    const [view] = engine.call('savedView.list', {}).items;
    expect(Object.keys(view!.positions)).toHaveLength(77);
    // Every change of the import points at it.
    const unlinked = engine.db.prepare('SELECT count(*) FROM change WHERE import_id IS NOT ? ').pluck().get(done.importId);
    expect(unlinked).toBe(0);
  });

  it('importing the same file again merges organisations and adds no relation twice', async () => {
    const path = `${DATA}/graphml/airlines.graphml`;
    await engine.call('import.run', { path });
    const again = await engine.call('import.preview', { path });
    expect(again.organisations).toEqual({ create: 0, merge: 235, skip: 0 });
    expect(again.relations).toEqual({ create: 0, skip: 2101 });
    await engine.call('import.run', { path, onDuplicate: 'skip' });
    expect(engine.call('stats.get', {})).toMatchObject({ organisations: 235, relations: 2101 });
    expect((await engine.call('import.preview', { path, onDuplicate: 'create' })).organisations.create).toBe(235);
  });

  it('tells a lone node list from a lone edge list, with or without a header', async () => {
    writeFileSync(`${dir}/partners.csv`, 'Name,Country\nAccra Lab,Ghana\nLima Forum,Peru\n');
    const nodes = await engine.call('import.preview', { path: `${dir}/partners.csv` });
    expect(nodes).toMatchObject({ nodes: 2, edges: 0 });
    expect(nodes.columns).toMatchObject({ nodes: ['Name', 'Country'], edges: null });
    const jgrapht = `${DATA}/csv/jgrapht-csv-tests/CSVImporterTest_testEdgeListDirectedUnweighted.csv`;
    const edges = await engine.call('import.preview', { path: jgrapht });
    expect(edges.nodes).toBeGreaterThan(0);
    expect(edges.edges).toBeGreaterThan(0);
    expect(edges.columns?.nodes).toBeNull();
  });

  it('refuses hostile and broken files, and leaves the database exactly as it was', async () => {
    engine.seed();
    const before = snapshot();
    const xxe = `${dir}/xxe.gexf`;
    writeFileSync(
      xxe,
      `<?xml version="1.0"?><!DOCTYPE gexf [<!ENTITY x SYSTEM "file:///etc/passwd">]><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="1" label="&x;"/></nodes></graph></gexf>`,
    );
    const garbage = `${dir}/garbage.graphml`;
    writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const truncated = `${dir}/truncated.gexf`;
    writeFileSync(truncated, `<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="1" label="a"/>`);
    for (const path of [xxe, garbage, truncated]) {
      await expect(engine.call('import.run', { path }), path).rejects.toMatchObject({
        code: 'validation',
        message: expect.stringMatching(/refused/),
      });
    }
    await expect(engine.call('import.run', { path: `${dir}/missing.gexf` })).rejects.toMatchObject({ code: 'validation', field: 'path' });
    await expect(engine.call('import.run', { path: `${DATA}/graphml/airlines.graphml`, maxBytes: 1000 })).rejects.toMatchObject({
      field: 'maxBytes',
      message: expect.stringMatching(/raise the limit/),
    });
    expect(snapshot()).toBe(before);
    await expect(engine.call('import.run', { path: xxe })).rejects.not.toMatchObject({ message: expect.stringMatching(/root:/) });
  });
});
