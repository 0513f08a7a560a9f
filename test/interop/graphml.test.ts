// GraphML import over other tools' real files (../shared/datasets/graphml): every file against
// graphology's counts, and the cases found in them. test/interchange/graphml.test.ts covers the same on our own fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { parseGraphml } from '../../electron/engine/interchange/formats/graphml/read';
import { ImportRefused } from '../../electron/engine/interchange/model/parsed';
import { corpusFiles, everyGraphmlFile, type CountsFromFile } from '../interchange/corpus-checks';
import { refusal } from '../interchange/helpers';
import { DATASETS } from './datasets';

const DATA = join(DATASETS, 'graphml');
const read = (rel: string): string => readFileSync(join(DATA, rel), 'utf8');

const refused = (text: string): ImportRefused => refusal(() => parseGraphml(text));

/** Files refused on purpose, with a pattern the message must match. */
const REFUSED: Record<string, RegExp> = {
  // Hyperedges cannot be represented as node-to-node edges (the ports before them are dropped with a warning).
  'graphinout-tests/graphml-ids.graphml': /line 30, column 9: hyperedges are not supported/,
  'graphinout-tests/graphml-key-data.graphml': /line 94, column 9: hyperedges are not supported/,
  'jgrapht-tests/GraphMLImporterTest_testWithHyperEdges.graphml': /line 14, column 1: hyperedges are not supported/,
  'networkx-tests/hyperedge_raise.graphml': /hyperedges are not supported/,
  // graphinout marks these as invalid GraphML: stray "=====" text between elements.
  'graphinout-tests/greek2--INVALIDgraphml.graphml': /unexpected text "=+/,
  'graphinout-tests/haitimap2--INVALIDgraphml.graphml': /unexpected text "=+/,
  // An element GraphML does not define.
  'graphinout-tests/schema-1--INVALIDgraphml.graphml': /unknown GraphML element <schema-invalid>/,
  'graphinout-tests/invalidgraphml-root.graphml': /root element is <myroot>/,
  // jgrapht's validation tests: misspelt <nOde>/<myedge>, a node without id.
  'jgrapht-tests/GraphMLImporterTest_testValidate.graphml': /unknown GraphML element <nOde>/,
  'jgrapht-tests/SimpleGraphMLImporterTest_testValidate.graphml': /unknown GraphML element <nOde>/,
  'jgrapht-tests/GraphMLImporterTest_testNonValidNoVertexId.graphml': /<node> without an id/,
  'jgrapht-tests/GraphMLImporterTest_testValidateNoNodeId.graphml': /<node> without an id/,
  // networkx raises on both: a non-numeric double, and a foreign namespace on <graphml>.
  'networkx-tests/attribute_numeric_type_invalid_value.graphml': /line 19.*invalid double value "k"/,
  'networkx-tests/graphml_header_line_ugly.graphml': /namespace "https:\/\/ghghgh"/,
};

/**
 * Files graphology-graphml cannot be compared with, so the counts are those of the file itself
 * (its <node> and <edge> elements, counted by hand / grep).
 */
