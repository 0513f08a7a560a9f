// Gephi Lite's and graphology's JSON (test/fixtures/graphology/), checked against graphology's own
// reader: the same nodes and edges, positions as a saved layout, drawing attributes left out, a
// node key given twice listed to skip; and through the engine, recognised by its content though it
// ends in .json as Cytoscape's files do.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { parseGraphology } from '../../electron/engine/interchange/formats/graphology/read';
import { useEngines } from './helpers';

const FILE = resolve(__dirname, '../fixtures/graphology/gephi-lite-workspace.json');
const text = readFileSync(FILE, 'utf8');

describe('parseGraphology', () => {
  it('reads what graphology reads, less the node given twice', () => {
    const doc = JSON.parse(text) as { nodes: { key: string }[]; edges: unknown[] };
    // graphology's import refuses a key given twice, and an edge to an undeclared node: give it the file without them.
    const reference = new Graph({ type: 'mixed' });
    const firsts = doc.nodes.filter((n, i) => doc.nodes.findIndex((m) => m.key === n.key) === i);
    reference.import({
      ...doc,
      nodes: firsts,
      edges: (doc.edges as { target: string }[]).filter((e) => e.target !== 'missing-node'),
    } as never);
    const g = parseGraphology(text);
    expect(g.format).toBe('graphology');
    expect(g.nodes.map((n) => n.id)).toEqual(reference.nodes());
    expect([...g.edges].filter((e) => e.target !== 'missing-node').map((e) => e.id)).toEqual(reference.edges());
    expect(g.rejected).toEqual([
      { message: 'node key "ncsc-gh" is given again (first at nodes[0]); this node is left out', element: 'nodes[7]' },
    ]);
    expect(g.warnings.map((w) => w.message)).toEqual(['edge anssi → missing-node refers to node "missing-node", which is not declared']);
    const smex = g.nodes.find((n) => n.id === 'smex')!;
    expect(smex).toMatchObject({ label: 'SMEX — سمكس', position: { x: 35.5, y: -60 } });
    expect(smex.attributes).toEqual({ country: 'Lebanon', sector: 'civil society' });
    expect(g.edges.at(0)).toMatchObject({ weight: 2, directed: true, attributes: { type: 'collaborates_with' } });
    expect(g.edges.at(1)!.directed).toBe(false);
    expect(g.edges.at(2)!.label).toBe('MoU 2019');
  });
});

describe('importing Gephi Lite’s JSON', () => {
  const engines = useEngines();

  it('is recognised by its content and imports with its layout, once the repeated node is skipped', async () => {
    const e = engines.open('lite');
    const preview = await e.call('import.preview', { path: FILE });
    expect(preview.format).toBe('graphology');
    expect(preview.badRowsSkippable).toBe(true);
    const done = await e.call('import.run', { path: FILE, skipBadRows: true });
    expect(done.organisations.create).toBe(7);
    expect(done.relations.create).toBe(4);
    expect(done.layoutView).not.toBeNull();
    const orgs = e.call('organisation.list', { limit: 100 }).items;
    expect(orgs.find((o) => o.name === 'Лаборатория Касперского')).toMatchObject({ country: 'RU', sector: 'private_sector' });
  });
});
