// Edge lists, adjacency lists and matrices as jgrapht's and networkx's tests and examples write them
// (../shared/datasets/csv). test/interchange/csv.test.ts covers the same on our own fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvGraph } from '../../electron/engine/interchange/formats/csv/node-edge-lists';
import { expectHeaderlessEdgeList, NOT_AN_EDGE_LIST, ONE_COLUMN } from '../interchange/corpus-checks';
import { refusal } from '../interchange/helpers';
import { DATASETS as ALL } from './datasets';

const DATASETS = join(ALL, 'csv');

const raw = (rel: string): string => readFileSync(join(DATASETS, rel), 'utf8');
const readFile = (rel: string) => readCsvGraph({ name: rel, text: raw(rel) });

describe('edge lists from other tools', () => {
  const jg = 'jgrapht-csv-tests/CSVImporterTest_';
  it.each([
    ['testEdgeListDirectedUnweighted.csv', ','],
    ['testEdgeListDirectedUnweightedWithSemicolon.csv', ';'],
    ['testEdgeListDirectedWeighted.csv', ','],
  ])('reads %s as a header-less edge list', (file, delimiter) => {
    const graph = readFile(`${jg}${file}`);
    expectHeaderlessEdgeList(graph, raw(`${jg}${file}`), delimiter);
    expect(graph.edges.at(0)).toMatchObject({ source: '1', target: '2', line: 1 });
    expect(graph.edges.at(3)).toMatchObject({ source: '4', target: '1', line: 4 });
  });

  it('reads weights of the weighted edge list', () => {
    expect([...readFile(`${jg}testEdgeListDirectedWeighted.csv`).edges].map((e) => e.weight)).toEqual([1, 2, 3, 4]);
  });

  it('reads quoted multi-line node names with the right lines', () => {
    // Four rows, one per edge, between 4 distinct names; the quoted names span two lines each.
    const graph = readFile(`${jg}testEdgeListWithStringsDirectedUnweightedWithSemicolon.csv`);
    expect(graph.nodes.map((n) => n.id)).toEqual(["'john doe'", 'fred', 'fred\n"21"', 'who;;']);
    expect([...graph.edges].map((e) => [e.source, e.target, e.line])).toEqual([
      ["'john doe'", 'fred', 1],
      ['fred', 'fred\n"21"', 2],
      ['fred\n"21"', 'who;;', 4],
      ['who;;', "'john doe'", 6],
    ]);
  });

  // Adjacency lists (rows of varying length) and matrices (empty corner cell, or the header
  // repeating the first column, or square rows of more than three cells) are not edge lists.
  it.each([
    'testAdjacencyListDirectedUnweightedWithSemicolon.csv',
    'testAdjacencyListDirectedWeightedWithSemicolon.csv',
    'testDirectedMatrixNoNodeId.csv',
    'testDirectedMatrixNoNodeIdMissingEntries.csv',
    'testDirectedMatrixNoNodeIdWeighted.csv',
    'testDirectedMatrixNoNodeIdZeroNoEdge.csv',
    'testDirectedMatrixNoNodeIdZeroNoEdgeWeighted.csv',
    'testDirectedMatrixNodeIdZeroNoEdge.csv',
    'testDirectedMatrixNodeIdZeroNoEdgeShuffled.csv',
    'testDirectedMatrixNodeIdZeroNoEdgeShuffledAndTabDelimiter.csv',
    'testDirectedMatrixNodeIdZeroNoEdgeWeightedShuffledZeroWeightsAsDouble.csv',
    'testDoubleOnUnweighted.csv',
    'testWrongHeaderNodeIds.csv',
  ])('refuses %s: adjacency lists and matrices are not supported', (file) => {
    expect(refusal(() => readFile(`${jg}${file}`)).message).toMatch(NOT_AN_EDGE_LIST);
  });

  // networkx writes edge lists separated by spaces; Atlas reads the separators spreadsheets use,
  // so these come out as one column and are refused with the reason.
  it.each(['networkx-examples/hartford_drug.edgelist', 'networkx-examples/lanl_routes.edgelist'])('refuses space-separated %s', (file) => {
    expect(refusal(() => readFile(file)).message).toMatch(ONE_COLUMN);
  });
});
