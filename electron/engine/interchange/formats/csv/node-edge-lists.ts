// A graph from spreadsheets other tools make: an edge list (source, target, maybe weight, type,
// dates) and optionally a node list. Column roles are guessed from common names and can be set by
// hand. Adjacency lists and matrices look like CSV too but mean something else; they are
// recognised and refused rather than read as wrong edges.
import { PartialDate } from '../../../../../shared/schemas';
import { readCsvRows, tableFromRows, type CsvRow, type CsvTable, type RawCsv } from './text';
import { ImportRefused, type AttrValue, type ImportIssue, type ParsedEdge, type ParsedGraph, type ParsedNode } from '../../model/parsed';

export interface NodeColumns {
  id?: string;
  name: string;
  country?: string;
  sector?: string;
}
export interface EdgeColumns {
  source: string;
  target: string;
  id?: string;
  weight?: string;
  type?: string;
  start?: string;
  end?: string;
}
export interface ColumnMapping {
  nodes?: NodeColumns;
  edges?: EdgeColumns;
}

// In order of preference: the first name a header matches wins.
const NODE_NAMES = {
  id: ['id', 'node', 'node_id', 'key'],
  name: ['name', 'label', 'organisation', 'organization', 'title'],
  country: ['country', 'nation', 'iso', 'country_code'],
  sector: ['sector', 'type', 'category'],
} as const;
const EDGE_NAMES = {
  source: ['source', 'from', 'source_id', 'src'],
  target: ['target', 'to', 'target_id', 'dst'],
  id: ['id', 'edge_id', 'key'],
  weight: ['weight'],
  type: ['type', 'kind', 'relation', 'relation_type'],
  start: ['start', 'start_date', 'from_date', 'since'],
  end: ['end', 'end_date', 'to_date', 'until'],
} as const;

const key = (header: string): string =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

function pick(headers: string[], names: readonly string[], taken: Set<string>): string | undefined {
  for (const name of names) {
    const found = headers.find((h) => key(h) === name && !taken.has(h));
    if (found) {
      taken.add(found);
      return found;
    }
  }
  return undefined;
}

function pickAll<K extends string>(headers: string[], names: Record<K, readonly string[]>): Partial<Record<K, string>> {
  const taken = new Set<string>();
  const picked: Partial<Record<K, string>> = {};
  for (const role of Object.keys(names) as K[]) {
    const header = pick(headers, names[role], taken);
    if (header) picked[role] = header;
  }
  return picked;
}

function guessNodes(table: CsvTable): NodeColumns | undefined {
  const { name, ...rest } = pickAll(table.headers, NODE_NAMES);
  // A node list with ids only still names its nodes: by the id.
  const label = name ?? rest.id ?? table.headers[0];
  return label ? { ...rest, name: label } : undefined;
}

function guessEdges(table: CsvTable): EdgeColumns | undefined {
  const { source, target, ...rest } = pickAll(table.headers, EDGE_NAMES);
  return source && target ? { source, target, ...rest } : undefined;
}

export function guessMapping(nodes: CsvTable | null, edges: CsvTable | null): ColumnMapping {
  const mapping: ColumnMapping = {};
  const n = nodes && guessNodes(nodes);
  const e = edges && guessEdges(edges);
  if (n) mapping.nodes = n;
  if (e) mapping.edges = e;
  return mapping;
}

// ---------- table → graph ----------

const cell = (row: CsvRow, column: string | undefined): string => (column ? (row.cells[column] ?? '').trim() : '');

function otherAttributes(row: CsvRow, used: (string | undefined)[]): Record<string, AttrValue> {
  return Object.fromEntries(Object.entries(row.cells).filter(([h, v]) => !used.includes(h) && v.trim() !== ''));
}

function tableNodes(table: CsvTable, columns: NodeColumns): ParsedNode[] {
  const lineOf = new Map<string, number>();
  return table.rows.flatMap((row) => {
    const label = cell(row, columns.name);
    const id = cell(row, columns.id) || label;
    if (!id) return [];
    const before = lineOf.get(id);
    if (before !== undefined) {
      throw new ImportRefused(`${table.name}: node "${id}" is listed twice (lines ${before} and ${row.line})`, { line: row.line });
    }
    lineOf.set(id, row.line);
    const attributes = otherAttributes(row, [columns.id, columns.name, columns.country, columns.sector]);
    const country = cell(row, columns.country);
    const sector = cell(row, columns.sector);
    if (country) attributes.country = country;
    if (sector) attributes.sector = sector;
    return [{ id, label: label || null, attributes, start: null, end: null, position: null, parent: null, line: row.line }];
  });
}

