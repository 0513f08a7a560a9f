// The end-to-end import checks both suites run through the engine, each on its own files: our fixtures
// (test/interchange/import.test.ts) and other tools' real files (test/interop/import.test.ts).
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import type { ImportSummary } from '../../shared/schemas';

/** Every table of the database as text, to show that nothing was written. */
function snapshot(engine: Engine): string {
  const tables = engine.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
  return JSON.stringify(tables.map((t) => engine.db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all()));
}

/**
 * A file with positions into an empty database: the preview has the counts and writes nothing; the run
 * imports it whole, citing the file for every record, with its positions in a preset saved view; the
 * organisation found by `named` cites the file. Returns the preview and that organisation.
 */
export async function expectPreviewThenImport(
  engine: Engine,
  path: string,
  { format, nodes, edges, named }: { format: string; nodes: number; edges: number; named: string },
) {
  const file = basename(path);
  const before = snapshot(engine);
  const preview = await engine.call('import.preview', { path });
  expect(preview).toMatchObject({
    format,
    nodes,
    edges,
    organisations: { create: nodes, merge: 0 },
    relations: { create: edges },
    layout: true,
    importId: null,
  });
  expect(snapshot(engine)).toBe(before);

  const done = await engine.call('import.run', { path });
  expect(done.importId).toEqual(expect.any(String));
  expect(preview.layoutView).toBeNull();
  expect(done.layoutView).toEqual({ id: expect.any(String), name: `Layout from ${file}` });
  expect(engine.call('savedView.get', { id: done.layoutView!.id }).layout).toBe('preset');
  const stats = engine.call('stats.get', {});
  expect(stats).toMatchObject({ organisations: nodes, relations: edges, sources: 1, citations: nodes + edges, savedViews: 1 });
  const organisation = engine.call('organisation.list', { text: named }).items[0]!;
  const details = engine.call('record.details', { type: 'organisation', id: organisation.id });
  expect(details.sources.map((s) => s.source.title)).toContain(file);
  const [view] = engine.call('savedView.list', {}).items;
  expect(Object.keys(view!.positions)).toHaveLength(nodes);
  // Every change of the import points at it.
  const unlinked = engine.db.prepare('SELECT count(*) FROM change WHERE import_id IS NOT ? ').pluck().get(done.importId);
  expect(unlinked).toBe(0);
  return { preview, organisation };
}

/** Importing the same file again merges every organisation and adds no relation twice; asked to, it creates them anew. */
export async function expectReimportMerges(
  engine: Engine,
  path: string,
  { organisations, relations }: { organisations: number; relations: number },
) {
  await engine.call('import.run', { path });
  const again = await engine.call('import.preview', { path });
  expect(again.organisations).toEqual({ create: 0, merge: organisations, skip: 0 });
  expect(again.relations).toEqual({ create: 0, skip: relations });
  await engine.call('import.run', { path, onDuplicate: 'skip' });
  expect(engine.call('stats.get', {})).toMatchObject({ organisations, relations });
  expect((await engine.call('import.preview', { path, onDuplicate: 'create' })).organisations.create).toBe(organisations);
}

/**
 * A CSV of names alone (written in dir) previews as a node list, and the header-less edgeList as an
 * edge list with nodes and edges; returns the edge list's preview.
 */
export async function expectLoneListsTold(engine: Engine, dir: string, edgeList: string): Promise<ImportSummary> {
  writeFileSync(`${dir}/partners.csv`, 'Name,Country\nAccra Lab,Ghana\nLima Forum,Peru\n');
  const nodes = await engine.call('import.preview', { path: `${dir}/partners.csv` });
  expect(nodes).toMatchObject({ nodes: 2, edges: 0 });
  expect(nodes.columns).toMatchObject({ nodes: ['Name', 'Country'], edges: null });
  const edges = await engine.call('import.preview', { path: edgeList });
  expect(edges.nodes).toBeGreaterThan(0);
  expect(edges.edges).toBeGreaterThan(0);
  expect(edges.columns?.nodes).toBeNull();
  return edges;
}

/**
 * Into a seeded database: XXE, random bytes and truncated XML (written in dir), the refused files, a
 * missing file, and large over a 1000-byte limit are all refused, the database left exactly as it was,
 * and the XXE refusal does not show the file it points at.
 */
export async function expectRefusalsLeaveDatabase(engine: Engine, dir: string, { refused, large }: { refused: string[]; large: string }) {
  engine.seed();
  const before = snapshot(engine);
  const xxe = `${dir}/xxe.gexf`;
  writeFileSync(
    xxe,
    `<?xml version="1.0"?><!DOCTYPE gexf [<!ENTITY x SYSTEM "file:///etc/passwd">]><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="1" label="&x;"/></nodes></graph></gexf>`,
  );
  const garbage = `${dir}/garbage.graphml`;
  writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  const truncated = `${dir}/truncated.gexf`;
  writeFileSync(truncated, `<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="1" label="a"/>`);
  for (const path of [xxe, garbage, truncated, ...refused]) {
    await expect(engine.call('import.run', { path }), path).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/refused/),
    });
  }
  await expect(engine.call('import.run', { path: `${dir}/missing.gexf` })).rejects.toMatchObject({ code: 'validation', field: 'path' });
  await expect(engine.call('import.run', { path: large, maxBytes: 1000 })).rejects.toMatchObject({
    field: 'maxBytes',
    message: expect.stringMatching(/MB limit for an import$/),
  });
  expect(snapshot(engine)).toBe(before);
  await expect(engine.call('import.run', { path: xxe })).rejects.not.toMatchObject({ message: expect.stringMatching(/root:/) });
}
