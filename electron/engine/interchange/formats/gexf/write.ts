// GEXF 1.3 export, for Gephi and anything else that reads GEXF. Every record field is an attvalue
// (see model/atlas-graph.ts), so a file that went through Gephi and back still holds the records;
// every attribute is a typed attribute of its own (model/attribute-columns.ts), a relation's
// `weight` is the edge's weight, and only edges whose direction differs from the graph's default
// say theirs.
import type { Sector } from '../../../../../shared/domain';
import { EVENT_COLOUR, PARTNERSHIP_COLOUR, SECTOR_COLOURS } from '../../../../../shared/palette';
import { bundleReader, type Bundle, type BundleReader, type Dates } from '../../model/bundle';
import { collect, type TextOut } from '../../export/sink';
import {
  EDGE_FIELDS,
  EDGE_TYPES,
  NODE_FIELDS,
  NODE_TYPES,
  atlasEdges,
  atlasNodes,
  countEdges,
  countNodes,
  type AtlasEdge,
  type AtlasNode,
  type FieldKind,
  type FieldSpec,
  type GraphExportOptions,
  directedByDefault,
  graphAttributeColumns,
} from '../../model/atlas-graph';
import { columnValue, presentColumns, type AttributeColumn, type ColumnType } from '../../model/attribute-columns';
import { attr, escapeAttr, escapeText, jsonForXml, xmlAttrs } from '../xml/escape';

function defaultColour(node: AtlasNode): string {
  if (node.atlasType === 'partnership') return PARTNERSHIP_COLOUR;
  if (node.atlasType === 'event') return EVENT_COLOUR;
  return SECTOR_COLOURS[node.record.sector as Sector] ?? SECTOR_COLOURS.other;
}

// ---------- GEXF values ----------

const GEXF_TYPES: Record<FieldKind, string> = {
  string: 'string',
  integer: 'integer',
  boolean: 'boolean',
  list: 'liststring',
  json: 'string',
};

/** GEXF 1.3 lists are bracketed and comma-separated; quoting every item keeps commas and quotes. */
const LIST_SPECIAL = /["\\]/;
const backslashed = (c: string): string => `\\${c}`;

function gexfList(items: unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    const text = String(items[i]);
    out += `${i ? ', ' : ''}"${LIST_SPECIAL.test(text) ? text.replace(/["\\]/g, backslashed) : text}"`;
  }
  return `${out}]`;
}

function gexfValue(kind: FieldKind, value: unknown): string {
  if (kind === 'list') return gexfList(value as unknown[]);
  if (kind === 'json') return jsonForXml(value);
  return String(value);
}

// The escaped start of each field's attvalue, computed once per field list rather than per record.
const attvalueHeads = new WeakMap<readonly FieldSpec[], string[]>();

function headsOf(fields: readonly FieldSpec[]): string[] {
  let heads = attvalueHeads.get(fields);
  if (!heads) {
    heads = fields.map((f) => `<attvalue for="${escapeAttr(f.name)}" value="`);
    attvalueHeads.set(fields, heads);
  }
  return heads;
}

const ATTRIBUTE_TYPES: Record<ColumnType, string> = {
  string: 'string',
  integer: 'long',
  double: 'double',
  boolean: 'boolean',
  list: 'liststring',
};

/** The attribute columns' attvalue heads, once per export. */
interface AttributeOut {
  columns: readonly AttributeColumn[];
  heads: string[];
  present: ReturnType<typeof presentColumns>;
}

const attributeOut = (columns: readonly AttributeColumn[]): AttributeOut => ({
  columns,
  heads: columns.map((c) => `<attvalue for="${escapeAttr(c.column)}" value="`),
  present: presentColumns(columns),
});

function attributeValues(record: Record<string, unknown>, out: AttributeOut, skip: string | null): string {
  const attrs = record.attributes as Record<string, unknown> | undefined;
  let xml = '';
  for (const i of out.present(attrs)) {
    const c = out.columns[i]!;
    if (c.name === skip) continue;
    const v = columnValue(c.type, attrs![c.name]);
    if (v !== undefined) xml += `${out.heads[i]!}${escapeAttr(Array.isArray(v) ? gexfList(v) : String(v))}"/>`;
  }
  return xml;
}