function endpointNode(id: string, line: number): ParsedNode {
  return { id, label: id, attributes: {}, start: null, end: null, position: null, parent: null, line };
}

// PartialDate's existence check also runs on text that failed its pattern, and throws there.
const DATE_SHAPE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

interface EdgeContext {
  table: CsvTable;
  columns: EdgeColumns;
  warnings: ImportIssue[];
}

function edgeDate(ctx: EdgeContext, row: CsvRow, column: string | undefined, attributes: Record<string, AttrValue>): string | null {
  const value = cell(row, column);
  if (!value || !column) return null;
  if (DATE_SHAPE.test(value) && PartialDate.safeParse(value).success) return value;
  attributes[column] = value;
  ctx.warnings.push({
    line: row.line,
    message: `${ctx.table.name}: "${value}" in ${column} is not a date written YYYY, YYYY-MM or YYYY-MM-DD; kept as an attribute`,
  });
  return null;
}

function edgeWeight(ctx: EdgeContext, row: CsvRow, attributes: Record<string, AttrValue>): number | null {
  const value = cell(row, ctx.columns.weight);
  if (!value || !ctx.columns.weight) return null;
  const weight = Number(value);
  if (Number.isFinite(weight)) return weight;
  attributes[ctx.columns.weight] = value;
  ctx.warnings.push({ line: row.line, message: `${ctx.table.name}: weight "${value}" is not a number; kept as an attribute` });
  return null;
}

function tableEdge(ctx: EdgeContext, row: CsvRow): ParsedEdge {
  const { columns, table } = ctx;
  const source = cell(row, columns.source);
  const target = cell(row, columns.target);
  if (!source || !target) {
    const missing = source ? columns.target : columns.source;
    throw new ImportRefused(`${table.name}: this edge has no ${missing}`, { line: row.line });
  }
  const c = columns;
  const attributes = otherAttributes(row, [c.source, c.target, c.id, c.weight, c.type, c.start, c.end]);
  const type = cell(row, c.type);
  if (type) attributes.type = type;
  return {
    id: cell(row, c.id) || null,
    source,
    target,
    directed: true,
    weight: edgeWeight(ctx, row, attributes),
    label: null,
    start: edgeDate(ctx, row, c.start, attributes),
    end: edgeDate(ctx, row, c.end, attributes),
    attributes,
    line: row.line,
  };
}

function checkEndpoints(edges: ParsedEdge[], nodes: ParsedNode[], table: CsvTable, warnings: ImportIssue[]): void {
  const known = new Set(nodes.map((n) => n.id));
  for (const edge of edges) {
    for (const end of [edge.source, edge.target].filter((id) => !known.has(id))) {
      warnings.push({ line: edge.line, message: `${table.name}: "${end}" is not in the node list` });
    }
  }
}

function nodesFromEndpoints(edges: ParsedEdge[]): ParsedNode[] {
  const nodes = new Map<string, ParsedNode>();
  for (const edge of edges) {
    for (const id of [edge.source, edge.target]) if (!nodes.has(id)) nodes.set(id, endpointNode(id, edge.line!));
  }
  return [...nodes.values()];
}

function requireColumns(table: CsvTable, wanted: (string | undefined)[]): void {
  for (const column of wanted) {
    if (column && !table.headers.includes(column)) {
      throw new ImportRefused(`${table.name} has no column "${column}" (it has ${table.headers.join(', ')})`, { line: 1 });
    }
  }
}

export function csvToGraph(nodes: CsvTable | null, edges: CsvTable | null, mapping: ColumnMapping): ParsedGraph {
  const warnings: ImportIssue[] = [];
  if (nodes && !mapping.nodes) throw new ImportRefused(`${nodes.name}: which column holds the node names?`);
  if (edges && !mapping.edges) throw new ImportRefused(`${edges.name}: no source and target columns; which columns are they?`);
  if (nodes && mapping.nodes) requireColumns(nodes, Object.values(mapping.nodes));
  if (edges && mapping.edges) requireColumns(edges, Object.values(mapping.edges));
  const parsedNodes = nodes && mapping.nodes ? tableNodes(nodes, mapping.nodes) : [];
  const parsedEdges =
    edges && mapping.edges ? edges.rows.map((row) => tableEdge({ table: edges, columns: mapping.edges!, warnings }, row)) : [];
  if (edges && nodes) checkEndpoints(parsedEdges, parsedNodes, edges, warnings);
  return {
    format: 'csv',
    directed: true,
    nodes: nodes ? parsedNodes : nodesFromEndpoints(parsedEdges),
    edges: parsedEdges,
    warnings,
  };
}

