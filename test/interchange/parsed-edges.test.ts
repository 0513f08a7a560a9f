// The parsers keep edges by columns (model/parsed.ts): what goes in as an edge object must
// come back the same, one edge at a time and column by column, on every fixture file of every
// format, and through the changes the parsers make after reading (GEXF's attributes and times,
// CSV's ends renamed and edges left out).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvGraph } from '../../electron/engine/interchange/formats/csv/node-edge-lists';
import { parseCyjs } from '../../electron/engine/interchange/formats/cyjs/read';
import { parseGexf } from '../../electron/engine/interchange/formats/gexf/read';
import { parseGraphml } from '../../electron/engine/interchange/formats/graphml/read';
import { parseGraphology } from '../../electron/engine/interchange/formats/graphology/read';
import { ParsedEdges, type ParsedEdge, type ParsedGraph } from '../../electron/engine/interchange/model/parsed';

const FIXTURES = resolve(__dirname, '../fixtures');
const PARSERS: [string, RegExp, (text: string, name: string) => ParsedGraph][] = [
  ['gexf', /\.gexf$/, (t) => parseGexf(t)],
  ['graphml', /\.graphml$/, (t) => parseGraphml(t)],
  ['cytoscape', /\.(json|cyjs)$/, (t) => parseCyjs(t)],
  ['graphology', /\.json$/, (t) => parseGraphology(t)],
  ['csv', /\.csv$/, (t, name) => readCsvGraph({ name, text: t })],
];

/** The fixture files a parser reads without refusing them (refused ones have no edges to compare). */
function parsedFixtures(): [string, ParsedGraph][] {
  const out: [string, ParsedGraph][] = [];
  for (const [folder, pattern, parse] of PARSERS) {
    const dir = join(FIXTURES, folder);
    for (const name of readdirSync(dir)) {
      if (!pattern.test(name) || !statSync(join(dir, name)).isFile()) continue;
      try {
        out.push([`${folder}/${name}`, parse(readFileSync(join(dir, name), 'utf8'), name)]);
      } catch {
        // refused: tested with its message elsewhere
      }
    }
  }
  return out;
}

const extraOf = (e: ParsedEdge) =>
  e.label !== null || e.start !== null || e.end !== null || e.element !== undefined || Object.keys(e.attributes).length > 0;

describe('ParsedEdges', () => {
  const graphs = parsedFixtures();

  it('reads every fixture with edges', () => {
    expect(graphs.filter(([, g]) => g.edges.length > 0).length).toBeGreaterThan(40);
  });

  it('gives back, edge by edge and column by column, what the parsers put in', () => {
    for (const [file, g] of graphs) {
      const edges = [...g.edges];
      const copy = new ParsedEdges();
      for (const e of edges) copy.add(e);
      expect([...copy], file).toEqual(edges);
      edges.forEach((e, k) => {
        expect(g.edges.at(k), file).toEqual(e);
        const { line, column, element, ...fields } = e;
        expect(
          {
            id: g.edges.idOf(k),
            source: g.edges.sourceOf(k),
            target: g.edges.targetOf(k),
            directed: g.edges.directedOf(k),
            weight: g.edges.weightOf(k),
            label: g.edges.labelOf(k),
            start: g.edges.startOf(k),
            end: g.edges.endOf(k),
            attributes: g.edges.attributesOf(k),
            location: g.edges.locationOf(k),
            bare: g.edges.isBare(k),
          },
          `${file}, edge ${k}`,
        ).toEqual({
          ...fields,
          location: JSON.parse(JSON.stringify({ line, column, element })),
          bare: !extraOf(e),
        });
        expect(g.edges.endNames[g.edges.sourcePlace(k)]).toBe(e.source);
        expect(g.edges.endNames[g.edges.targetPlace(k)]).toBe(e.target);
      });
    }
  });

  it('lists each end name once, in the order first met', () => {
    for (const [file, g] of graphs) {
      const names = [...g.edges].flatMap((e) => [e.source, e.target]);
      expect(g.edges.endNames, file).toEqual([...new Set(names)]);
    }
  });

  it('keeps an ID given after edges without one, and nothing where the file gave none', () => {
    const edges = new ParsedEdges();
    const edge = (over: Partial<ParsedEdge>): ParsedEdge => ({
      id: null,
      source: 'a',
      target: 'b',
      directed: true,
      weight: null,
      label: null,
      attributes: {},
      start: null,
      end: null,
      ...over,
    });
    edges.add(edge({ line: 2 }));
    edges.add(edge({ id: 'e1', weight: 0, directed: false, column: 4 }));
    edges.add(edge({ source: 'b', target: 'c', attributes: { type: 'funds' }, element: 'edges[2]' }));
    expect([...edges]).toEqual([
      edge({ line: 2 }),
      edge({ id: 'e1', weight: 0, directed: false, column: 4 }),
      edge({ source: 'b', target: 'c', attributes: { type: 'funds' }, element: 'edges[2]' }),
    ]);
    // An edge handed out is the caller's: changing it changes nothing kept.
    edges.at(2).attributes.type = 'changed';
    expect(edges.attributesOf(2)).toEqual({ type: 'funds' });
    expect(Object.isFrozen(edges.attributesOf(0))).toBe(true);

    edges.setEnds(0, 'c', 'a');
    edges.retain((k) => k !== 1);
    expect([...edges].map((e) => [e.id, e.source, e.target, e.attributes, e.line, e.element])).toEqual([
      [null, 'c', 'a', {}, 2, undefined],
      [null, 'b', 'c', { type: 'funds' }, undefined, 'edges[2]'],
    ]);
    edges.add(edge({ id: 'e3' }));
    expect([...edges].map((e) => [e.id, e.line, e.column])).toEqual([
      [null, 2, undefined],
      [null, undefined, undefined],
      ['e3', undefined, undefined],
    ]);
  });

  it('gives each end name one place, whether it is written in digits, sparse or dense, or not', () => {
    const edges = new ParsedEdges();
    const end = (source: string, target: string) =>
      edges.add({ id: null, source, target, directed: true, weight: null, label: null, attributes: {}, start: null, end: null });
    // A large number first, met while the names are too few for numbers to be kept by number.
    end('400000', '0');
    for (let k = 1; k <= 100_000; k++) end(String(k), String(k - 1));
    end('400000', '100000');
    // Names a number would be written differently: leading zeros, signs, other digits, too long.
    const others = ['01', '007', '+1', '-1', '1.0', '١٢', '１', '1234567890', ' 1', 'Организация 1', '组织'];
    for (const name of others) end(name, '1');
    const places = new Map<string, Set<number>>();
    for (let k = 0; k < edges.length; k++) {
      for (const [name, place] of [
        [edges.sourceOf(k), edges.sourcePlace(k)],
        [edges.targetOf(k), edges.targetPlace(k)],
      ] as const) {
        if (!places.has(name)) places.set(name, new Set());
        places.get(name)!.add(place);
      }
    }
    expect([...places.values()].every((p) => p.size === 1)).toBe(true);
    expect(new Set(edges.endNames).size).toBe(edges.endNames.length);
    expect(edges.endNames.length).toBe(100_002 + others.length);
    expect(edges.sourceOf(0)).toBe('400000');
    expect(edges.sourcePlace(edges.length - others.length - 1)).toBe(edges.sourcePlace(0));
    for (const [i, name] of others.entries()) expect(edges.sourceOf(edges.length - others.length + i)).toBe(name);
  });
});
