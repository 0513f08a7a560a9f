// Cytoscape JSON export: the .cyjs shape Cytoscape desktop opens, which is also what cytoscape.js
// takes in cy.json(). JSON holds lists and nulls natively; attributes objects stay JSON text, as
// in the other graph formats, because Cytoscape desktop has no object-valued columns.
import { SECTORS } from '../../../shared/domain';
import { ATLAS_TYPE, type Bundle } from './bundle';
import { atlasEdges, atlasNodes, type FieldSpec } from './read-atlas-graph';
import { EVENT_COLOUR, PARTNERSHIP_COLOUR, SECTOR_COLOURS } from '../../../shared/palette';
import type { GraphExportOptions } from './write-gexf';

export type CyjsExportOptions = Pick<GraphExportOptions, 'positions'>;

type Data = Record<string, unknown>;

function recordData(atlasType: string, record: Record<string, unknown>, fields: readonly FieldSpec[]): Data {
  const data: Data = { id: record.id };
  for (const f of fields) {
    const v = record[f.name] ?? null;
    data[f.name] = f.kind === 'json' && v !== null ? JSON.stringify(v) : v;
  }
  data[ATLAS_TYPE] = atlasType;
  return data;
}

function style(): { selector: string; style: Record<string, string | number> }[] {
  return [
    { selector: 'node', style: { label: 'data(name)', 'background-color': SECTOR_COLOURS.other, 'font-size': 10 } },
    ...SECTORS.map((sector) => ({
      selector: `node[${ATLAS_TYPE} = "organisation"][sector = "${sector}"]`,
      style: { 'background-color': SECTOR_COLOURS[sector] },
    })),
    { selector: `node[${ATLAS_TYPE} = "partnership"]`, style: { 'background-color': PARTNERSHIP_COLOUR, shape: 'round-rectangle' } },
    { selector: `node[${ATLAS_TYPE} = "event"]`, style: { 'background-color': EVENT_COLOUR, shape: 'diamond' } },
    { selector: 'edge', style: { width: 1, 'line-color': '#BBBBBB', 'curve-style': 'bezier' } },
    { selector: `edge[${ATLAS_TYPE} = "relation"]`, style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': '#BBBBBB' } },
  ];
}

export function writeCyjs(bundle: Bundle, opts: CyjsExportOptions = {}): string {
  const nodes = atlasNodes(bundle).map((n) => {
    const position = opts.positions?.[n.id];
    return { data: recordData(n.atlasType, n.record, n.fields), ...(position ? { position: { x: position.x, y: position.y } } : {}) };
  });
  const edges = atlasEdges(bundle).map((e) => {
    const data = recordData(e.atlasType, e.record, e.fields);
    data.source = e.source;
    data.target = e.target;
    return { data };
  });
  const doc = {
    format_version: '1.0',
    generated_by: 'Stakeholder Atlas',
    target_cytoscapejs_version: '~3',
    data: { name: 'Stakeholder Atlas network', shared_name: 'Stakeholder Atlas network' },
    elements: { nodes, edges },
    style: style(),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
