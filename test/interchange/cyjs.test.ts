// Cytoscape JSON import: our own fixtures (test/fixtures/cytoscape) in the shapes cytoscape.js and
// Cytoscape desktop write, every wrapping they use, and the refusals. The same runs over their real
// files in test/interop/cyjs.test.ts.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCyjs } from '../../electron/engine/interchange/formats/cyjs/read';
import { corpusFiles, edgesWithoutId, everyCyjsFile } from './corpus-checks';
import { refusal } from './helpers';

const FIXTURES = resolve(__dirname, '../fixtures/cytoscape');
const read = (rel: string): string => readFileSync(join(FIXTURES, rel), 'utf8');

/** Fixtures refused on purpose, with what the message must say. */
const REFUSED: Record<string, RegExp> = {
  // cytoscape.js's node-shape demo leaves ids out and lets the library invent them; an import
  // cannot invent ids that a later re-import would match, so it names the first such node.
  'refused/nodes-without-ids.json': /^\[0\]: a node has no id/,
  'refused/truncated.cyjs': /^line 19, column 35: not valid JSON \(.+\); expected Cytoscape JSON$/,
};

/** Fixtures with compound nodes, which must come out flat with their parent kept, and one warning. */
const COMPOUND = new Set(['cy-json-compound.json', 'style-and-elements.json']);

describe('parseCyjs on every fixture', () => {
  const files = corpusFiles(FIXTURES);

  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  it('lists as exceptions only fixtures that exist', () => {
    for (const rel of [...Object.keys(REFUSED), ...COMPOUND]) expect(files).toContain(rel);
  });

  everyCyjsFile({ dir: FIXTURES, files, refused: REFUSED }, COMPOUND);

  it('keeps edges without ids, with id null', () => {
    const text = read('edges-without-ids.json');
    const withoutId = edgesWithoutId(text);
    const g = parseCyjs(text);
    expect(withoutId).toBe(5);
    expect([...g.edges].filter((e) => e.id === null)).toHaveLength(withoutId);
    expect([...g.edges].map((e) => [e.source, e.target])).toEqual([
      ['a', 'b'],
      ['a', 'b'],
      ['b', 'a'],
      ['c', 'd'],
      ['d', 'c'],
      ['e', 'e'],
    ]);
    expect(g.edges.at(4)!.weight).toBe(2);
    expect(g.nodes.map((n) => n.label)).toEqual([
      'CERT-MU',
      'Centre de réponse de Maurice',
      'Центр мониторинга',
      '监测中心',
      'Centro de Monitoreo',
    ]);
  });

  it('reads list-valued names and null attributes of an EnrichmentMap network', () => {
    const g = parseCyjs(read('enrichment-map.json'));
    expect(g.nodes[0]).toMatchObject({
      label: 'PHISHING%CAMPAIGNS%2024',
      attributes: { description: ['Campañas de phishing'], gs_type: null, pvalue: 0.0012, cluster: null },
    });
    expect(g.nodes[1]!.attributes.description).toEqual(['Incidents de rançongiciels', 'Вымогатели']);
    expect(g.nodes[2]!.attributes).toMatchObject({ description: [], padj: null });
    expect(g.edges.at(0)!.attributes).toEqual({ similarity_coefficient: 0.42, overlap_genes: ['kit-a', 'kit-b'] });
  });

  it('reads a Cytoscape desktop .cyjs with positions, and the same elements without its wrapper', () => {
    const cyjs = parseCyjs(read('cytoscape-desktop.cyjs'));
    const bare = parseCyjs(read('nodes-edges-object.json'));
    expect(cyjs.warnings).toEqual([]);
    expect(cyjs.nodes.map((n) => n.position)).toEqual([
      { x: -120.5, y: 35 },
      { x: 40.25, y: -80 },
      { x: 155, y: 12.5 },
      { x: 300, y: 200 },
      { x: 88, y: 150.75 },
    ]);
    expect(cyjs.nodes[2]).toMatchObject({
      id: '103',
      label: 'Агентство кибербезопасности',
      element: 'elements.nodes[2]',
      attributes: { SUID: 103, country: 'RU', Degree: 2 },
    });
    expect(cyjs.edges.at(3)).toMatchObject({
      id: '204',
      source: '105',
      target: '104',
      label: 'هيئة الأمن السيبراني (pp) 网络安全局',
      attributes: { interaction: 'pp', EdgeBetweenness: 4 },
    });
    const strip = (g: typeof cyjs) => ({
      nodes: g.nodes.map(({ position: _p, element: _e, ...n }) => n),
      edges: [...g.edges].map(({ element: _e, ...e }) => e),
    });
    expect(strip(bare)).toEqual(strip(cyjs));
    expect(bare.nodes.every((n) => n.position === null)).toBe(true);
  });

  it("reads what cy.json() returns whole, taking an edge's directed flag from its data", () => {
    const g = parseCyjs(read('cy-json-full.json'));
    expect(g.nodes.map((n) => [n.id, n.label, n.position])).toEqual([
      ['ke', 'Kenya ICT Authority', { x: 10, y: 20 }],
      ['ug', 'Uganda Cyber Forum', { x: 110, y: -5.5 }],
      ['tz', 'Tanzania CERT', { x: 60, y: 95 }],
    ]);
    expect([...g.edges].map((e) => [e.id, e.directed, e.weight])).toEqual([
      ['ke-ug', false, 1.5],
      ['ug-tz', true, null],
    ]);
  });

  it("keeps a compound node's parent, two levels deep", () => {
    const g = parseCyjs(read('cy-json-compound.json'));
    expect(g.nodes.map((n) => [n.id, n.parent])).toEqual([
      ['latam', null],
      ['latam:ar', 'latam'],
      ['latam:ar:ufeci', 'latam:ar'],
      ['latam:mx', 'latam'],
      ['africa', null],
      ['africa:sn', 'africa'],
      ['cis', null],
      ['asia', null],
    ]);
    expect(g.nodes[2]!.label).toBe('Unidad Fiscal Especializada en Ciberdelincuencia');
    expect(g.edges.at(2)).toMatchObject({ id: 'e2', weight: 3, element: '[10]' });
  });
});

