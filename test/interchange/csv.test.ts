// CSV in and out: the parser's line numbers and refusals, formula-safe output, Atlas's own
// per-record-type files round-tripping whole networks, and other tools' edge lists read as graphs
// (our fixtures in test/fixtures/csv; jgrapht's and networkx's own files in test/interop/csv.test.ts).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import type { Bundle } from '../../electron/engine/interchange/model/bundle';
import { parseCsv, writeCsv } from '../../electron/engine/interchange/formats/csv/text';
import { csvFilesToBundle } from '../../electron/engine/interchange/formats/csv/read';
import { csvFilesOf } from '../../electron/engine/interchange/formats/csv/write';
import { csvToGraph, guessMapping, readCsvGraph } from '../../electron/engine/interchange/formats/csv/node-edge-lists';
import { buildFixture, openEngine, tempDir } from '../engine/helpers';
import { expectHeaderlessEdgeList, NOT_AN_EDGE_LIST, ONE_COLUMN } from './corpus-checks';
import { networkBundle, refusal } from './helpers';

const FIXTURES = resolve(__dirname, '../fixtures/csv');

describe('parseCsv', () => {
  it('detects comma, semicolon, tab and pipe', () => {
    for (const d of [',', ';', '\t', '|']) {
      const t = parseCsv(`name${d}country\nAlpha${d}GH\nBravo${d}KE\n`);
      expect(t.delimiter).toBe(d);
      expect(t.headers).toEqual(['name', 'country']);
      expect(t.rows).toEqual([
        { line: 2, cells: { name: 'Alpha', country: 'GH' } },
        { line: 3, cells: { name: 'Bravo', country: 'KE' } },
      ]);
    }
  });

  it('reads the same with and without a BOM, and skips empty lines keeping line numbers', () => {
    const text = 'a,b\r\n\r\n1,2\r\n   \r\n3,4\r\n';
    expect(parseCsv(`\ufeff${text}`)).toEqual(parseCsv(text));
    expect(parseCsv(text).rows.map((r) => r.line)).toEqual([3, 5]);
    expect(parseCsv(`\ufeff${text}`).headers).toEqual(['a', 'b']);
  });

  it('reads quoted commas, quotes and newlines, with the right line after them', () => {
    const text = 'name;note;n\n"Alpha, Inc";"said ""hi""";1\n"multi\nline\nname";"x;y";2\nlast;z;3\n';
    const t = parseCsv(text);
    expect(t.rows).toEqual([
      { line: 2, cells: { name: 'Alpha, Inc', note: 'said "hi"', n: '1' } },
      { line: 3, cells: { name: 'multi\nline\nname', note: 'x;y', n: '2' } },
      { line: 6, cells: { name: 'last', note: 'z', n: '3' } },
    ]);
    expect(parseCsv('a,b\r\n"1\r\n\r\n2",x\r\n\r\n3,y\r\n').rows.map((r) => r.line)).toEqual([2, 6]);
  });

  it('fills missing cells with empty text', () => {
    expect(parseCsv('a,b,c\n1\n').rows[0]!.cells).toEqual({ a: '1', b: '', c: '' });
  });

  it('refuses what it cannot read, saying where', () => {
    expect(refusal(() => parseCsv('', 'x.csv')).message).toMatch(/x\.csv is empty/);
    expect(refusal(() => parseCsv('\ufeff\n\n  \n')).message).toMatch(/empty/);
    expect(refusal(() => parseCsv('a,,c\n1,2,3')).message).toMatch(/line 1, column 2: .*no name/);
    expect(refusal(() => parseCsv('a,b,a\n1,2,3')).message).toMatch(/line 1, column 3: .*"a" twice \(columns 1 and 3\)/);
    const long = refusal(() => parseCsv('a,b\n1,2\n"x\ny",2,3\n'));
    expect(long.location.line).toBe(3);
    expect(long.message).toMatch(/3 cells but the header names only 2/);
    expect(refusal(() => parseCsv('a,b\n1,2\0\n')).message).toMatch(/not a text file/);
    expect(refusal(() => parseCsv('PK\u0003\u0004\u0014\u0000')).message).toMatch(/not a text file/);
    expect(refusal(() => parseCsv('a,b\n1,"open\n')).location.line).toBe(2);
  });
});

