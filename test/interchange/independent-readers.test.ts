// Every GEXF and GraphML export of three networks opened by networkx and igraph (Debian's
// python3-networkx and python3-igraph, run as /usr/bin/python3: `.ci/run` installs them where they
// are missing): an imported file with attributes and weights, the seed, and a generated network.
// Counts, directedness, each attribute of each organisation and each relation's weight must be
// what the records hold. igraph has no GEXF reader, so GEXF reaches it through networkx.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import { RESERVED } from '../../electron/engine/interchange/model/atlas-graph';
import { attributeColumns, columnValue, type AttributeColumn } from '../../electron/engine/interchange/model/attribute-columns';
import type { Bundle } from '../../electron/engine/interchange/model/bundle';
import { isDirectedRelation } from '../../electron/engine/interchange/model/direction';
import { openEngine, tempDir } from '../engine/helpers';
import { bundleOf } from './export-networks';

const HERE = dirname(fileURLToPath(import.meta.url));
const SCRIPT = join(HERE, 'read-with-python.py');
const FIXTURE = join(HERE, '../fixtures/graphml/networkx-attributes-weighted.graphml');
const PYTHON = '/usr/bin/python3';

interface Seen {
  ok: boolean;
  error?: string;
  directed: boolean;
  nodes: Record<string, Record<string, unknown>>;
  edges: { source: string; target: string; id: string | null; data: Record<string, unknown> }[];
}

function readWithPython(path: string, format: 'gexf' | 'graphml'): { networkx: Seen; igraph: Seen } {
  const run = spawnSync(PYTHON, [SCRIPT, path, format], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error || run.status !== 0) {
    throw new Error(
      `${PYTHON} could not read ${path} with networkx and igraph (${run.error?.message ?? run.stderr.trim()}): ` +
        'apt-get install python3-networkx python3-igraph',
    );
  }
  return JSON.parse(run.stdout) as { networkx: Seen; igraph: Seen };
}

interface Network {
  engine: Engine;
  bundle: Bundle;
  columns: { node: AttributeColumn[]; edge: AttributeColumn[] };
}

const { dir, cleanup } = tempDir();
const networks: Record<string, Network> = {};

function open(name: string, fill: (e: Engine) => void | Promise<void>): () => Promise<void> {
  return async () => {
    const engine = openEngine(join(dir, `${name}.sqlite`));
    await fill(engine);
    const stats = engine.attributes.list().map(({ kind, name: n, type, classes }) => ({ kind, name: n, type, classes }));
    networks[name] = { engine, bundle: bundleOf(engine), columns: attributeColumns(stats, RESERVED) };
  };
}

beforeAll(async () => {
  await open('imported', async (e) => {
    await e.call('import.run', { path: FIXTURE });
  })();
  await open('seed', (e) => void e.seed())();
  await open('generated', (e) => void e.generate({ organisations: 40, seed: 7 }))();
});
afterAll(() => {
  for (const n of Object.values(networks)) n.engine.close();
  cleanup();
});

/** What a reader should hold for one attribute value: as its column writes it. */
function expected(column: AttributeColumn, value: unknown, format: 'gexf' | 'graphml'): unknown {
  const v = columnValue(column.type, value);
  // GraphML has no list type: lists are JSON text there.
  if (Array.isArray(v) && format === 'graphml') return JSON.stringify(v);
  return v;
}

