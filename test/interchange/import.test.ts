// Importing files end to end through the engine: preview, run, merge on re-import, refusals that
// leave the database exactly as it was, and provenance for every imported record. The files are our
// fixtures (test/fixtures); test/interop/import.test.ts imports other tools' real files the same way.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import { useEngines } from './helpers';
import { expectLoneListsTold, expectPreviewThenImport, expectRefusalsLeaveDatabase, expectReimportMerges } from './import-checks';

const FIXTURES = resolve(__dirname, '../fixtures');
const engines = useEngines();
let engine: Engine;
let dir: string;
beforeEach(() => {
  dir = engines.dir();
  engine = engines.open('import');
});

describe('import', () => {
  it('previews without writing, then imports whole with sources and a preset layout', async () => {
    const path = `${FIXTURES}/gexf/gephi-0.10-stakeholders.gexf`;
    const { preview, organisation: kestrel } = await expectPreviewThenImport(engine, path, {
      format: 'gexf',
      nodes: 80,
      edges: 167,
      named: 'Kestrel',
    });
    expect(preview.unknownCountries).toEqual([]);
    expect(kestrel).toMatchObject({ name: 'Kestrel Threat Intelligence Lab', country: 'GB', sector: 'private_sector' });
    expect(kestrel.attributes['id in file']).toBe('40');
    // Names in every script keep their country and sector.
    const byName = new Map(engine.call('organisation.list', { limit: 100 }).items.map((o) => [o.name, [o.country, o.sector]]));
    expect(byName.get('المركز الوطني للأمن السيبراني')).toEqual(['SA', 'government']);
    expect(byName.get('国家互联网应急中心')).toEqual(['CN', 'government']);
    expect(byName.get('Лаборатория цифровой криминалистики')).toEqual(['KZ', 'private_sector']);
    expect(byName.get('Observatoire des droits numériques')).toEqual(['CI', 'civil_society']);
  });

  it('importing the same file again merges organisations and adds no relation twice', async () => {
    await expectReimportMerges(engine, `${FIXTURES}/graphml/gephi-lite-positions.graphml`, { organisations: 24, relations: 72 });
  });

  it('maps sector and country columns, and reports countries it cannot place', async () => {
    const path = `${dir}/orgs.graphml`;
    writeFileSync(
      path,
      `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="name" for="node" attr.name="name" attr.type="string"/>
  <key id="sector" for="node" attr.name="Sector" attr.type="string"/>
  <key id="country" for="node" attr.name="Country" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="a"><data key="name">Ghana Cyber Authority</data><data key="sector">Government</data><data key="country">Ghana</data></node>
    <node id="b"><data key="name">Kenya ICT Action Network</data><data key="sector">civil society</data><data key="country">KEN</data></node>
    <node id="c"><data key="name">Atlantis Lab</data><data key="sector">university</data><data key="country">Atlantis</data></node>
    <edge source="a" target="b"/>
    <edge source="b" target="c"/>
  </graph>
</graphml>`,
    );
    const s = await engine.call('import.run', { path });
    expect(s.unknownCountries).toEqual([{ value: 'Atlantis', count: 1 }]);
    const orgs = engine.call('organisation.list', { sort: 'name' }).items.map((o) => [o.name, o.sector, o.country]);
    expect(orgs).toEqual([
      ['Atlantis Lab', 'academia', null],
      ['Ghana Cyber Authority', 'government', 'GH'],
      ['Kenya ICT Action Network', 'civil_society', 'KE'],
    ]);
    expect(engine.call('organisation.list', { text: 'Atlantis' }).items[0]!.attributes['country (as written)']).toBe('Atlantis');
    expect(engine.call('graph.slice', { filters: { regions: ['Africa'] } }).edges).toHaveLength(1);
  });

  it('tells a lone node list from a lone edge list, with or without a header', async () => {
    const edges = await expectLoneListsTold(engine, dir, `${FIXTURES}/csv/edge-list-comma.csv`);
    expect(edges).toMatchObject({ nodes: 4, edges: 5 });
  });

  it('refuses hostile and broken files, and leaves the database exactly as it was', async () => {
    const refused = [
      'gexf/refused/truncated.gexf',
      'graphml/refused/doctype-entities.graphml',
      'cytoscape/refused/truncated.cyjs',
      'csv/matrix-empty-corner.csv',
    ];
    await expectRefusalsLeaveDatabase(engine, dir, {
      refused: refused.map((f) => `${FIXTURES}/${f}`),
      large: `${FIXTURES}/graphml/gephi-lite-positions.graphml`,
    });
  });
});

