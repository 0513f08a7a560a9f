// Cytoscape JSON import over cytoscape.js's demo element files and a Cytoscape desktop export
// (../shared/datasets/cytoscape). test/interchange/cyjs.test.ts covers the same on our own fixtures.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCyjs } from '../../electron/engine/interchange/formats/cyjs/read';
import { refusal } from '../interchange/helpers';
import { DATASETS as ALL } from './datasets';

const DATASETS = join(ALL, 'cytoscape');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : [p];
  });
}

type Raw = { group?: string; data?: Record<string, unknown> };

/** Node and edge counts read straight off the JSON, whatever its wrapping. */
function rawCounts(doc: unknown): { nodes: number; edges: number } {
  const d = doc as { elements?: unknown; nodes?: unknown[]; edges?: unknown[] };
  const list = Array.isArray(doc) ? (doc as Raw[]) : Array.isArray(d.elements) ? (d.elements as Raw[]) : null;
  if (list) {
    const edges = list.filter(
      (e) => e.group === 'edges' || (e.group === undefined && e.data?.source !== undefined && e.data?.target !== undefined),
    );
    return { nodes: list.length - edges.length, edges: edges.length };
  }
  const groups = (d.elements ?? d) as { nodes?: unknown[]; edges?: unknown[] };
  return { nodes: groups.nodes?.length ?? 0, edges: groups.edges?.length ?? 0 };
}

/** Files refused on purpose, with what the message must say and why. */
const REFUSED: Record<string, RegExp> = {
  // cytoscape.js's node-shape demo leaves ids out and lets the library invent them; an import
  // cannot invent ids that a later re-import would match, so it names the first such node.
  'cytoscapejs-elements/node-types.json': /^\[0\]: a node has no id/,
};

/** Files with compound nodes, which must come out flat with their parent kept, and one warning. */
const COMPOUND = new Set([
  'cytoscapejs-elements/cose-bilkent-layout-compound.json',
  'cytoscapejs-elements/network-compound-nodes-with-style.json',
]);

describe('parseCyjs on every dataset file', () => {
  const all = files(DATASETS);

  it('finds the dataset files', () => {
    expect(all.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of all) {
    const rel = relative(DATASETS, file).split('\\').join('/');
    const text = readFileSync(file, 'utf8');
    const refused = REFUSED[rel];
    if (refused) {
      it(`refuses ${rel}`, () => {
        expect(refusal(() => parseCyjs(text)).message).toMatch(refused);
      });
      continue;
    }
    it(`parses ${rel} with the counts the file holds`, () => {
      const g = parseCyjs(text);
      expect(g.format).toBe('cyjs');
      const counts = rawCounts(JSON.parse(text));
      expect(counts.nodes).toBeGreaterThan(0);
      expect({ nodes: g.nodes.length, edges: g.edges.length }).toEqual(counts);
      const flattened = g.warnings.filter((w) => /compound nodes were flattened/.test(w.message));
      expect(flattened).toHaveLength(COMPOUND.has(rel) ? 1 : 0);
      expect(g.nodes.some((n) => n.parent !== null)).toBe(COMPOUND.has(rel));
    });
  }

  it('keeps edges without ids, with id null', () => {
    const text = readFileSync(join(DATASETS, 'cytoscapejs-elements/edge-types.json'), 'utf8');
    const withoutId = (JSON.parse(text) as Raw[]).filter((e) => e.data?.source !== undefined && e.data?.id === undefined);
    const g = parseCyjs(text);
    expect(withoutId.length).toBeGreaterThan(0);
    expect(g.edges.filter((e) => e.id === null)).toHaveLength(withoutId.length);
  });

  it('reads list-valued names and null attributes of a Cytoscape desktop export', () => {
    const g = parseCyjs(readFileSync(join(DATASETS, 'cytoscapejs-elements/enrichment-map-networks.json'), 'utf8'));
    expect(g.nodes[0]).toMatchObject({
      label: 'PYROPTOSIS%REACTOME%R-HSA-5620971.3',
      attributes: { description: ['Pyroptosis'], gs_type: null, pvalue: 0.0023 },
    });
  });
});
