// GraphML export, for yEd, Gephi, networkx, igraph and graph databases. GraphML has typed keys but
// no list type, so tags and list attributes are JSON text under their name (the list attributes
// named in the graph's `atlas_lists`, for this app to read them back as lists). Every attribute is
// a key of its own (model/attribute-columns.ts); a relation's `weight` is the `weight` key
// networkx and igraph weigh by; only edges whose direction differs from edgedefault say theirs.
import { bundleReader, type Bundle, type BundleReader } from '../../model/bundle';
import { collect, type TextOut } from '../../export/sink';
import {
  EDGE_FIELDS,
  NODE_FIELDS,
  atlasEdges,
  atlasNodes,
  type AtlasEdge,
  type AtlasNode,
  type FieldKind,
  type FieldSpec,
  type GraphExportOptions,
  LISTS_KEY,
  directedByDefault,
  graphAttributeColumns,
} from '../../model/atlas-graph';
import { columnValue, presentColumns, type AttributeColumn, type ColumnType } from '../../model/attribute-columns';
import { attr, escapeText, jsonForXml, xmlAttrs } from '../xml/escape';

export type GraphmlExportOptions = Pick<GraphExportOptions, 'positions' | 'attributes'>;

const ATTRIBUTE_TYPES: Record<ColumnType, string> = {
  string: 'string',
  integer: 'long',
  double: 'double',
  boolean: 'boolean',
  list: 'string',
};

/** Attribute columns with their key ids, `na0`, `ea0`…: never a field's `n_`/`e_` key, whatever the name. */
interface AttributeKeys {
  columns: readonly AttributeColumn[];
  heads: string[];
  present: ReturnType<typeof presentColumns>;
}

function attributeKeys(domain: 'node' | 'edge', columns: readonly AttributeColumn[]): AttributeKeys {
  return { columns, heads: columns.map((_, i) => `<data key="${domain[0]}a${i}">`), present: presentColumns(columns) };
}

function attributeData(record: Record<string, unknown>, keys: AttributeKeys): string {
  const attrs = record.attributes as Record<string, unknown> | undefined;
  let out = '';
  for (const i of keys.present(attrs)) {
    const c = keys.columns[i]!;
    const v = columnValue(c.type, attrs![c.name]);
    if (v !== undefined) out += `${keys.heads[i]!}${escapeText(Array.isArray(v) ? jsonForXml(v) : String(v))}</data>`;
  }
  return out;
}

const GRAPHML_TYPES: Record<FieldKind, string> = {
  string: 'string',
  integer: 'int',
  boolean: 'boolean',
  list: 'string',
  json: 'string',
};

// Key ids are per domain so that a node field and an edge field of the same name never clash.
const keyId = (domain: 'node' | 'edge', name: string): string => `${domain[0]}_${name}`;

function keyXml(domain: 'node' | 'edge', name: string, type: string): string {
  return `  <key${xmlAttrs({ id: keyId(domain, name), for: domain, 'attr.name': name, 'attr.type': type })}/>`;
}

function encode(kind: FieldKind, value: unknown): string {
  return kind === 'list' || kind === 'json' ? jsonForXml(value) : String(value);
}

function dataXml(domain: 'node' | 'edge', name: string, value: string): string {
  return `<data key="${keyId(domain, name)}">${escapeText(value)}</data>`;
}

// The opening data tag of each field, computed once per field list rather than per record.
const dataHeads = { node: new WeakMap<readonly FieldSpec[], string[]>(), edge: new WeakMap<readonly FieldSpec[], string[]>() };

function headsOf(domain: 'node' | 'edge', fields: readonly FieldSpec[]): string[] {
  let heads = dataHeads[domain].get(fields);
  if (!heads) {
    heads = fields.map((f) => `<data key="${keyId(domain, f.name)}">`);
    dataHeads[domain].set(fields, heads);
  }
  return heads;
}

function recordData(domain: 'node' | 'edge', atlasType: string, record: Record<string, unknown>, fields: readonly FieldSpec[]): string {
  const heads = headsOf(domain, fields);
  let out = dataXml(domain, 'atlas_type', atlasType);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const v = record[f.name];
    if (v !== null && v !== undefined) out += `${heads[i]!}${escapeText(encode(f.kind, v))}</data>`;
  }
  return out;
}

function nodeXml(node: AtlasNode, opts: GraphmlExportOptions, keys: AttributeKeys): string {
  // Gephi and Cytoscape take a "label" key as the node's caption.
  let extra = dataXml('node', 'label', String(node.record.name));
  const p = opts.positions?.[node.id];
  if (p) extra += dataXml('node', 'x', String(p.x)) + dataXml('node', 'y', String(p.y));
  const data = recordData('node', node.atlasType, node.record, node.fields) + attributeData(node.record, keys);
  return `    <node${attr('id', node.id)}>${extra}${data}</node>`;
}

function edgeXml(edge: AtlasEdge, defaultDirected: boolean, keys: AttributeKeys): string {
  const direction = edge.directed === defaultDirected ? '' : ` directed="${edge.directed}"`;
  const attrs = attr('id', edge.id) + attr('source', edge.source) + attr('target', edge.target) + direction;
  return `    <edge${attrs}>${recordData('edge', edge.atlasType, edge.record, edge.fields)}${attributeData(edge.record, keys)}</edge>`;
}

function attributeKeyXml(domain: 'node' | 'edge', keys: AttributeKeys): string[] {
  return keys.columns.map(
    (c, i) => `  <key${xmlAttrs({ id: `${domain[0]}a${i}`, for: domain, 'attr.name': c.column, 'attr.type': ATTRIBUTE_TYPES[c.type] })}/>`,
  );
}

export function writeGraphml(bundle: Bundle, opts: GraphmlExportOptions = {}): string {
  return collect((out) => streamGraphml(bundleReader(bundle), opts, out));
}

export function streamGraphml(reader: BundleReader, opts: GraphmlExportOptions, out: TextOut): void {
  const columns = graphAttributeColumns(reader, opts);
  const nodeKeys = attributeKeys('node', columns.node);
  const edgeKeys = attributeKeys('edge', columns.edge);
  const defaultDirected = directedByDefault(reader);
  const lists = [...columns.node, ...columns.edge].filter((c) => c.type === 'list').map((c) => c.column);
  const keys = [
    keyXml('node', 'label', 'string'),
    ...(opts.positions ? [keyXml('node', 'x', 'double'), keyXml('node', 'y', 'double')] : []),
    ...NODE_FIELDS.map((f) => keyXml('node', f.name, GRAPHML_TYPES[f.kind])),
    ...EDGE_FIELDS.map((f) => keyXml('edge', f.name, GRAPHML_TYPES[f.kind])),
    ...attributeKeyXml('node', nodeKeys),
    ...attributeKeyXml('edge', edgeKeys),
    ...(lists.length ? [`  <key id="${LISTS_KEY}" for="graph" attr.name="${LISTS_KEY}" attr.type="string"/>`] : []),
  ];
  const head = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys,
    `  <graph id="stakeholder-atlas" edgedefault="${defaultDirected ? 'directed' : 'undirected'}">`,
    ...(lists.length ? [`    <data key="${LISTS_KEY}">${escapeText(JSON.stringify(lists))}</data>`] : []),
  ];
  out.write(`${head.join('\n')}\n`);
  for (const n of atlasNodes(reader)) out.write(`${nodeXml(n, opts, nodeKeys)}\n`);
  for (const e of atlasEdges(reader)) out.write(`${edgeXml(e, defaultDirected, edgeKeys)}\n`);
  out.write('  </graph>\n</graphml>\n');
}
