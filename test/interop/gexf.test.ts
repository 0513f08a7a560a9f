// GEXF import over other tools' real files (../shared/datasets/gexf): every file against graphology's
// counts, and the cases found in them. test/interchange/gexf.test.ts covers the same on our own fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGexf } from '../../electron/engine/interchange/formats/gexf/read';
import type { ParsedGraph } from '../../electron/engine/interchange/model/parsed';
import { corpusFiles, everyGexfFile, type CountsFromFile } from '../interchange/corpus-checks';
import { DATASETS as ALL } from './datasets';

const DATASETS = join(ALL, 'gexf');

const read = (rel: string): string => readFileSync(join(DATASETS, rel), 'utf8');
const parseFile = (rel: string): ParsedGraph => parseGexf(read(rel));
/** A graph with its edges as a list of objects, to compare whole. */
const listed = (g: ParsedGraph) => ({ ...g, edges: [...g.edges] });

/** Files we refuse, with a pattern the message must match and why. */
const REFUSED: Record<string, RegExp> = {
  // networkx's own test expects this to raise: "graph" is not an attribute class in GEXF.
  'networkx-tests/unknown_attribute_class_raises.gexf': /line 4.*unknown attribute class "graph"/,
  // Primer listings of just the header: the body is a literal "..." and there is no <graph>
  // (graphology crashes on them too), so there is nothing that could be imported.
  'gephi-gexf-spec/primer_1.2draft_header.gexf': /no <graph> element/,
  'gephi-gexf-spec/primer_1.3_header.gexf': /no <graph> element/,
};

/**
 * Where our counts differ from graphology's on purpose, the numbers read from the file itself.
 * graphology (MultiGraph, addMissingNodes) is the reference everywhere else.
 */
const EXPECTED_FROM_FILE: CountsFromFile = {
  // graphology invents the 4 undeclared endpoints (2, 4, 5, 6); we keep only the 2 declared nodes
  // and warn, so the mapping step can decide.
  'graphology/missing_nodes.gexf': { nodes: 2, edges: 4, why: 'undeclared endpoints not invented' },
  // These three reuse edge id "1" for two different edges; graphology throws on the key clash, we
  // keep both edges (ids are advisory) with a warning: 3 nodes, 3 <edge> elements.
  'jgrapht-tests/SimpleGEXFImporterTest_testValidate.gexf': { nodes: 3, edges: 3, why: 'duplicate edge id' },
  'jgrapht-tests/SimpleGEXFImporterTest_testVertexFactory.gexf': { nodes: 3, edges: 3, why: 'duplicate edge id' },
  'jgrapht-tests/SimpleGEXFImporterTest_testWithAttributesWeightedGraphs.gexf': {
    nodes: 3,
    edges: 3,
    why: 'duplicate edge id',
  },
};