// ---------- files → graph ----------

const NOT_EDGE_LIST =
  'adjacency lists and adjacency matrices are not supported; save the network as an edge list with source and target columns (one row per edge)';
const SEPARATORS = 'commas, semicolons, tabs or |';

function looksLikeMatrix(raw: RawCsv): boolean {
  const [first, ...rest] = raw.rows;
  if (!first || first.cells[0]?.trim() === '') return true;
  const columnIds = first.cells
    .slice(1)
    .map((c) => c.trim())
    .sort();
  const rowIds = rest.map((r) => (r.cells[0] ?? '').trim()).sort();
  return columnIds.length > 1 && columnIds.join('\u0000') === rowIds.join('\u0000');
}

/** Whether the first row names source and target columns, rather than being the first edge. */
function hasEdgeHeader(raw: RawCsv): boolean {
  const named = pickAll(raw.rows[0]?.cells.map((c) => c.trim()) ?? [], EDGE_NAMES);
  return Boolean(named.source && named.target);
}

/** A header-less edge list: two columns, or three with a numeric weight (jgrapht, networkx CSV). */
function headerlessEdges(raw: RawCsv): CsvTable {
  const widths = new Set(raw.rows.map((r) => r.cells.length));
  const width = raw.rows[0]?.cells.length ?? 0;
  if (width === 1) {
    throw new ImportRefused(`${raw.name} has a single column: columns must be separated by ${SEPARATORS}`, { line: raw.rows[0]?.line });
  }
  if (widths.size > 1 || width > 3 || looksLikeMatrix(raw)) throw new ImportRefused(`${raw.name}: ${NOT_EDGE_LIST}`, { line: 1 });
  const headers = ['source', 'target', 'weight'].slice(0, width);
  const rows = raw.rows.map(({ line, cells }) => ({ line, cells: Object.fromEntries(headers.map((h, i) => [h, cells[i]!])) }));
  return { name: raw.name, delimiter: raw.delimiter, headers, rows };
}

function edgeTable(raw: RawCsv): CsvTable {
  return hasEdgeHeader(raw) ? tableFromRows(raw) : headerlessEdges(raw);
}

export interface CsvFile {
  name: string;
  text: string;
}

/** A graph read from CSV, with the tables it came from and the column roles it used. */
export interface CsvGraphRead {
  graph: ParsedGraph;
  nodes: CsvTable | null;
  edges: CsvTable | null;
  mapping: ColumnMapping;
}

/**
 * Reads an edge list (with or without a header) and/or a node list into a graph. Without a
 * mapping the columns are guessed; a file that is an adjacency list or matrix is refused.
 */
export function readCsvGraphFiles(edges: CsvFile | null, nodes: CsvFile | null, mapping?: ColumnMapping): CsvGraphRead {
  const nodeRows = nodes ? tableFromRows(readCsvRows(nodes.text, nodes.name)) : null;
  return fromTables(nodeRows, edges ? edgeRowsOf(readCsvRows(edges.text, edges.name), mapping) : null, mapping);
}

export function readCsvGraph(edges: CsvFile, nodes: CsvFile | null = null, mapping?: ColumnMapping): ParsedGraph {
  return readCsvGraphFiles(edges, nodes, mapping).graph;
}

/**
 * One file alone: a node list when its header names a node's name and no edge ends; anything else
 * (a header-less edge list too) is read as an edge list.
 */
export function readCsvGraphFile(file: CsvFile, mapping?: ColumnMapping): CsvGraphRead {
  const raw = readCsvRows(file.text, file.name);
  const first = raw.rows[0]?.cells.map((c) => c.trim()) ?? [];
  const ends = pickAll(first, EDGE_NAMES);
  const nodeList = mapping ? !mapping.edges : !(ends.source && ends.target) && pickAll(first, { name: NODE_NAMES.name }).name !== undefined;
  return nodeList ? fromTables(tableFromRows(raw), null, mapping) : fromTables(null, edgeRowsOf(raw, mapping), mapping);
}

function edgeRowsOf(raw: RawCsv, mapping: ColumnMapping | undefined): CsvTable {
  return mapping?.edges ? tableFromRows(raw) : edgeTable(raw);
}

function fromTables(nodes: CsvTable | null, edges: CsvTable | null, mapping: ColumnMapping | undefined): CsvGraphRead {
  const used = mapping ?? guessMapping(nodes, edges);
  return { graph: csvToGraph(nodes, edges, used), nodes, edges, mapping: used };
}