describe('a file picked in the window', () => {
  it('cites the file by its name, not by the temporary folder it was staged in', async () => {
    const csv = 'name,country,sector\nOne Foundation,KE,civil_society\n';
    const staged = engine.call('file.stage', { name: 'partners 2026.csv', dataBase64: Buffer.from(csv).toString('base64') });
    await engine.call('import.run', { path: staged.path });
    const org = engine.call('organisation.list', { text: 'One Foundation' }).items[0]!;
    const details = engine.call('record.details', { type: 'organisation', id: org.id });
    const source = details.sources[0]!.source;
    expect(source.title).toBe('partners 2026.csv');
    expect(source.document).toBe('partners 2026.csv');
    expect(source.notes).toContain('opened in the app window');
  });
});

describe('a run right after its preview', () => {
  const csv = (...rows: string[]) => ['name,country,sector', ...rows].join('\n');
  const names = () =>
    engine.call('organisation.list', { limit: 100, sort: 'name' }).items.map((o) => `${o.name} (${o.country}, ${o.sector})`);

  it('carries out the plan the preview showed, as a run alone would', async () => {
    const path = `${dir}/partners.csv`;
    writeFileSync(path, csv('Kilo Lab,KE,academia', 'Lima Team,PE,government'));
    const preview = await engine.call('import.preview', { path });
    const done = await engine.call('import.run', { path });
    expect({ ...done, importId: null, landed: null }).toEqual(preview);
    expect(names()).toEqual(['Kilo Lab (KE, academia)', 'Lima Team (PE, government)']);
    expect(engine.call('stats.get', {})).toMatchObject({ organisations: 2, sources: 1, citations: 2 });
  });

  it('plans again when the network changed since the preview: a name added meanwhile is merged, not doubled', async () => {
    const path = `${dir}/partners.csv`;
    writeFileSync(path, csv('Kilo Lab,KE,academia', 'Lima Team,PE,government'));
    expect((await engine.call('import.preview', { path })).organisations).toEqual({ create: 2, merge: 0, skip: 0 });
    engine.call('organisation.create', { name: 'Kilo Lab', sector: 'academia', country: 'KE' });
    const done = await engine.call('import.run', { path });
    expect(done.organisations).toEqual({ create: 1, merge: 1, skip: 0 });
    expect(names()).toEqual(['Kilo Lab (KE, academia)', 'Lima Team (PE, government)']);
  });

  it('reads the file again when it changed since the preview, or when the run asks for something else', async () => {
    const path = `${dir}/partners.csv`;
    writeFileSync(path, csv('Kilo Lab,KE,academia'));
    await engine.call('import.preview', { path });
    writeFileSync(path, csv('Kilo Lab,KE,academia', 'Mike Institute,NG,academia'));
    expect((await engine.call('import.run', { path })).organisations.create).toBe(2);

    await engine.call('import.preview', { path });
    const again = await engine.call('import.run', { path, onDuplicate: 'create' });
    expect(again.organisations).toEqual({ create: 2, merge: 0, skip: 0 });
    expect(engine.call('stats.get', {}).organisations).toBe(4);
  });
});

describe('attributes as the schema keeps them', () => {
  it('trims names and writes non-finite numbers as text, on organisations and relations alike', async () => {
    const path = `${dir}/odd.gexf`;
    writeFileSync(
      path,
      `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">
<attributes class="node"><attribute id="0" title=" reach " type="double"/><attribute id="1" title="staff" type="integer"/></attributes>
<attributes class="edge"><attribute id="0" title="score " type="double"/></attributes>
<nodes>
<node id="a" label="Alpha Org"><attvalues><attvalue for="0" value="Infinity"/><attvalue for="1" value="12"/></attvalues></node>
<node id="b" label="Bravo Org"/>
<node id="c" label="Charlie Org"/>
</nodes>
<edges>
<edge source="a" target="b"><attvalues><attvalue for="0" value="-Infinity"/></attvalues></edge>
<edge source="b" target="c" weight="2"/>
<edge source="c" target="a"/>
</edges>
</graph></gexf>`,
    );
    await engine.call('import.run', { path });
    const orgs = Object.fromEntries(engine.call('organisation.list', { limit: 10 }).items.map((o) => [o.name, o.attributes]));
    expect(orgs['Alpha Org']).toEqual({ reach: 'Infinity', staff: 12, 'id in file': 'a' });
    expect(orgs['Bravo Org']).toEqual({ 'id in file': 'b' });
    const byEnds = new Map(engine.call('organisation.list', { limit: 10 }).items.map((o) => [o.id, o.name[0]]));
    const relations = Object.fromEntries(
      engine.call('relation.list', { limit: 10 }).items.map((r) => [`${byEnds.get(r.sourceId)}${byEnds.get(r.targetId)}`, r.attributes]),
    );
    expect(relations).toEqual({ AB: { score: '-Infinity' }, BC: { weight: 2 }, CA: {} });
  });
});
