// Cytoscape JSON import over cytoscape.js's demo element files and a Cytoscape desktop export
// (../shared/datasets/cytoscape). test/interchange/cyjs.test.ts covers the same on our own fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCyjs } from '../../electron/engine/interchange/formats/cyjs/read';
import { corpusFiles, edgesWithoutId, everyCyjsFile } from '../interchange/corpus-checks';
import { DATASETS as ALL } from './datasets';

const DATASETS = join(ALL, 'cytoscape');

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
  const files = corpusFiles(DATASETS);

  it('finds the dataset files', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  everyCyjsFile({ dir: DATASETS, files, refused: REFUSED }, COMPOUND);

  it('keeps edges without ids, with id null', () => {
    const text = readFileSync(join(DATASETS, 'cytoscapejs-elements/edge-types.json'), 'utf8');
    const withoutId = edgesWithoutId(text);
    expect(withoutId).toBeGreaterThan(0);
    expect([...parseCyjs(text).edges].filter((e) => e.id === null)).toHaveLength(withoutId);
  });

  it('reads list-valued names and null attributes of a Cytoscape desktop export', () => {
    const g = parseCyjs(readFileSync(join(DATASETS, 'cytoscapejs-elements/enrichment-map-networks.json'), 'utf8'));
    expect(g.nodes[0]).toMatchObject({
      label: 'PYROPTOSIS%REACTOME%R-HSA-5620971.3',
      attributes: { description: ['Pyroptosis'], gs_type: null, pvalue: 0.0023 },
    });
  });
});