function attvalues(
  atlasType: string,
  record: Record<string, unknown>,
  fields: readonly FieldSpec[],
  attrs: AttributeOut,
  skip: string | null = null,
): string {
  const heads = headsOf(fields);
  let out = `<attvalues><attvalue for="atlas_type" value="${atlasType}"/>`;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const v = record[f.name];
    if (v !== null && v !== undefined) out += `${heads[i]!}${escapeAttr(gexfValue(f.kind, v))}"/>`;
  }
  return `${out}${attributeValues(record, attrs, skip)}</attvalues>`;
}

// ---------- dates ----------

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * timeformat="date" needs whole xsd:dates, so a year or month becomes the first day of it for a
 * start and the last day for an end; the exact partial date stays in the startDate/endDate attvalue.
 */
function dateBound(partial: unknown, side: 'start' | 'end'): string | null {
  const m = typeof partial === 'string' ? PARTIAL_DATE.exec(partial) : null;
  if (!m) return null;
  const [, year, month, day] = m as unknown as [string, string, string | undefined, string | undefined];
  if (day !== undefined) return partial as string;
  if (month !== undefined) {
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return `${year}-${month}-${side === 'start' ? '01' : String(last).padStart(2, '0')}`;
  }
  return side === 'start' ? `${year}-01-01` : `${year}-12-31`;
}

function spanAttrs(record: Record<string, unknown>): string {
  return attr('start', dateBound(record.startDate, 'start')) + attr('end', dateBound(record.endDate, 'end'));
}

// ---------- viz ----------

function rgb(hex: string): { r: number; g: number; b: number } {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`colour "${hex}" is not #rgb or #rrggbb`);
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return { r: parseInt(h.slice(0, 2), 16), g: parseInt(h.slice(2, 4), 16), b: parseInt(h.slice(4, 6), 16) };
}

// The viz:color element of each colour, as most nodes share one of a handful of colours.
const colourElements = new Map<string, string>();

function colourElement(hex: string): string {
  let el = colourElements.get(hex);
  if (el === undefined) {
    el = `<viz:color${xmlAttrs(rgb(hex))}/>`;
    if (colourElements.size < 10_000) colourElements.set(hex, el);
  }
  return el;
}

function finite(n: number, what: string): number {
  if (!Number.isFinite(n)) throw new Error(`${what} must be a finite number, not ${n}`);
  return n;
}

function viz(node: AtlasNode, opts: GraphExportOptions): string {
  let out = colourElement(opts.colours?.[node.id] ?? defaultColour(node));
  const size = opts.sizes?.[node.id];
  if (size !== undefined) out += `<viz:size value="${Math.max(0, finite(size, `size of ${node.id}`))}"/>`;
  const p = opts.positions?.[node.id];
  if (p) out += `<viz:position x="${finite(p.x, `x of ${node.id}`)}" y="${finite(p.y, `y of ${node.id}`)}"/>`;
  return out;
}

// ---------- document ----------

function declarations(cls: 'node' | 'edge', fields: readonly FieldSpec[], attributes: readonly AttributeColumn[]): string {
  const lines = [
    ...fields.map((f) => `      <attribute${xmlAttrs({ id: f.name, title: f.name, type: GEXF_TYPES[f.kind] })}/>`),
    ...attributes.map((c) => `      <attribute${xmlAttrs({ id: c.column, title: c.column, type: ATTRIBUTE_TYPES[c.type] })}/>`),
  ];
  return `    <attributes class="${cls}">\n${lines.join('\n')}\n    </attributes>`;
}

