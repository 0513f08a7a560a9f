// Cytoscape JSON export: the .cyjs shape Cytoscape desktop opens, which is also what cytoscape.js
// takes in cy.json(). JSON holds lists and nulls natively. Every attribute is a data field of its
// own, typed as its column is in every format (model/attribute-columns.ts), `attr:`-prefixed only
// where its name is one of ours.
import { SECTORS } from '../../../../../shared/domain';
import { ATLAS_TYPE, bundleReader, type Bundle, type BundleReader } from '../../model/bundle';
import { atlasEdges, atlasNodes, graphAttributeColumns, type FieldSpec, type GraphExportOptions } from '../../model/atlas-graph';
import { columnValue, presentColumns, type AttributeColumn } from '../../model/attribute-columns';
import { collect, type TextOut } from '../../export/sink';
import { EVENT_COLOUR, PARTNERSHIP_COLOUR, SECTOR_COLOURS } from '../../../../../shared/palette';

export type CyjsExportOptions = Pick<GraphExportOptions, 'positions' | 'attributes'>;

type Data = Record<string, unknown>;

/** The attribute columns of one side, and which of them a record has (attribute-columns.ts). */
interface Columns {
  list: readonly AttributeColumn[];
  present: ReturnType<typeof presentColumns>;
}

const columnsOf = (list: readonly AttributeColumn[]): Columns => ({ list, present: presentColumns(list) });

function recordData(atlasType: string, record: Record<string, unknown>, fields: readonly FieldSpec[], columns: Columns): Data {
  const data: Data = { id: record.id };
  for (const f of fields) {
    const v = record[f.name] ?? null;
    data[f.name] = f.kind === 'json' && v !== null ? JSON.stringify(v) : v;
  }
  const attrs = record.attributes as Record<string, unknown> | undefined;
  for (const i of columns.present(attrs)) {
    const c = columns.list[i]!;
    const v = columnValue(c.type, attrs![c.name]);
    if (v !== undefined) data[c.column] = v;
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
  return collect((out) => streamCyjs(bundleReader(bundle), opts, out));
}

// The document is JSON.stringify(doc, null, 2) of one object, except that its elements are
// written one by one, each compact on a line of its own: pretty-printing every element took twice
// as long and made the file half as large again, for a file tools read rather than people.
const ELEMENT_INDENT = '\n      ';
const NODES = '\u0000nodes';
const EDGES = '\u0000edges';

function writeArray(out: TextOut, items: Iterable<object>): void {
  let first = true;
  for (const item of items) {
    out.write(`${first ? '[' : ','}${ELEMENT_INDENT}${JSON.stringify(item)}`);
    first = false;
  }
  out.write(first ? '[]' : '\n    ]');
}

function* nodeElements(reader: BundleReader, opts: CyjsExportOptions, list: readonly AttributeColumn[]): Generator<object> {
  const columns = columnsOf(list);
  for (const n of atlasNodes(reader)) {
    const position = opts.positions?.[n.id];
    yield {
      data: recordData(n.atlasType, n.record, n.fields, columns),
      ...(position ? { position: { x: position.x, y: position.y } } : {}),
    };
  }
}

function* edgeElements(reader: BundleReader, list: readonly AttributeColumn[]): Generator<object> {
  const columns = columnsOf(list);
  for (const e of atlasEdges(reader)) {
    const data = recordData(e.atlasType, e.record, e.fields, columns);
    data.source = e.source;
    data.target = e.target;
    yield { data };
  }
}

export function streamCyjs(reader: BundleReader, opts: CyjsExportOptions, out: TextOut): void {
  const doc = {
    format_version: '1.0',
    generated_by: 'Stakeholder Atlas',
    target_cytoscapejs_version: '~3',
    data: { name: 'Stakeholder Atlas network', shared_name: 'Stakeholder Atlas network' },
    elements: { nodes: NODES, edges: EDGES },
    style: style(),
  };
  const frame = `${JSON.stringify(doc, null, 2)}\n`;
  const nodesAt = frame.indexOf(JSON.stringify(NODES));
  const edgesAt = frame.indexOf(JSON.stringify(EDGES));
  out.write(frame.slice(0, nodesAt));
  const columns = graphAttributeColumns(reader, opts);
  writeArray(out, nodeElements(reader, opts, columns.node));
  out.write(frame.slice(nodesAt + JSON.stringify(NODES).length, edgesAt));
  writeArray(out, edgeElements(reader, columns.edge));
  out.write(frame.slice(edgesAt + JSON.stringify(EDGES).length));
}