describe('writeCsv', () => {
  it('quotes per RFC 4180 with CRLF and a BOM', () => {
    const out = writeCsv(
      ['a', 'b'],
      [
        ['x, y', 'say "hi"'],
        ['two\nlines', null],
        [3, true],
      ],
    );
    expect(out).toBe('\ufeffa,b\r\n"x, y","say ""hi"""\r\n"two\nlines",\r\n3,true\r\n');
  });

  it('neutralises formulas, and a re-read shows them as apostrophe-prefixed text', () => {
    const cells = ["=cmd|' /C calc'!A0", '+1', '-2+3', '@SUM(1)', '\tx', "'=x"];
    const out = writeCsv(
      ['v', 'n'],
      cells.map((c) => [c, -2]),
    );
    const back = parseCsv(out).rows;
    expect(back.map((r) => r.cells.v)).toEqual(cells.map((c) => `'${c}`));
    // A number we write as a number is data, not a formula.
    expect(back.map((r) => r.cells.n)).toEqual(cells.map(() => '-2'));
  });
});

// ---------- Atlas's per-record-type files ----------

let engine: Engine;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  engine = openEngine(`${t.dir}/csv.sqlite`);
});
afterEach(() => {
  engine.close();
  cleanup();
});

/** Text that breaks naive CSV writers and spreadsheets. */
function addTrickyRecords(e: Engine): void {
  e.call('organisation.create', {
    id: 'TRICKY',
    name: '=1+1, "quoted"\nsecond line 🛡️ Ελληνικά 日本語 عربي',
    acronym: "'=already quoted",
    sector: 'other',
    description: '-2+3; @SUM(1)\r\n\ttabbed',
    tags: ['a;b', '-minus', 'ü', '[bracket'],
    // List attributes are lists of text in every export (GEXF's liststring has no other kind).
    attributes: { note: '=HYPERLINK("x")', n: -3, ok: true, list: ['x', '1'] },
  });
  e.call('relation.create', { id: 'R-TRICKY', sourceId: 'TRICKY', targetId: 'A', type: 'other', description: '+cmd' });
  const source = e.call('source.create', { title: '@source, with "quotes"', url: 'https://example.org/a?b=1,2' });
  e.call('citation.create', { sourceId: source.id, recordType: 'organisation', recordId: 'TRICKY', locator: 'p. 3\n§ 2' });
}

/** Export, then read back the record files, as an import of the export folder does (nodes.csv and edges.csv are for other tools). */
function csvRoundTrip(bundle: Bundle): Bundle {
  const { 'nodes.csv': _nodes, 'edges.csv': _edges, ...records } = csvFilesOf(bundle);
  return csvFilesToBundle(Object.fromEntries(Object.entries(records).map(([name, text]) => [name, parseCsv(text, name)])));
}

