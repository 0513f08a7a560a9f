// The per-file checks both suites run over a folder of files, each with its own folder, refusal table
// and expectations: the default suite over our fixtures (test/fixtures), the interoperability suite
// over the folder of other tools' real files it is given (test/interop/datasets.ts); this module
// reads only the folder it is handed. Every file listed as refused must be refused with
// a message matching its pattern; every other file must parse, with the counts graphology's reader
// finds (GEXF, GraphML), the file itself holds (Cytoscape JSON), or the table gives where the two
// differ on purpose. And for CSV, what a header-less edge list must read as and why the shapes that are
// not edge lists are refused.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import Graph, { MultiGraph } from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { parseCyjs } from '../../electron/engine/interchange/formats/cyjs/read';
import { parseGexf } from '../../electron/engine/interchange/formats/gexf/read';
import { parseGraphml } from '../../electron/engine/interchange/formats/graphml/read';
import type { ImportRefused, ParsedGraph } from '../../electron/engine/interchange/model/parsed';
import { refusal } from './helpers';

/**
 * The files under dir, relative to it with / separators, in name order: those ending in ext if given,
 * leaving out folders skipFolder picks.
 */
export function corpusFiles(dir: string, { ext, skipFolder }: { ext?: string; skipFolder?: (name: string) => boolean } = {}): string[] {
  const walk = (rel: string): string[] =>
    readdirSync(join(dir, rel), { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .flatMap((e) => {
        const p = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) return skipFolder?.(e.name) ? [] : walk(p);
        return !ext || e.name.endsWith(ext) ? [p] : [];
      });
  return walk('');
}

/** A folder, the files of it to check, and those refused on purpose with a pattern the message must match. */
interface Corpus {
  dir: string;
  files: readonly string[];
  refused: Readonly<Record<string, RegExp>>;
}

/** Where our counts differ from the reference's on purpose: the numbers read from the file itself, and why. */
export type CountsFromFile = Readonly<Record<string, { nodes: number; edges: number; why: string }>>;

/** One test per file: `refuses FILE` for the refused ones, `parses FILE how` running check on the others. */
function everyFile(
  { dir, files, refused }: Corpus,
  parse: (text: string) => ParsedGraph,
  how: string,
  check: (g: ParsedGraph, text: string, rel: string) => void,
  refusedAlso: (err: ImportRefused) => void = () => {},
): void {
  const read = (rel: string): string => readFileSync(join(dir, rel), 'utf8');
  for (const rel of files) {
    const pattern = refused[rel];
    if (pattern) {
      it(`refuses ${rel}`, () => {
        const err = refusal(() => parse(read(rel)));
        expect(err.message).toMatch(pattern);
        refusedAlso(err);
      });
    } else {
      it(`parses ${rel} ${how}`, () => {
        const text = read(rel);
        check(parse(text), text, rel);
      });
    }
  }
}

/**
 * parseGexf on every file: graphology (MultiGraph, addMissingNodes) is the reference for the counts,
 * and every node has its place in the file; fromFile lists where we differ on purpose.
 */
export function everyGexfFile(corpus: Corpus, fromFile: CountsFromFile): void {
  everyFile(corpus, parseGexf, 'with the expected counts', (g, text, rel) => {
    expect(g.format).toBe('gexf');
    const fixed = fromFile[rel];
    if (fixed) {
      expect(g.nodes.length).toBe(fixed.nodes);
      expect(g.edges.length).toBe(fixed.edges);
      return;
    }
    const ref = gexf.parse(MultiGraph, text, { addMissingNodes: true, allowUndeclaredAttributes: true });
    expect(g.nodes.length).toBe(ref.order);
    expect(g.edges.length).toBe(ref.size);
    for (const n of g.nodes) {
      expect(n.line).toBeGreaterThan(0);
      expect(n.column).toBeGreaterThan(0);
    }
  });
}

function graphmlCounts(text: string): [number, number] {
  const g = graphml.parse(Graph, text, { addMissingNodes: true });
  return [g.order, g.size];
}

/**
 * parseGraphml on every file: graphology (addMissingNodes) is the reference for the counts, or
 * fromFile where it cannot be compared with; every node and edge has its line, and so has every refusal.
 */
export function everyGraphmlFile(corpus: Corpus, fromFile: CountsFromFile): void {
  everyFile(
    corpus,
    parseGraphml,
    'with the expected counts',
    (g, text, rel) => {
      expect(g.format).toBe('graphml');
      const fixed = fromFile[rel];
      expect([g.nodes.length, g.edges.length]).toEqual(fixed ? [fixed.nodes, fixed.edges] : graphmlCounts(text));
      for (const n of g.nodes) expect(n.line).toBeGreaterThan(0);
      for (const e of g.edges) expect(e.line).toBeGreaterThan(0);
    },
    (err) => expect(err.location.line).toBeGreaterThan(0),
  );
}

type RawElement = { group?: string; data?: Record<string, unknown> };

/** Node and edge counts read straight off the JSON, whatever its wrapping. */
function rawCounts(doc: unknown): { nodes: number; edges: number } {
  const d = doc as { elements?: unknown; nodes?: unknown[]; edges?: unknown[] };
  const list = Array.isArray(doc) ? (doc as RawElement[]) : Array.isArray(d.elements) ? (d.elements as RawElement[]) : null;
  if (list) {
    const edges = list.filter(
      (e) => e.group === 'edges' || (e.group === undefined && e.data?.source !== undefined && e.data?.target !== undefined),
    );
    return { nodes: list.length - edges.length, edges: edges.length };
  }
  const groups = (d.elements ?? d) as { nodes?: unknown[]; edges?: unknown[] };
  return { nodes: groups.nodes?.length ?? 0, edges: groups.edges?.length ?? 0 };
}

/** The edges of a Cytoscape element list without an id, counted off the JSON. */
export function edgesWithoutId(text: string): number {
  return (JSON.parse(text) as RawElement[]).filter((e) => e.data?.source !== undefined && e.data?.id === undefined).length;
}

/**
 * parseCyjs on every file: the counts the JSON holds, at least one node, and the files of compound
 * must come out flat with their parent kept and one warning (the others with neither).
 */
export function everyCyjsFile(corpus: Corpus, compound: ReadonlySet<string>): void {
  everyFile(corpus, parseCyjs, 'with the counts the file holds', (g, text, rel) => {
    expect(g.format).toBe('cyjs');
    const counts = rawCounts(JSON.parse(text));
    expect(counts.nodes).toBeGreaterThan(0);
    expect({ nodes: g.nodes.length, edges: g.edges.length }).toEqual(counts);
    const flattened = g.warnings.filter((w) => /compound nodes were flattened/.test(w.message));
    expect(flattened).toHaveLength(compound.has(rel) ? 1 : 0);
    expect(g.nodes.some((n) => n.parent !== null)).toBe(compound.has(rel));
  });
}

/** A header-less edge list read whole: the edges and distinct endpoints its text holds, as CSV, with no warnings. */
export function expectHeaderlessEdgeList(graph: ParsedGraph, text: string, delimiter: string): void {
  const pairs = text
    .trim()
    .split('\n')
    .map((l) => l.split(delimiter).slice(0, 2));
  expect({ nodes: graph.nodes.length, edges: graph.edges.length }).toEqual({ nodes: new Set(pairs.flat()).size, edges: pairs.length });
  expect(graph.format).toBe('csv');
  expect(graph.warnings).toEqual([]);
}

/** Why an adjacency list or matrix is refused. */
export const NOT_AN_EDGE_LIST =
  /adjacency lists and adjacency matrices are not supported; save the network as an edge list with source and target columns/;

/** Why a space-separated edge list (as networkx writes) is refused: it reads as one column. */
export const ONE_COLUMN = /line 1: .*single column: columns must be separated by commas, semicolons, tabs or \|/;