function nodeXml(node: AtlasNode, opts: GraphExportOptions, attrs: AttributeOut): string {
  const xml = attr('id', node.id) + attr('label', String(node.record.name)) + spanAttrs(node.record);
  return `      <node${xml}>${attvalues(node.atlasType, node.record, node.fields, attrs)}${viz(node, opts)}</node>`;
}

/** A relation's weight attribute, when it is a number (GEXF weights are). */
function weightOf(edge: AtlasEdge, column: AttributeColumn | undefined): number | undefined {
  if (!column || edge.atlasType !== 'relation') return undefined;
  const v = columnValue(column.type, (edge.record.attributes as Record<string, unknown> | undefined)?.weight);
  return typeof v === 'number' ? v : undefined;
}

function edgeXml(edge: AtlasEdge, defaultDirected: boolean, attrs: AttributeOut, weightColumn: AttributeColumn | undefined): string {
  const weight = weightOf(edge, weightColumn);
  const xml =
    attr('id', edge.id) +
    attr('source', edge.source) +
    attr('target', edge.target) +
    (edge.directed === defaultDirected ? '' : edge.directed ? ' type="directed"' : ' type="undirected"') +
    (weight !== undefined ? ` weight="${weight}"` : '') +
    spanAttrs(edge.record);
  // The weight is the edge's own: written again as an attvalue, readers would hold it twice.
  return `      <edge${xml}>${attvalues(edge.atlasType, edge.record, edge.fields, attrs, weight !== undefined ? 'weight' : null)}</edge>`;
}

function hasDates(reader: BundleReader, types: Record<string, { part: keyof Bundle }>): boolean {
  for (const { part } of Object.values(types)) {
    for (const d of reader.dates(part) as Iterable<Dates>) {
      if (dateBound(d.startDate, 'start') !== null || dateBound(d.endDate, 'end') !== null) return true;
    }
  }
  return false;
}

function description(reader: BundleReader): string {
  return (
    `${reader.count('organisations')} organisations, ${reader.count('partnerships')} partnerships and ` +
    `${reader.count('events')} events, with memberships, participations and direct relations as edges`
  );
}

export function writeGexf(bundle: Bundle, opts: GraphExportOptions = {}): string {
  return collect((out) => streamGexf(bundleReader(bundle), opts, out));
}

export function streamGexf(reader: BundleReader, opts: GraphExportOptions, out: TextOut): void {
  const dynamic = hasDates(reader, NODE_TYPES) || hasDates(reader, EDGE_TYPES);
  const defaultDirected = directedByDefault(reader);
  const columns = graphAttributeColumns(reader, opts);
  // Numeric weights only: a text column named weight stays an attvalue.
  const weightColumn = columns.edge.find((c) => c.name === 'weight' && (c.type === 'integer' || c.type === 'double'));
  const nodeAttrs = attributeOut(columns.node);
  const edgeAttrs = attributeOut(columns.edge.filter((c) => c !== weightColumn));
  const graphAttrs = xmlAttrs({
    defaultedgetype: defaultDirected ? 'directed' : 'undirected',
    mode: dynamic ? 'dynamic' : 'static',
    timeformat: dynamic ? 'date' : null,
  });
  const head = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${new Date().toISOString().slice(0, 10)}">`,
    '    <creator>Stakeholder Atlas</creator>',
    `    <description>${escapeText(description(reader))}</description>`,
    '  </meta>',
    `  <graph${graphAttrs}>`,
    declarations('node', NODE_FIELDS, nodeAttrs.columns),
    declarations('edge', EDGE_FIELDS, edgeAttrs.columns),
    `    <nodes count="${countNodes(reader)}">`,
  ];
  out.write(`${head.join('\n')}\n`);
  for (const n of atlasNodes(reader)) out.write(`${nodeXml(n, opts, nodeAttrs)}\n`);
  out.write(`    </nodes>\n    <edges count="${countEdges(reader)}">\n`);
  for (const e of atlasEdges(reader)) out.write(`${edgeXml(e, defaultDirected, edgeAttrs, weightColumn)}\n`);
  out.write('    </edges>\n  </graph>\n</gexf>\n');
}
