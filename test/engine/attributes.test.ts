// Attributes as first-class data, end to end through the engine on a real SQLite file: the
// catalogue inferred on import and corrected by hand, filters and facets on attributes, ties
// weighed by a relation attribute (against networkx's values for the same weighted graph, worked
// out beforehand with networkx 2.8: nx.pagerank(G, weight='weight'), G.degree(weight='weight');
// betweenness, closeness and shortest paths over lengths 1 / weight with networkx 3.6 by
// test/fixtures/networkx/weighted-paths.py, whose output is written in below), and exports that
// leave fields out.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import cytoscape from 'cytoscape';
import type { Engine } from '../../electron/engine/engine';
import { AtlasError } from '../../shared/errors';
import { openEngine, tempDir } from './helpers';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/graphml/networkx-attributes-weighted.graphml');

/** By node id in the file: networkx's weighted degree and weighted PageRank (alpha 0.85). */
const NETWORKX = {
  n0: [5.5, 0.13190456],
  n1: [6.25, 0.1416477523],
  n2: [6.25, 0.1365871115],
  n3: [2.5, 0.0762521789],
  n4: [3.5, 0.0972591851],
  n5: [3.5, 0.0974299483],
  n6: [1.75, 0.0573564435],
  n7: [2.0, 0.0533478736],
  n8: [4.75, 0.1063066708],
  n9: [3.5, 0.101908276],
} as const;

/** By node id: networkx's betweenness (normalised) and Wasserman–Faust closeness over lengths 1 / weight. */
const NETWORKX_PATHS = {
  n0: [0.6666666667, 0.8985024958],
  n1: [0.5277777778, 0.8424336973],
  n2: [0.1944444444, 0.6577344702],
  n3: [0.0277777778, 0.547112462],
  n4: [0.3333333333, 0.6420927467],
  n5: [0.1944444444, 0.6691449814],
  n6: [0.0, 0.4038893044],
  n7: [0.0, 0.5335968379],
  n8: [0.0, 0.5818965517],
  n9: [0.1666666667, 0.5482233503],
} as const;

const { dir, cleanup } = tempDir();
let engine: Engine;
/** Node id in the file → organisation id. */
const idOf: Record<string, string> = {};

beforeAll(async () => {
  engine = openEngine(join(dir, 'atlas.sqlite'));
  await engine.call('import.run', { path: FIXTURE });
  for (const o of engine.call('organisation.list', { limit: 100 }).items) idOf[String(o.attributes['id in file'])] = o.id;
});
afterAll(() => {
  engine.close();
  cleanup();
});

const orgCount = (filters: object) => engine.call('graph.slice', { filters }).counts.organisations.shown;

describe('the attribute catalogue', () => {
  it('types what the import brought', () => {
    const types = Object.fromEntries(engine.call('attributes.list', {}).map((a) => [`${a.kind}.${a.name}`, [a.type, a.count]]));
    expect(types).toMatchObject({
      'organisation.family': ['text', 10],
      'organisation.staff': ['number', 9],
      'organisation.founded': ['number', 10],
      'organisation.budget': ['number', 9],
      'organisation.active': ['boolean', 10],
      'relation.weight': ['number', 12],
      'relation.channel': ['text', 11],
    });
  });

  it('keeps a correction, and goes back to the inferred type', () => {
    expect(engine.call('attributes.setType', { kind: 'organisation', name: 'founded', type: 'date' })).toMatchObject({
      type: 'date',
      inferred: 'number',
      corrected: true,
    });
    expect(engine.call('attributes.list', {}).find((a) => a.name === 'founded')?.type).toBe('date');
    expect(engine.call('attributes.facet', { kind: 'organisation', name: 'founded' }).range).toEqual({ min: '1998', max: '2019' });
    expect(engine.call('attributes.setType', { kind: 'organisation', name: 'founded', type: null }).type).toBe('number');
    expect(() => engine.call('attributes.setType', { kind: 'organisation', name: 'nope', type: 'text' })).toThrow(
      /No organisation has an attribute "nope"/,
    );
  });
});