const EXPECTED: CountsFromFile = {
  // A node declared again is left out and listed for the person importing to skip; graphology throws.
  'jgrapht-tests/GraphMLImporterTest_testValidateDuplicateNode.graphml': {
    nodes: 1,
    edges: 0,
    why: 'the repeated node is left out and listed',
  },
  'graphinout-tests/base64.graphml': { nodes: 0, edges: 0, why: 'no <graph>; graphology throws' },
  'graphinout-tests/data-linebreaks.graphml': { nodes: 0, edges: 0, why: 'no <graph>; graphology throws' },
  'graphinout-tests/namespace1.graphml': { nodes: 0, edges: 0, why: 'no <graph>; graphology throws' },
  'graphinout-tests/namespace2.graphml': { nodes: 0, edges: 0, why: 'no <graph>; graphology throws' },
  // Neither an XML nor a GraphML error was found in this reduced file despite its name; it just has no graph.
  'graphinout-tests/with-svg-SIMPLER--INVALIDxml.graphml': { nodes: 0, edges: 0, why: 'no <graph>; graphology throws' },
  'graphinout-tests/graph1.graphml': { nodes: 20, edges: 30, why: 'graphology throws on keys for="graphml"' },
  'graphinout-tests/nested-sample-graph.graphml': { nodes: 55, edges: 50, why: 'graphology throws on yFiles keys' },
  'graphinout-tests/graphml.graphml': { nodes: 3, edges: 3, why: 'edgedefault="edgedefault": graphology throws, we warn' },
  'jgrapht-tests/GraphMLImporterTest_testNestedGraphs.graphml': { nodes: 7, edges: 3, why: 'graphology throws on for="all"' },
  'jgrapht-tests/SimpleGraphMLImporterTest_testNestedGraphs.graphml': { nodes: 7, edges: 3, why: 'graphology throws on for="all"' },
  'jgrapht-tests/GraphMLImporterTest_testWithAttributesCustomNamedWeightedForAllGraphs.graphml': { nodes: 3, edges: 3, why: 'for="all"' },
  'networkx-tests/read_attributes_with_groups.graphml': { nodes: 9, edges: 4, why: 'graphology throws on yFiles keys' },
  'networkx-tests/yfiles_extension.graphml': { nodes: 3, edges: 1, why: 'graphology throws on yFiles keys' },
  // graphology (addMissingNodes) invents the undeclared endpoints; we list declared nodes only.
  'graphology/missing_nodes.graphml': { nodes: 15, edges: 37, why: 'undeclared endpoints not added as nodes' },
  'networkx-tests/simple_undirected_edge_to_undeclared_node.graphml': { nodes: 4, edges: 3, why: 'undeclared endpoint' },
  'networkx-tests/undirected_multigraph_no_multiedge.graphml': { nodes: 4, edges: 3, why: 'undeclared endpoint' },
};

describe('parseGraphml on every dataset file', () => {
  const files = corpusFiles(DATA, { ext: '.graphml' });

  it('finds the dataset', () => {
    expect(files.length).toBeGreaterThan(80);
  });

  everyGraphmlFile({ dir: DATA, files, refused: REFUSED }, EXPECTED);
});

