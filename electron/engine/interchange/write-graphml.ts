// GraphML export, for yEd, Gephi, networkx, igraph and graph databases. GraphML has typed keys but
// no list or object types, so tags and attributes objects are JSON text under the field's name.
import type { Bundle } from './bundle';
import {
  EDGE_FIELDS,
  NODE_FIELDS,
  atlasEdges,
  atlasNodes,
  type AtlasEdge,
  type AtlasNode,
  type FieldKind,
  type FieldSpec,
} from './read-atlas-graph';
import { escapeText, jsonForXml, xmlAttrs, type GraphExportOptions } from './write-gexf';

export type GraphmlExportOptions = Pick<GraphExportOptions, 'positions'>;

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

function recordData(domain: 'node' | 'edge', atlasType: string, record: Record<string, unknown>, fields: readonly FieldSpec[]): string {
  const out = [dataXml(domain, 'atlas_type', atlasType)];
  for (const f of fields) {
    const v = record[f.name];
    if (v !== null && v !== undefined) out.push(dataXml(domain, f.name, encode(f.kind, v)));
  }
  return out.join('');
}

function nodeXml(node: AtlasNode, opts: GraphmlExportOptions): string {
  // Gephi and Cytoscape take a "label" key as the node's caption.
  const extra = [dataXml('node', 'label', String(node.record.name))];
  const p = opts.positions?.[node.id];
  if (p) extra.push(dataXml('node', 'x', String(p.x)), dataXml('node', 'y', String(p.y)));
  return `    <node${xmlAttrs({ id: node.id })}>${extra.join('')}${recordData('node', node.atlasType, node.record, node.fields)}</node>`;
}

function edgeXml(edge: AtlasEdge): string {
  const attrs = xmlAttrs({ id: edge.id, source: edge.source, target: edge.target, directed: edge.directed ? 'true' : null });
  return `    <edge${attrs}>${recordData('edge', edge.atlasType, edge.record, edge.fields)}</edge>`;
}

export function writeGraphml(bundle: Bundle, opts: GraphmlExportOptions = {}): string {
  const keys = [
    keyXml('node', 'label', 'string'),
    ...(opts.positions ? [keyXml('node', 'x', 'double'), keyXml('node', 'y', 'double')] : []),
    ...NODE_FIELDS.map((f) => keyXml('node', f.name, GRAPHML_TYPES[f.kind])),
    ...EDGE_FIELDS.map((f) => keyXml('edge', f.name, GRAPHML_TYPES[f.kind])),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys,
    '  <graph id="stakeholder-atlas" edgedefault="undirected">',
    ...atlasNodes(bundle).map((n) => nodeXml(n, opts)),
    ...atlasEdges(bundle).map(edgeXml),
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}