describe('parseGexf on every dataset file', () => {
  // The xsd folders hold the schemas, not graphs.
  const files = corpusFiles(DATASETS, { ext: '.gexf', skipFolder: (name) => name.startsWith('xsd') });

  it('finds the dataset files', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  everyGexfFile({ dir: DATASETS, files, refused: REFUSED }, EXPECTED_FROM_FILE);
});

describe('parseGexf specifics on dataset files', () => {
  it('reads les_miserables with positions', () => {
    const g = parseFile('graphology/les_miserables.gexf');
    expect(g.nodes).toHaveLength(77);
    expect(g.edges).toHaveLength(254);
    expect(g.nodes.every((n) => n.position !== null)).toBe(true);
    expect(g.nodes[0]!.position!.x).toBeTypeOf('number');
    expect(g.edges.at(0)!.line).toBeGreaterThan(g.nodes[76]!.line!);
  });

  it('turns the 1.3 dynamic primer times into partial dates', () => {
    const g = parseFile('gephi-gexf-spec/primer_1.3_dynwebgraph.gexf');
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    expect(byId.get('0')!.start).toBe('2009-03-01');
    expect(byId.get('0')!.end).toBeNull();
    expect(byId.get('2')!.end).toBe('2009-03-10');
    expect(g.edges.at(1)).toMatchObject({ start: '2009-03-01', end: '2009-03-10', id: null, directed: true });
    // The declared default applies where the node has no value of its own.
    expect(byId.get('0')!.attributes.frog).toBe(true);
    expect(byId.get('3')!.attributes.frog).toBe(false);
  });

  it('reads GEXF 1.2 pipe lists as arrays', () => {
    const g = parseFile('graphology/liststring.gexf');
    expect(g.nodes[0]!.attributes.types).toEqual(['cooking', 'money']);
    expect(g.nodes[1]!.attributes.types).toEqual(['money']);
    expect(g.nodes[0]!.attributes.indegree).toBe(1);
  });

  it('reads GEXF 1.3 bracketed lists as arrays', () => {
    const g = parseFile('graphology/v1_3.gexf');
    const a = g.nodes[0]!.attributes;
    expect(a.raw).toEqual(['a', 'b', 'c']);
    expect(a.double).toEqual(['a', 'b', 'c']);
    expect(a.mixed).toEqual(['a', 'b', 'c']);
    expect(a.pipe).toEqual(['a', 'b', 'c']);
    expect(a.booleans).toEqual([true, false, false]);
    expect(a.numbers).toEqual([1, 1.5, 2]);
    expect(g.edges.at(0)!.attributes.kind).toBe('likes');
  });

  it('keeps ids that differ only in case distinct', () => {
    // case.gexf's trap is capitalised attribute ids (Gender, Position) that a case-insensitive
    // lookup would confuse with the viz <position> element or merge with lower-case keys.
    const g = parseFile('graphology/case.gexf');
    expect(new Set(g.nodes.map((n) => n.id)).size).toBe(10);
    expect(g.nodes[0]!.attributes).toEqual({
      name: 'Britta Witzel',
      status: 'Submitted',
      list: 'Respondent',
      Gender: 'Female',
      Position: 'VP',
    });
    expect(g.nodes[0]!.position).toBeNull();
    // Two node ids differing only in case, written inline, are in test/interchange/gexf.test.ts.
  });

  it('keeps edges to undeclared nodes and names the missing nodes', () => {
    const g = parseFile('graphology/missing_nodes.gexf');
    expect(g.nodes.map((n) => n.id)).toEqual(['0', '1']);
    expect(g.edges).toHaveLength(4);
    const text = g.warnings.map((w) => w.message).join('\n');
    for (const missing of ['2', '4', '5', '6']) expect(text).toContain(`node "${missing}"`);
    expect(text).toContain('edge "3"');
  });

  it('keeps undeclared attvalues under their id with a warning', () => {
    const g = parseFile('networkx-tests/key_raises.gexf');
    expect(g.nodes[0]!.attributes['0']).toBe('1');
    expect(g.warnings.some((w) => /"0".*not declared/.test(w.message))).toBe(true);
  });

  it('lets the edge type override the default', () => {
    expect(listed(parseFile('networkx-tests/undirected_edge_in_directed.gexf'))).toMatchObject({
      directed: true,
      edges: [{ directed: false }],
    });
    expect(listed(parseFile('networkx-tests/directed_edge_in_undirected.gexf'))).toMatchObject({
      directed: false,
      edges: [{ directed: true }],
    });
    const mixed = parseFile('graphology/mixed.gexf');
    expect([...mixed.edges].map((e) => e.directed)).toEqual([true, true, false]);
    expect(mixed.edges.at(1)).toMatchObject({ weight: 4.56, label: 'Nice edge' });
  });

  it('flattens nested nodes, keeping the enclosing node as parent', () => {
    const g = parseFile('jgrapht-tests/SimpleGEXFImporterTest_testIgnoringNested.gexf');
    expect(g.nodes.find((n) => n.id === '4')!.parent).toBe('1');
    expect(g.nodes.find((n) => n.id === '2')!.parent).toBeNull();
    expect(g.warnings.filter((w) => /flattened/.test(w.message))).toHaveLength(1);
    // A parent given by pid, written inline, is in test/interchange/gexf.test.ts.
  });

  it('accepts the old gephi.org namespace and a broken viz namespace', () => {
    const arctic = parseFile('graphology/arctic.gexf');
    expect(arctic.nodes[0]!.position).toEqual({ x: -113.203964, y: 30.300962 });
    expect(arctic.nodes[0]!.attributes.occurrences).toBe(1);
    expect(parseFile('graphology/pedantic.gexf').nodes).toHaveLength(0);
  });
});