describe('per-record-type CSV files', () => {
  it('round-trips the fixture network with tricky text exactly', () => {
    buildFixture(engine);
    addTrickyRecords(engine);
    const bundle = networkBundle(engine);
    expect(bundle.citations).toHaveLength(1);
    const files = csvFilesOf(bundle);
    expect(Object.keys(files)).toEqual([
      'organisations.csv',
      'partnerships.csv',
      'memberships.csv',
      'events.csv',
      'participations.csv',
      'relations.csv',
      'sources.csv',
      'citations.csv',
      'nodes.csv',
      'edges.csv',
    ]);
    // What a spreadsheet sees: the formula is text.
    const tricky = parseCsv(files['organisations.csv']!).rows.find((r) => r.cells.id === 'TRICKY')!;
    expect(tricky.cells.name!.startsWith("'=1+1")).toBe(true);
    expect(tricky.cells.tags).toBe('["a;b","-minus","ü","[bracket"]');
    expect(csvRoundTrip(bundle)).toEqual(bundle);
  });

  it('round-trips the seed network', () => {
    engine.seed();
    const bundle = networkBundle(engine);
    expect(bundle.organisations.length).toBeGreaterThan(0);
    expect(csvRoundTrip(bundle)).toEqual(bundle);
  });

  it.each([1, 2, 3, 4, 5])('round-trips generated network %i', (seed) => {
    engine.generate({ organisations: 80, seed });
    const bundle = networkBundle(engine);
    expect(bundle.organisations).toHaveLength(80);
    expect(csvRoundTrip(bundle)).toEqual(bundle);
  });

  it('recognises files by name suffix or by their columns', () => {
    buildFixture(engine);
    const bundle = networkBundle(engine);
    const files = csvFilesOf(bundle);
    const back = csvFilesToBundle({
      'export/2024 organisations.csv': parseCsv(files['organisations.csv']!),
      'untitled.csv': parseCsv(files['relations.csv']!),
    });
    expect(back.organisations).toEqual(bundle.organisations);
    expect(back.relations).toEqual(bundle.relations);
    expect(back.partnerships).toEqual([]);
  });

  it('refuses a row that breaks the schema, naming file, line and field', () => {
    buildFixture(engine);
    const text = csvFilesOf(networkBundle(engine))['organisations.csv']!.replace(',government,', ',ministry,');
    const e = refusal(() => csvFilesToBundle({ 'organisations.csv': parseCsv(text) }));
    expect(e.message).toMatch(/^line 2, column 4: organisations\.csv: sector: /);
    const files = csvFilesOf(networkBundle(engine));
    const date = files['partnerships.csv']!.replace(',2018,', ',2018/01,');
    expect(refusal(() => csvFilesToBundle({ 'partnerships.csv': parseCsv(date) })).message).toMatch(
      /^line \d+, column 6: partnerships\.csv: startDate: /,
    );
    const country = files['organisations.csv']!.replace(',GH,', ',Ghana,');
    expect(refusal(() => csvFilesToBundle({ 'organisations.csv': parseCsv(country) })).message).toMatch(
      /column 5: .*country: A country is its ISO/,
    );
    const bad = parseCsv('id,name,colour\nX,Y,red\n');
    // Columns past an organisation's fields are its attributes; a membership has none.
    expect(refusal(() => csvFilesToBundle({ 'memberships.csv': bad })).message).toMatch(/"name" is not a field of memberships/);
    expect(refusal(() => csvFilesToBundle({ 'people.csv': bad })).message).toMatch(/not one of Atlas's record files/);
  });

  it('writes a node list and an edge list that read back as a graph', () => {
    buildFixture(engine);
    const bundle = networkBundle(engine);
    const out = csvFilesOf(bundle);
    const nodes = parseCsv(out['nodes.csv']!, 'nodes.csv');
    const edges = parseCsv(out['edges.csv']!, 'edges.csv');
    expect(nodes.headers).toEqual([
      'id',
      'type',
      'name',
      'acronym',
      'sector',
      'kind',
      'country',
      'city',
      'website',
      'tags',
      'start',
      'end',
    ]);
    expect(edges.headers).toEqual(['id', 'source', 'target', 'type', 'role', 'start', 'end']);
    const graph = csvToGraph(nodes, edges, guessMapping(nodes, edges));
    expect(graph.nodes).toHaveLength(6 + 2 + 2);
    expect(graph.edges).toHaveLength(5 + 4 + 1);
    expect(graph.warnings).toEqual([]);
    expect(graph.nodes.find((n) => n.id === 'A')).toMatchObject({
      label: 'Alpha Ministry of Communications',
      attributes: { country: 'GH', sector: 'government', type: 'organisation' },
    });
    expect([...graph.edges].find((e) => e.id === 'R1')).toMatchObject({
      source: 'A',
      target: 'E',
      start: '2015',
      attributes: { type: 'funds' },
    });
  });
});

// ---------- other tools' node and edge lists ----------

const raw = (rel: string): string => readFileSync(join(FIXTURES, rel), 'utf8');
const readFile = (rel: string) => readCsvGraph({ name: rel, text: raw(rel) });

describe('edge lists from other tools', () => {
  it.each([
    ['edge-list-comma.csv', ','],
    ['edge-list-semicolon.csv', ';'],
    ['edge-list-weighted.csv', ','],
  ])('reads %s as a header-less edge list', (file, delimiter) => {
    const graph = readFile(file);
    expectHeaderlessEdgeList(graph, raw(file), delimiter);
    expect({ nodes: graph.nodes.length, edges: graph.edges.length }).toEqual({ nodes: 4, edges: 5 });
    expect(graph.edges.at(0)).toMatchObject({ source: 'ngCERT', target: 'CERT-GH', line: 1 });
    expect(graph.edges.at(3)).toMatchObject({ source: 'CERT-SN', target: 'ngCERT', line: 4 });
  });

  it('reads weights of the weighted edge list', () => {
    expect([...readFile('edge-list-weighted.csv').edges].map((e) => e.weight)).toEqual([1, 2.5, 3, 0.5, 4]);
  });

  it('reads quoted multi-line node names with the right lines', () => {
    // Four rows, one per edge, between 4 distinct names; the quoted names span two lines each, and
    // single quotes are part of a name, not CSV quoting.
    const graph = readFile('edge-list-quoted-multiline.csv');
    expect(graph.nodes.map((n) => n.id)).toEqual(["'Abidjan Lab'", 'Agencia', 'Agencia\n"Norte"', 'Центр;;']);
    expect([...graph.edges].map((e) => [e.source, e.target, e.line])).toEqual([
      ["'Abidjan Lab'", 'Agencia', 1],
      ['Agencia', 'Agencia\n"Norte"', 2],
      ['Agencia\n"Norte"', 'Центр;;', 4],
      ['Центр;;', "'Abidjan Lab'", 6],
    ]);
  });

  // Adjacency lists (rows of varying length) and matrices (empty corner cell, or the header
  // repeating the first column, or square rows of more than three cells) are not edge lists.
  it.each([
    'adjacency-list.csv',
    'adjacency-list-weighted.csv',
    'matrix-no-ids.csv',
    'matrix-no-ids-empty-cells.csv',
    'matrix-no-ids-weighted.csv',
    'matrix-empty-corner.csv',
    'matrix-shuffled-rows.csv',
    'matrix-tab-quoted-ids.csv',
    'matrix-blank-header-id.csv',
  ])('refuses %s: adjacency lists and matrices are not supported', (file) => {
    const e = refusal(() => readFile(file));
    expect(e.message).toMatch(NOT_AN_EDGE_LIST);
    expect(e.message).toMatch(new RegExp(`^line 1: ${file.replace(/\./g, '\\.')}: `));
  });

  it('refuses a matrix whose header repeats the first column even without an empty corner', () => {
    const text = 'x;A;B;C\nA;0;1;0\nB;0;0;1\nC;1;0;0\n';
    expect(refusal(() => readCsvGraph({ name: 'm.csv', text })).message).toMatch(/adjacency matrices are not supported/);
  });

  // networkx writes edge lists separated by spaces; Atlas reads the separators spreadsheets use,
  // so these come out as one column and are refused with the reason.
  it.each(['networkx-space-separated.edgelist', 'networkx-weighted.edgelist'])('refuses space-separated %s', (file) => {
    expect(refusal(() => readFile(file)).message).toMatch(ONE_COLUMN);
  });

  it('maps a hand-written node list and edge list by guessed column names', () => {
    const nodes = parseCsv(
      'Organisation;Country;Sector;Budget\nAlpha Ministry;GH;government;100\nBravo Forum;KE;ngo;\nCharlie Inc;US;company;5\n',
      'nodes.csv',
    );
    const edges = parseCsv(
      'From,To,Weight,Kind,Since,Until,Note\nAlpha Ministry,Bravo Forum,2,funds,2019,2021-02,"yes, really"\nBravo Forum,Charlie Inc,x,,2019/05,,\nCharlie Inc,Delta,,,,,\n',
      'edges.csv',
    );
    const mapping = guessMapping(nodes, edges);
    expect(mapping).toEqual({
      nodes: { name: 'Organisation', country: 'Country', sector: 'Sector' },
      edges: { source: 'From', target: 'To', weight: 'Weight', type: 'Kind', start: 'Since', end: 'Until' },
    });
    const graph = csvToGraph(nodes, edges, mapping);
    expect(graph.nodes[0]).toEqual({
      id: 'Alpha Ministry',
      label: 'Alpha Ministry',
      line: 2,
      start: null,
      end: null,
      position: null,
      parent: null,
      attributes: { Budget: '100', country: 'GH', sector: 'government' },
    });
    expect(graph.edges.at(0)).toMatchObject({
      source: 'Alpha Ministry',
      target: 'Bravo Forum',
      weight: 2,
      start: '2019',
      end: '2021-02',
      line: 2,
      attributes: { type: 'funds', Note: 'yes, really' },
    });
    expect(graph.edges.at(1)).toMatchObject({ weight: null, start: null, attributes: { Weight: 'x', Since: '2019/05' } });
    expect(graph.edges).toHaveLength(3);
    expect(graph.warnings.map((w) => [w.line, w.message])).toEqual([
      [3, 'edges.csv: weight "x" is not a number; kept as an attribute'],
      [3, 'edges.csv: "2019/05" in Since is not a date written YYYY, YYYY-MM or YYYY-MM-DD; kept as an attribute'],
      [4, 'edges.csv: "Delta" is not in the node list'],
    ]);
  });

  it('leaves out, and lists for skipping, a repeated node id and an edge without both ends', () => {
    const nodes = parseCsv('id,name\nn1,One\nn2,Two\nn1,Again\n', 'nodes.csv');
    const graph = csvToGraph(nodes, null, guessMapping(nodes, null));
    expect(graph.nodes.map((n) => n.label)).toEqual(['One', 'Two']);
    expect(graph.rejected).toEqual([{ line: 4, message: 'nodes.csv: node "n1" is listed again (first on line 2)' }]);
    const edges = parseCsv('source,target\na,b\n,c\n', 'edges.csv');
    const ends = csvToGraph(null, edges, guessMapping(null, edges));
    expect(ends.edges).toHaveLength(1);
    expect(ends.rejected).toEqual([{ line: 3, message: 'edges.csv: this edge has no source' }]);
  });

  it("reads Gephi's data laboratory export, its node table and its edge table, by their column names", () => {
    const graph = readCsvGraph(
      { name: 'gephi-edges.csv', text: raw('gephi-edges.csv') },
      { name: 'gephi-nodes.csv', text: raw('gephi-nodes.csv') },
    );
    expect(graph.warnings).toEqual([]);
    expect(graph.nodes.map((n) => n.label)).toEqual([
      'Centro Nacional de Ciberseguridad',
      'Observatoire des menaces, Dakar',
      'Лаборатория цифровой криминалистики',
      '国家互联网应急中心',
      'الفريق الوطني للاستجابة لطوارئ الحاسب',
      'Fundación "Internet Segura"',
    ]);
    // The empty timeset column is left out; the others are kept as text.
    expect(graph.nodes[1]).toMatchObject({
      id: '1',
      line: 3,
      attributes: { country: 'Senegal', sector: 'civil society', modularity_class: '1' },
    });
    expect(graph.edges).toHaveLength(7);
    expect(graph.edges.at(3)).toMatchObject({
      id: '3',
      source: '2',
      target: '3',
      weight: 2.5,
      line: 5,
      attributes: { type: 'Undirected' },
    });
  });

  it('reads what Excel saves as CSV UTF-8 in a French or Spanish locale: BOM, semicolons, CRLF, line breaks in cells', () => {
    const nodes = parseCsv(raw('excel-partners.csv'), 'excel-partners.csv');
    expect(nodes.delimiter).toBe(';');
    expect(nodes.headers).toEqual(['Organisation', 'Country', 'Sector', 'Budget (€)', 'Notes']);
    // Rows 4 and 6 hold a line break in their notes, so the rows after them start a line later.
    expect(nodes.rows.map((r) => r.line)).toEqual([2, 3, 4, 6, 7]);
    expect(nodes.rows[1]!.cells.Notes).toBe('Atiende bancos; también hospitales');
    expect(nodes.rows[2]!.cells).toEqual({
      Organisation: 'Ассоциация "Безопасный интернет"',
      Country: 'Russia',
      Sector: 'civil society',
      'Budget (€)': '',
      Notes: 'Основана в 2012.\nРаботает с школами.',
    });
    const graph = readCsvGraph(
      { name: 'excel-ties.csv', text: raw('excel-ties.csv') },
      { name: 'excel-partners.csv', text: raw('excel-partners.csv') },
    );
    expect(graph.warnings).toEqual([]);
    expect(graph.nodes[0]).toMatchObject({
      id: 'Agence nationale de cybersécurité',
      attributes: { 'Budget (€)': '1 250,50', country: 'FR', sector: 'government' },
    });
    expect([...graph.edges].map((e) => [e.source, e.target, e.start, e.attributes.type])).toEqual([
      ['Agence nationale de cybersécurité', 'Centro de Respuesta a Incidentes', '2019', 'trains'],
      ['Centro de Respuesta a Incidentes', 'Ассоциация "Безопасный интернет"', '2021-06', 'collaborates_with'],
      ['مرصد الحقوق الرقمية', '网络安全研究院', null, 'collaborates_with'],
      ['Agence nationale de cybersécurité', 'مرصد الحقوق الرقمية', '2018', 'funds'],
    ]);
  });

  it('creates nodes from the endpoints of an edge list with a header', () => {
    const graph = readCsvGraph({ name: 'e.csv', text: 'Source\tTarget\tType\nx\ty\tfunds\ny\tz\t\n' });
    expect(graph.nodes.map((n) => [n.id, n.label, n.line])).toEqual([
      ['x', 'x', 2],
      ['y', 'y', 2],
      ['z', 'z', 3],
    ]);
    expect(graph.warnings).toEqual([]);
  });
});