describe('facets and filters on attributes', () => {
  it('counts the values of a categorical attribute, commonest first', () => {
    const f = engine.call('attributes.facet', { kind: 'organisation', name: 'family' });
    expect(f.values).toEqual([
      { value: 'cert', count: 3 },
      { value: 'civil society', count: 2 },
      { value: 'industry', count: 2 },
      { value: 'law enforcement', count: 2 },
      { value: 'academia', count: 1 },
    ]);
    expect(f.range).toBeNull();
  });

  it('gives the range of a numeric attribute over what the other filters keep', () => {
    expect(engine.call('attributes.facet', { kind: 'organisation', name: 'budget' }).range).toEqual({ min: 0.4, max: 40.25 });
    const certs = { attributes: [{ kind: 'organisation', name: 'family', values: ['cert'] }] };
    expect(engine.call('attributes.facet', { kind: 'organisation', name: 'budget', filters: certs }).range).toEqual({ min: 0.9, max: 33 });
  });

  it('filters organisations by values and by range, combined with each other and with built-in filters', () => {
    expect(orgCount({ attributes: [{ kind: 'organisation', name: 'family', values: ['cert'] }] })).toBe(3);
    expect(orgCount({ attributes: [{ kind: 'organisation', name: 'budget', min: 10 }] })).toBe(4);
    expect(
      orgCount({
        attributes: [
          { kind: 'organisation', name: 'budget', min: 10 },
          { kind: 'organisation', name: 'family', values: ['cert', 'industry'] },
        ],
      }),
    ).toBe(2);
    expect(orgCount({ attributes: [{ kind: 'organisation', name: 'active', values: ['false'] }] })).toBe(2);
    expect(orgCount({ text: 'cert', attributes: [{ kind: 'organisation', name: 'family', values: ['cert'] }] })).toBe(2);
  });

  it('filters relations by a numeric attribute, keeping the organisations they tie', () => {
    const slice = engine.call('graph.slice', { filters: { attributes: [{ kind: 'relation', name: 'weight', min: 2 }] } });
    expect([slice.counts.organisations.shown, slice.edges.length]).toEqual([8, 5]);
  });

  it('refuses a filter with neither values nor range', () => {
    expect(() => engine.call('graph.slice', { filters: { attributes: [{ kind: 'organisation', name: 'family' }] } })).toThrow(AtlasError);
  });
});

describe('ties weighed by a relation attribute', () => {
  it('gives networkx weighted degree and PageRank, and says what it weighed by', () => {
    const m = engine.call('graph.metrics', { weight: 'weight' });
    expect(m.weight).toEqual({ attribute: 'weight', relations: 12, paths: 'inverse' });
    for (const [node, [degree, pagerank]] of Object.entries(NETWORKX)) {
      const got = m.nodes.find((n) => n.id === idOf[node])!;
      expect(got.weightedDegree, node).toBeCloseTo(degree, 9);
      expect(got.pagerank, node).toBeCloseTo(pagerank, 5);
    }
  });

  it('gives networkx weighted betweenness and closeness, a strong tie being a short one (1 / weight)', () => {
    const m = engine.call('graph.metrics', { weight: 'weight' });
    expect(m.estimated).toBe(false);
    for (const [node, [betweenness, closeness]] of Object.entries(NETWORKX_PATHS)) {
      const got = m.nodes.find((n) => n.id === idOf[node])!;
      expect(got.betweenness, node).toBeCloseTo(betweenness, 9);
      expect(got.closeness, node).toBeCloseTo(closeness, 9);
    }
    // Counting steps instead gives other values: n6 lies on paths of fewest ties (n2–n9, say).
    const steps = engine.call('graph.metrics', {});
    expect(steps.weight.paths).toBe('steps');
    expect(steps.nodes.find((n) => n.id === idOf.n6)!.betweenness).toBeGreaterThan(0);
  });

  it('finds networkx’s weighted shortest path, and the path of fewest ties without a weight', () => {
    const names = (ids: string[]) => ids.map((id) => Object.keys(idOf).find((k) => idOf[k] === id));
    const strong = engine.call('graph.path', { from: idOf.n3!, to: idOf.n8!, weight: 'weight' });
    expect(names(strong.nodes)).toEqual(['n3', 'n5', 'n0', 'n1', 'n2', 'n8']);
    expect(strong.by.weight).toBe('weight');
    expect(strong.by.length).toBeCloseTo(2.25, 10);
    expect(strong.steps).toHaveLength(5);
    const fewest = engine.call('graph.path', { from: idOf.n3!, to: idOf.n8! });
    expect(names(fewest.nodes)).toEqual(['n3', 'n6', 'n2', 'n8']);
    expect(fewest.by).toEqual({ weight: null, length: 3 });
    const other = engine.call('graph.path', { from: idOf.n6!, to: idOf.n1!, weight: 'weight' });
    expect(names(other.nodes)).toEqual(['n6', 'n9', 'n4', 'n0', 'n1']);
    expect(other.by.length).toBeCloseTo(2.7333333333, 9);
    expect(names(engine.call('graph.path', { from: idOf.n4!, to: idOf.n7!, weight: 'weight' }).nodes)).toEqual(['n4', 'n0', 'n1', 'n7']);
    expect(() => engine.call('graph.path', { from: idOf.n3!, to: idOf.n8!, weight: 'channel' })).toThrow(/not a number/);
  });

  it('counts ties without a weight attribute, and refuses a text attribute as weight', () => {
    expect(engine.call('graph.metrics', {}).weight).toEqual({ attribute: null, relations: 0, paths: 'steps' });
    expect(() => engine.call('graph.metrics', { weight: 'channel' })).toThrow(/not a number/);
  });
});

