// GraphML export, for yEd, Gephi, networkx, igraph and graph databases. GraphML has typed keys but
// no list or object types, so tags and attributes objects are JSON text under the field's name.
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
} from '../../model/atlas-graph';
import { attr, escapeText, jsonForXml, xmlAttrs } from '../xml/escape';

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

function nodeXml(node: AtlasNode, opts: GraphmlExportOptions): string {
  // Gephi and Cytoscape take a "label" key as the node's caption.
  let extra = dataXml('node', 'label', String(node.record.name));
  const p = opts.positions?.[node.id];
  if (p) extra += dataXml('node', 'x', String(p.x)) + dataXml('node', 'y', String(p.y));
  return `    <node${attr('id', node.id)}>${extra}${recordData('node', node.atlasType, node.record, node.fields)}</node>`;
}

function edgeXml(edge: AtlasEdge): string {
  const attrs = attr('id', edge.id) + attr('source', edge.source) + attr('target', edge.target) + (edge.directed ? ' directed="true"' : '');
  return `    <edge${attrs}>${recordData('edge', edge.atlasType, edge.record, edge.fields)}</edge>`;
}

export function writeGraphml(bundle: Bundle, opts: GraphmlExportOptions = {}): string {
  return collect((out) => streamGraphml(bundleReader(bundle), opts, out));
}

export function streamGraphml(reader: BundleReader, opts: GraphmlExportOptions, out: TextOut): void {
  const keys = [
    keyXml('node', 'label', 'string'),
    ...(opts.positions ? [keyXml('node', 'x', 'double'), keyXml('node', 'y', 'double')] : []),
    ...NODE_FIELDS.map((f) => keyXml('node', f.name, GRAPHML_TYPES[f.kind])),
    ...EDGE_FIELDS.map((f) => keyXml('edge', f.name, GRAPHML_TYPES[f.kind])),
  ];
  const head = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys,
    '  <graph id="stakeholder-atlas" edgedefault="undirected">',
  ];
  out.write(`${head.join('\n')}\n`);
  for (const n of atlasNodes(reader)) out.write(`${nodeXml(n, opts)}\n`);
  for (const e of atlasEdges(reader)) out.write(`${edgeXml(e)}\n`);
  out.write('  </graph>\n</graphml>\n');
}