function checkNetwork(name: string, format: 'gexf' | 'graphml', seen: Seen, reader: string): void {
  const { bundle, columns } = networks[name]!;
  const what = `${reader} reading the ${name} network's ${format}`;
  expect(seen.ok, `${what}: ${seen.error}`).toBe(true);
  const directed = bundle.relations.filter((r) => isDirectedRelation(r)).length;
  const edges = bundle.memberships.length + bundle.participations.length + bundle.relations.length;
  expect(Object.keys(seen.nodes).length, what).toBe(bundle.organisations.length + bundle.partnerships.length + bundle.events.length);
  expect(seen.edges.length, what).toBe(edges);
  expect(seen.directed, what).toBe(directed > edges - directed);
  let checked = 0;
  for (const org of bundle.organisations) {
    const node = seen.nodes[org.id];
    expect(node, `${what}: node ${org.id}`).toBeDefined();
    for (const c of columns.node) {
      const want = expected(c, org.attributes[c.name], format);
      if (want === undefined) continue;
      const got = node![c.column];
      if (typeof want === 'number') expect(got, `${what}: ${org.id} ${c.column}`).toBeCloseTo(want, 9);
      else expect(got, `${what}: ${org.id} ${c.column}`).toEqual(want);
      checked++;
    }
  }
  const weightColumn = columns.edge.find((c) => c.name === 'weight');
  for (const rel of bundle.relations) {
    const weight = weightColumn ? columnValue(weightColumn.type, rel.attributes.weight) : undefined;
    if (typeof weight !== 'number') continue;
    const edge = seen.edges.find((e) =>
      e.id !== null
        ? e.id === rel.id
        : (e.source === rel.sourceId && e.target === rel.targetId) || (e.source === rel.targetId && e.target === rel.sourceId),
    );
    expect(edge?.data.weight, `${what}: weight of ${rel.id}`).toBeCloseTo(weight, 9);
    checked++;
  }
  if (name !== 'generated') expect(checked, `${what}: attributes and weights checked`).toBeGreaterThan(0);
}

const mixed = (b: Bundle): boolean => {
  const directed = b.relations.filter((r) => isDirectedRelation(r)).length;
  return directed > 0 && directed < b.memberships.length + b.participations.length + b.relations.length;
};

describe.each(['imported', 'seed', 'generated'])('the %s network', (name) => {
  it.each(['gexf', 'graphml'] as const)('exported as %s, is read whole by networkx and igraph', async (format) => {
    const { engine, bundle } = networks[name]!;
    const path = join(dir, `${name}.${format}`);
    const positions = Object.fromEntries(bundle.organisations.map((o, i) => [o.id, { x: i * 3.5, y: -i }]));
    await engine.call('export.run', { format, path, positions, overwrite: true });
    const seen = readWithPython(path, format);
    if (mixed(bundle)) {
      // networkx has no graph that mixes directions and refuses any file that marks an edge against
      // the default (its readers raise on it, by design); igraph reads the GraphML as its default.
      expect(seen.networkx.ok).toBe(false);
      expect(seen.networkx.error).toMatch(/irected/);
      if (format === 'graphml') {
        expect(seen.igraph.ok, seen.igraph.error).toBe(true);
        expect(Object.keys(seen.igraph.nodes).length).toBe(bundle.organisations.length + bundle.partnerships.length + bundle.events.length);
        expect(seen.igraph.edges.length).toBe(bundle.memberships.length + bundle.participations.length + bundle.relations.length);
      }
      return;
    }
    checkNetwork(name, format, seen.networkx, 'networkx');
    checkNetwork(name, format, seen.igraph, format === 'gexf' ? 'igraph (through networkx)' : 'igraph');
  });
});

describe('the imported network', () => {
  it('brought its attributes typed and its weights as a relation attribute', () => {
    const list = networks.imported!.engine.attributes.list();
    const type = (kind: string, n: string) => list.find((a) => a.kind === kind && a.name === n)?.type;
    expect([
      type('organisation', 'family'),
      type('organisation', 'founded'),
      type('organisation', 'budget'),
      type('organisation', 'active'),
    ]).toEqual(['text', 'number', 'number', 'boolean']);
    expect([type('relation', 'weight'), type('relation', 'channel')]).toEqual(['number', 'text']);
  });

  it('writes GEXF positions as viz:position and GraphML positions as x and y, which networkx reads', async () => {
    const { engine, bundle } = networks.imported!;
    const org = bundle.organisations[0]!;
    const positions = { [org.id]: { x: 12.5, y: -3 } };
    const gexf = join(dir, 'positions.gexf');
    const graphml = join(dir, 'positions.graphml');
    await engine.call('export.run', { format: 'gexf', path: gexf, positions, overwrite: true });
    await engine.call('export.run', { format: 'graphml', path: graphml, positions, overwrite: true });
    expect(readWithPython(gexf, 'gexf').networkx.nodes[org.id]!.viz).toMatchObject({ position: { x: 12.5, y: -3 } });
    expect(readWithPython(graphml, 'graphml').networkx.nodes[org.id]).toMatchObject({ x: 12.5, y: -3 });
  });
});