describe('exports of attributes, read by readers that are not ours', () => {
  it('CSV: papaparse reads each attribute as its own column', async () => {
    const out = join(dir, 'csv');
    await engine.call('export.run', { format: 'csv', path: out });
    const nodes = Papa.parse<Record<string, unknown>>(readFileSync(join(out, 'nodes.csv'), 'utf8').replace(/^\uFEFF/, ''), {
      header: true,
      dynamicTyping: true,
      skipEmptyLines: true,
    }).data;
    const n1 = nodes.find((r) => r.id === idOf.n1)!;
    expect(n1).toMatchObject({ family: 'law enforcement', staff: 900, founded: 1998, budget: 40.25, active: true });
    const edges = Papa.parse<Record<string, unknown>>(readFileSync(join(out, 'edges.csv'), 'utf8').replace(/^\uFEFF/, ''), {
      header: true,
      dynamicTyping: true,
      skipEmptyLines: true,
    }).data;
    expect(edges.map((e) => e.weight).filter((w) => typeof w === 'number')).toHaveLength(12);
  });

  it('XLSX: exceljs reads numbers as numbers and truth values as booleans', async () => {
    const out = join(dir, 'atlas.xlsx');
    await engine.call('export.run', { format: 'xlsx', path: out });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Organisations')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(header.indexOf('id')).value === idOf.n1)!;
    expect(row.getCell(header.indexOf('budget')).value).toBe(40.25);
    expect(row.getCell(header.indexOf('active')).value).toBe(true);
    expect(row.getCell(header.indexOf('family')).value).toBe('law enforcement');
  });

  it('Cytoscape JSON: cytoscape.js finds each attribute in the data, and can select on it', async () => {
    const out = join(dir, 'atlas.cyjs');
    await engine.call('export.run', { format: 'cyjs', path: out });
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    const cy = cytoscape({ headless: true, elements: doc.elements });
    expect(cy.nodes('[family = "cert"]').length).toBe(3);
    expect(cy.nodes('[budget >= 10]').length).toBe(4);
    expect(cy.edges('[weight >= 2]').length).toBe(5);
    cy.destroy();
  });

  it('prefixes an attribute whose name is one of ours', async () => {
    engine.call('organisation.update', {
      id: idOf.n0!,
      patch: { attributes: { ...engine.call('organisation.get', { id: idOf.n0! }).attributes, description: 'an attribute' } },
    });
    const out = join(dir, 'prefixed.cyjs');
    await engine.call('export.run', { format: 'cyjs', path: out });
    const node = JSON.parse(readFileSync(out, 'utf8')).elements.nodes.find((n: { data: { id: string } }) => n.data.id === idOf.n0);
    expect(node.data['attr:description']).toBe('an attribute');
    expect(node.data.description).toBeNull();
  });
});

describe('exports that leave fields out', () => {
  it('leaves out contact fields and named attributes, and says so', async () => {
    const seeded = openEngine(join(dir, 'seed.sqlite'));
    try {
      seeded.seed();
      const out = join(dir, 'shared.gexf');
      const result = await seeded.call('export.run', { format: 'gexf', path: out, omit: ['contact', 'description'] });
      expect(result.omitted).toEqual(['website', 'city', 'description', 'attribute contact']);
      const text = readFileSync(out, 'utf8');
      expect(text).not.toMatch(/info@|for="(website|city|description|contact)" value/);
      expect(text).toContain('for="name"');
      await expect(async () => seeded.call('export.run', { format: 'gexf', path: join(dir, 'x.gexf'), omit: ['colour'] })).rejects.toThrow(
        /"colour" is neither a field/,
      );
    } finally {
      seeded.close();
    }
  });
});

describe('CSV for the window', () => {
  it('arrives as one ZIP holding every file', async () => {
    const r = await engine.call('export.staged', { format: 'csv', name: 'network.csv' });
    expect(r.files).toHaveLength(1);
    expect(r.files[0]).toMatch(/network\.zip$/);
    const zip = readFileSync(r.files[0]!);
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    // The central directory names each file (stored names are plain ASCII here).
    for (const name of ['organisations.csv', 'relations.csv', 'nodes.csv', 'edges.csv']) expect(zip.includes(Buffer.from(name))).toBe(true);
  });
});
