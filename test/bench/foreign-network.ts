// A network as other tools write it, for the import benchmarks: graphology's own GEXF writer (the
// layout Gephi-style files have: a few attributes, viz size and position, weighted edges), and
// GraphML in the layout networkx writes. Clustered, so it looks like a real network.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import gexf from 'graphology-gexf';

const SECTORS = ['government', 'civil_society', 'academia', 'private_sector', 'intergovernmental'];
const COUNTRIES = ['FR', 'Brazil', 'KE', 'India', 'US', 'DEU', 'Nigeria', 'JP'];

/**
 * `csvDir`: the same network as a CSV folder as people make one (a node list with a name, sector
 * and country; an edge list with its ends and a weight), for the CSV import's figures.
 */
export function writeForeignNetwork(gexfPath: string, graphmlPath: string, order: number, size: number, csvDir?: string): number {
  let seed = 7;
  const rng = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const g = new Graph({ type: 'undirected' });
  for (let k = 0; k < order; k++) {
    g.addNode(String(k), {
      label: `Organisation ${k}`,
      sector: SECTORS[k % 5],
      country: COUNTRIES[k % 8],
      x: rng() * 1000,
      y: rng() * 1000,
      size: 1 + (k % 10),
    });
  }
  const clusters = 40;
  const per = Math.ceil(order / clusters);
  while (g.size < size) {
    const c = Math.floor(rng() * clusters);
    const a = Math.min(order - 1, c * per + Math.floor(rng() * per));
    const b = rng() < 0.9 ? Math.min(order - 1, c * per + Math.floor(rng() * per)) : Math.floor(rng() * order);
    if (a !== b) g.mergeEdge(String(a), String(b), { weight: 1 + Math.floor(rng() * 5) });
  }
  writeFileSync(gexfPath, gexf.write(g));
  const lines = [
    "<?xml version='1.0' encoding='utf-8'?>",
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '<key id="d0" for="node" attr.name="label" attr.type="string"/>',
    '<key id="d1" for="node" attr.name="sector" attr.type="string"/>',
    '<key id="d2" for="node" attr.name="country" attr.type="string"/>',
    '<key id="d3" for="edge" attr.name="weight" attr.type="long"/>',
    '<graph edgedefault="undirected">',
  ];
  g.forEachNode((k, a) =>
    lines.push(
      `<node id="${k}">\n  <data key="d0">${a.label}</data>\n  <data key="d1">${a.sector}</data>\n  <data key="d2">${a.country}</data>\n</node>`,
    ),
  );
  g.forEachEdge((_e, a, s, t) => lines.push(`<edge source="${s}" target="${t}">\n  <data key="d3">${a.weight}</data>\n</edge>`));
  lines.push('</graph>', '</graphml>');
  writeFileSync(graphmlPath, lines.join('\n'));
  if (csvDir !== undefined) {
    mkdirSync(csvDir, { recursive: true });
    const nodes = ['id,name,sector,country'];
    g.forEachNode((k, a) => nodes.push(`${k},${a.label},${a.sector},${a.country}`));
    writeFileSync(join(csvDir, 'nodes.csv'), nodes.join('\n') + '\n');
    const edges = ['source,target,weight'];
    g.forEachEdge((_e, a, s, t) => edges.push(`${s},${t},${a.weight}`));
    writeFileSync(join(csvDir, 'edges.csv'), edges.join('\n') + '\n');
  }
  return g.order + g.size;
}