describe('parseGraphml specifics on dataset files', () => {
  it('reads airlines with positions', () => {
    const g = parseGraphml(read('airlines.graphml'));
    expect(g.nodes).toHaveLength(235);
    expect(g.edges).toHaveLength(2101);
    expect(g.directed).toBe(false);
    expect(g.nodes[0]!.position).toEqual({ x: -922.24444, y: -347.29444 });
    expect(g.nodes[0]!.attributes.tooltip).toBe('LIT(lngx=-92.224444,laty=34.729444)');
  });

  it('reads graphinout airportsAndCoord', () => {
    const g = parseGraphml(read('graphinout-tests/airportsAndCoord.graphml'));
    expect(g.nodes).toHaveLength(3373);
    expect(g.edges).toHaveLength(13547);
  });

  it('reads graphology miserables with labels and weights', () => {
    const g = parseGraphml(read('graphology/miserables.graphml'));
    expect(g.nodes).toHaveLength(77);
    expect(g.edges).toHaveLength(254);
    expect(g.warnings).toEqual([]);
    expect(g.nodes.every((n) => typeof n.label === 'string')).toBe(true);
    expect([...g.edges].every((e) => typeof e.weight === 'number')).toBe(true);
  });

  it('keeps data for undeclared keys with a warning (miserables_broken)', () => {
    const g = parseGraphml(read('graphology/miserables_broken.graphml'));
    expect(g.nodes).toHaveLength(77);
    expect(g.warnings.some((w) => /undeclared key "label"/.test(w.message))).toBe(true);
    expect(g.nodes[0]!.label).not.toBeNull();
  });

  it('converts typed keys and applies defaults (graphology attributes)', () => {
    const g = parseGraphml(read('graphology/attributes.graphml'));
    const n1 = g.nodes.find((n) => n.id === 'n1')!;
    expect(n1.attributes.color).toBe('yellow'); // default
    expect(g.nodes.find((n) => n.id === 'n0')!.attributes.color).toBe('green');
    const e0 = [...g.edges].find((e) => e.id === 'e0')!;
    expect(e0.attributes.weight).toBe(1);
    expect(e0.weight).toBe(1);
  });

  it('applies defaults of every type (networkx)', () => {
    const g = parseGraphml(read('networkx-tests/node_attribute_default_all_types.graphml'));
    expect(g.directed).toBe(true);
    for (const n of g.nodes) {
      expect(n.attributes).toEqual({
        boolean_attribute: false,
        int_attribute: 0,
        long_attribute: 0,
        float_attribute: 0,
        double_attribute: 0,
        string_attribute: 'Foo',
      });
    }
  });

  it('reads booleans', () => {
    const g = parseGraphml(read('networkx-tests/bool.graphml'));
    const values = g.nodes.map((n) => Object.values(n.attributes)[0]);
    expect(values.every((v) => typeof v === 'boolean')).toBe(true);
    expect(values).toContain(true);
    expect(values).toContain(false);
  });

  it('honours edge@directed over edgedefault', () => {
    const a = parseGraphml(read('networkx-tests/directed_edge_in_undirected.graphml'));
    expect(a.directed).toBe(false);
    expect([...a.edges].map((e) => e.directed).sort()).toEqual([false, true]);
    const b = parseGraphml(read('networkx-tests/undirected_edge_in_directed.graphml'));
    expect(b.directed).toBe(true);
    expect([...b.edges].map((e) => e.directed).sort()).toEqual([false, true]);
  });

  it('accepts a missing namespace and refuses a foreign one (as networkx)', () => {
    expect(parseGraphml(read('networkx-tests/graphml_header_line_bad.graphml')).nodes[0]!.attributes.test).toBe(true);
    expect(refused(read('networkx-tests/graphml_header_line_ugly.graphml')).message).toMatch(/namespace/);
  });

  it('keeps edges to undeclared nodes, naming edge and node', () => {
    const g = parseGraphml(read('networkx-tests/simple_undirected_edge_to_undeclared_node.graphml'));
    expect(g.edges).toHaveLength(3);
    const w = g.warnings.filter((x) => /undeclared node/.test(x.message));
    expect(w).toHaveLength(1);
    const edge = [...g.edges].find((e) => !g.nodes.some((n) => n.id === e.target) || !g.nodes.some((n) => n.id === e.source))!;
    const missing = g.nodes.some((n) => n.id === edge.source) ? edge.target : edge.source;
    expect(w[0]!.message).toContain(`"${missing}"`);
  });

  it('refuses hyperedges', () => {
    const err = refused(read('networkx-tests/hyperedge_raise.graphml'));
    expect(err.message).toMatch(/hyperedges/);
    expect(err.message).toMatch(/^line 18/);
  });

  it('flattens yEd groups into parents', () => {
    const g = parseGraphml(read('networkx-tests/read_attributes_with_groups.graphml'));
    const parent = (id: string) => g.nodes.find((n) => n.id === id)!.parent;
    expect(parent('n0')).toBeNull();
    expect(parent('n1')).toBeNull();
    expect(parent('n1::n0')).toBe('n1');
    expect(parent('n1::n0::n0')).toBe('n1::n0');
    expect(g.warnings.filter((w) => /flattened/.test(w.message))).toHaveLength(1);
    expect(g.warnings.filter((w) => /yFiles/.test(w.message))).toHaveLength(1);
  });

  it('merges several top-level graphs with a warning', () => {
    const g = parseGraphml(read('graphinout-tests/graphml-structure.graphml'));
    expect(g.warnings.some((w) => /several graphs/.test(w.message))).toBe(true);
  });

  it('reads the entity-declarations files: they hold escaped text (&amp;Eacute;), no DOCTYPE', () => {
    const g = parseGraphml(read('graphinout-tests/entity-declarations3.graphml'));
    expect(g.nodes[0]!.attributes).toEqual({ country1: 'M&X', country2: 'M&quot;X', country3: 'M&Eacute;XICO#MEXICO' });
  });

  it('records where nodes and edges are', () => {
    const g = parseGraphml(read('networkx-tests/key_raise.graphml'));
    expect(g.nodes[0]).toMatchObject({ id: 'n0', line: 11 });
    expect(g.edges.at(0)).toMatchObject({ id: 'e0', line: 18 });
  });
});