describe('parseCyjs shapes', () => {
  const nodes = [
    { data: { id: 'a', name: 'Alpha', weight: 2, tags: ['x', 'y'], meta: { deep: true } }, position: { x: 1, y: 2 } },
    { data: { id: 'b', label: 'Bravo' } },
  ];
  const edges = [{ data: { id: 'e1', source: 'a', target: 'b', weight: 3 } }, { data: { source: 'b', target: 'a' } }];
  const shapes: Record<string, unknown> = {
    'a grouped element array': [...nodes.map((n) => ({ group: 'nodes', ...n })), ...edges.map((e) => ({ group: 'edges', ...e }))],
    'an ungrouped element array': [...nodes, ...edges],
    '{elements: [...]}': { elements: [...nodes, ...edges] },
    '{elements: {nodes, edges}}': { elements: { nodes, edges } },
    '{nodes, edges}': { nodes, edges },
    'a Cytoscape desktop .cyjs': { format_version: '1.0', data: { name: 'net' }, elements: { nodes, edges } },
  };

  it.each(Object.entries(shapes))('reads %s into the same graph', (_name, doc) => {
    const g = parseCyjs(JSON.stringify(doc));
    expect(g.warnings).toEqual([]);
    expect(g.nodes.map(({ id, label, position, parent, attributes }) => ({ id, label, position, parent, attributes }))).toEqual([
      {
        id: 'a',
        label: 'Alpha',
        position: { x: 1, y: 2 },
        parent: null,
        attributes: { weight: 2, tags: ['x', 'y'], meta: '{"deep":true}' },
      },
      { id: 'b', label: 'Bravo', position: null, parent: null, attributes: {} },
    ]);
    expect([...g.edges].map(({ id, source, target, weight }) => ({ id, source, target, weight }))).toEqual([
      { id: 'e1', source: 'a', target: 'b', weight: 3 },
      { id: null, source: 'b', target: 'a', weight: null },
    ]);
  });

  it('names where each element was found', () => {
    const g = parseCyjs(JSON.stringify({ elements: { nodes, edges } }));
    expect(g.nodes[1]!.element).toBe('elements.nodes[1]');
    expect(g.edges.at(0)!.element).toBe('elements.edges[0]');
    expect(parseCyjs(JSON.stringify([...nodes, ...edges])).edges.at(1)!.element).toBe('[3]');
  });

  it('flattens compound nodes with one warning', () => {
    const g = parseCyjs(JSON.stringify([{ data: { id: 'p' } }, { data: { id: 'c1', parent: 'p' } }, { data: { id: 'c2', parent: 'p' } }]));
    expect(g.nodes.map((n) => n.parent)).toEqual([null, 'p', 'p']);
    expect(g.warnings).toEqual([{ message: expect.stringMatching(/compound nodes were flattened/), element: '[1]' }]);
  });

  it('keeps an edge to an undeclared node and names the node', () => {
    const g = parseCyjs(JSON.stringify({ nodes: [{ data: { id: 'a' } }], edges: [{ data: { id: 'e', source: 'a', target: 'ghost' } }] }));
    expect(g.edges).toHaveLength(1);
    expect(g.warnings).toEqual([{ message: 'edge "e" refers to node "ghost", which is not declared', element: 'edges[0]' }]);
  });
});

describe('parseCyjs refusals', () => {
  it('refuses text that is not JSON, saying where', () => {
    expect(refusal(() => parseCyjs('{\n  "elements": [1,\n  2 x]}')).message).toMatch(/^line 3, column 5: not valid JSON/);
    expect(refusal(() => parseCyjs('<graphml/>')).message).toMatch(/not valid JSON.*expected Cytoscape JSON/);
    expect(refusal(() => parseCyjs('')).message).toMatch(/not valid JSON/);
  });

  it.each(['{"foo": 1}', '42', 'null', '"text"', '{"elements": 5}', '{"elements": {}}', '{"nodes": "a"}'])(
    'refuses JSON without Cytoscape elements: %s',
    (text) => {
      expect(refusal(() => parseCyjs(text)).message).toMatch(/JSON without Cytoscape elements/);
    },
  );

  it('refuses a node without an id, naming the element', () => {
    const text = JSON.stringify({ elements: { nodes: [{ data: { id: 'a' } }, { data: { name: 'nameless' } }] } });
    expect(refusal(() => parseCyjs(text)).message).toBe('elements.nodes[1]: a node has no id (data.id)');
  });

  it('refuses an element that is not an object', () => {
    expect(refusal(() => parseCyjs('[{"data":{"id":"a"}}, 7]')).message).toBe('[1]: a node is not an object');
  });

  it('leaves out a node whose id an earlier one has, naming both elements', () => {
    const text = JSON.stringify([{ data: { id: 'a', name: 'Centro' } }, { data: { id: 'b' } }, { data: { id: 'a', name: 'Центр' } }]);
    const g = parseCyjs(text);
    expect(g.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(g.nodes[0]!.label).toBe('Centro');
    expect(g.rejected).toEqual([{ message: 'node id "a" is declared again (first at [0]); this node is left out', element: '[2]' }]);
  });

  it('refuses an edge without both ends', () => {
    const text = JSON.stringify({ nodes: [{ data: { id: 'a' } }], edges: [{ data: { id: 'e', source: 'a' } }] });
    expect(refusal(() => parseCyjs(text)).message).toBe('edges[0]: an edge lacks data.source or data.target');
  });
});
