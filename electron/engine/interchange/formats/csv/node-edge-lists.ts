// A graph from spreadsheets other tools make: an edge list (source, target, maybe weight, type,
// dates) and optionally a node list. What each table is, is judged by its content: a header naming
// an edge's ends is an edge list, a first row whose cells recur as values is a header-less edge
// list, any other table with a header is a node list, whatever its columns are called. Column
// roles are guessed from the names people give them (in several languages) and from the values,
// and can be set by hand, including which node column the edge list's ends name. Adjacency lists
// and matrices look like CSV too but mean something else; they are recognised and refused rather
// than read as wrong edges. A few bad rows (a node ID listed again, an edge with no end) are left
// out and listed, for the person importing to skip.
import { PartialDate } from '../../../../../shared/schemas';
import { COUNTRY_COLUMNS, ID_COLUMNS, isIdLike, NAME_COLUMNS, SECTOR_COLUMNS, columnKey } from '../../model/column-names';
import { readCsvRows, tableFromRows, type CsvRow, type CsvTable, type RawCsv } from './text';
import { ImportRefused, ParsedEdges, type AttrValue, type ImportIssue, type ParsedGraph, type ParsedNode } from '../../model/parsed';

export interface NodeColumns {
  id?: string;
  name: string;
  country?: string;
  sector?: string;
  x?: string;
  y?: string;
}
export interface EdgeColumns {
  source: string;
  target: string;
  /** The node list's column the ends name; the node list's ID column (or its name column) when not given. */
  refersTo?: string;
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
  id: ID_COLUMNS,
  name: NAME_COLUMNS,
  country: COUNTRY_COLUMNS,
  sector: SECTOR_COLUMNS,
  x: ['x', 'pos_x', 'position_x', 'x_position', 'longitude_x'],
  y: ['y', 'pos_y', 'position_y', 'y_position', 'latitude_y'],
} as const;
const EDGE_NAMES = {
  source: [
    'source',
    'from',
    'source_id',
    'src',
    'source_node',
    'from_id',
    'origin',
    'sender',
    'node_1',
    'node1',
    'origen',
    'origine',
    'de',
  ],
  target: [
    'target',
    'to',
    'target_id',
    'dst',
    'target_node',
    'to_id',
    'destination',
    'receiver',
    'node_2',
    'node2',
    'destino',
    'cible',
    'a',
  ],
  id: ['id', 'edge_id', 'key'],
  weight: ['weight', 'value', 'strength'],
  type: ['type', 'kind', 'relation', 'relation_type', 'edge_type'],
  start: ['start', 'start_date', 'from_date', 'since'],
  end: ['end', 'end_date', 'to_date', 'until'],
} as const;

const key = (header: string): string => columnKey(header.trim());

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

const NUMBER = /^-?\d+(?:[.,]\d+)?(?:e-?\d+)?$/i;
const SAMPLE = 500;

/** Of a column's first rows: how many distinct values, how many are numbers, how many are filled. */
function profile(table: CsvTable, column: string) {
  const seen = new Set<string>();
  let numbers = 0;
  let filled = 0;
  for (const row of table.rows.slice(0, SAMPLE)) {
    const v = (row.cells[column] ?? '').trim();
    if (!v) continue;
    filled++;
    seen.add(v);
    if (NUMBER.test(v)) numbers++;
  }
  return { distinct: seen.size, numbers, filled };
}

/**
 * The node list's roles: by the columns' names first; failing a name column, the column of text
 * most distinct in its values that is not an identifier (`english_name` beside `ngo_id`); failing
 * an ID column, one named like one (`SPRVD_id`) whose values are unique (a few repeats aside).
 */
function guessNodes(table: CsvTable): NodeColumns | undefined {
  const { name, id, x, y, ...rest } = pickAll(table.headers, NODE_NAMES);
  const taken = new Set(Object.values({ name, id, x, y, ...rest }).filter(Boolean) as string[]);
  const free = table.headers.filter((h) => !taken.has(h));
  // Unique but for a few rows typed twice, which are then listed to skip.
  const unique = (h: string) => {
    const p = profile(table, h);
    return p.filled > 0 && p.filled - p.distinct <= Math.max(5, 0.1 * p.filled);
  };
  const ids = id ?? free.find((h) => isIdLike(h) && unique(h));
  let label = name;
  if (!label) {
    let best = -1;
    for (const h of free) {
      if (h === ids || isIdLike(h)) continue;
      const p = profile(table, h);
      const score = p.distinct - p.numbers * 2;
      if (score > best) [best, label] = [score, h];
    }
  }
  label ??= ids ?? table.headers[0];
  if (!label) return undefined;
  const numeric = (h: string | undefined) => h !== undefined && profile(table, h).numbers === profile(table, h).filled;
  const positions = numeric(x) && numeric(y) ? { x, y } : {};
  return { ...(ids && ids !== label ? { id: ids } : {}), ...rest, ...positions, name: label };
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

function tableNodes(table: CsvTable, columns: NodeColumns, rejected: ImportIssue[]): ParsedNode[] {
  const lineOf = new Map<string, number>();
  return table.rows.flatMap((row) => {
    const label = cell(row, columns.name);
    const id = cell(row, columns.id) || label;
    if (!id) return [];
    const before = lineOf.get(id);
    if (before !== undefined) {
      rejected.push({ line: row.line, message: `${table.name}: node "${id}" is listed again (first on line ${before})` });
      return [];
    }
    lineOf.set(id, row.line);
    const attributes = otherAttributes(row, [columns.id, columns.name, columns.country, columns.sector, columns.x, columns.y]);
    const country = cell(row, columns.country);
    const sector = cell(row, columns.sector);
    if (country) attributes.country = country;
    if (sector) attributes.sector = sector;
    const x = Number(cell(row, columns.x).replace(',', '.'));
    const y = Number(cell(row, columns.y).replace(',', '.'));
    const position =
      columns.x && columns.y && cell(row, columns.x) && cell(row, columns.y) && Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null;
    return [{ id, label: label || null, attributes, start: null, end: null, position, parent: null, line: row.line }];
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
  rejected: ImportIssue[];
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

function addEdge(ctx: EdgeContext, row: CsvRow, edges: ParsedEdges): void {
  const { columns, table } = ctx;
  const source = cell(row, columns.source);
  const target = cell(row, columns.target);
  if (!source || !target) {
    const missing = source ? columns.target : columns.source;
    ctx.rejected.push({ line: row.line, message: `${table.name}: this edge has no ${missing}` });
    return;
  }
  const c = columns;
  const attributes = otherAttributes(row, [c.source, c.target, c.id, c.weight, c.type, c.start, c.end]);
  const type = cell(row, c.type);
  if (type) attributes.type = type;
  edges.add({
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
  });
}

function checkEndpoints(edges: ParsedEdges, nodes: ParsedNode[], table: CsvTable, warnings: ImportIssue[]): void {
  const known = new Set(nodes.map((n) => n.id));
  const listed = edges.endNames.map((name) => known.has(name));
  for (let k = 0; k < edges.length; k++) {
    for (const place of [edges.sourcePlace(k), edges.targetPlace(k)]) {
      if (!listed[place])
        warnings.push({ ...edges.locationOf(k), message: `${table.name}: "${edges.endNames[place]}" is not in the node list` });
    }
  }
}

function nodesFromEndpoints(edges: ParsedEdges): ParsedNode[] {
  // The ends' names are listed in the order first met, as the nodes are.
  const line = new Int32Array(edges.endNames.length);
  for (let k = edges.length - 1; k >= 0; k--) {
    const at = edges.locationOf(k).line!;
    line[edges.sourcePlace(k)] = at;
    line[edges.targetPlace(k)] = at;
  }
  return edges.endNames.map((id, place) => endpointNode(id, line[place]!));
}

function requireColumns(table: CsvTable, wanted: (string | undefined)[]): void {
  for (const column of wanted) {
    if (column && !table.headers.includes(column)) {
      throw new ImportRefused(`${table.name} has no column "${column}" (it has ${table.headers.join(', ')})`, { line: 1 });
    }
  }
}

/**
 * The node column the edge ends name when the mapping does not say: of the ID and name columns,
 * the one more of the ends are found in (a file's edges may name their ends by name beside an ID
 * column, and all of them would be dropped if read as IDs).
 */
function endsColumn(nodes: CsvTable, columns: NodeColumns, edges: ParsedEdges): string | undefined {
  if (!columns.id) return undefined;
  const found = (column: string) => {
    const values = new Set(nodes.rows.map((r) => cell(r, column)));
    let n = 0;
    for (let k = 0; k < Math.min(SAMPLE, edges.length); k++)
      n += Number(values.has(edges.sourceOf(k))) + Number(values.has(edges.targetOf(k)));
    return n;
  };
  return found(columns.name) > found(columns.id) ? columns.name : columns.id;
}

/**
 * Edge ends written as another node column's values, rewritten as the nodes' IDs; an edge whose
 * end that column does not hold is left out with a warning (read as an ID, it could land on a
 * node it does not mean).
 */
function renameEnds(
  nodes: CsvTable,
  columns: NodeColumns,
  refersTo: string,
  edges: ParsedEdges,
  table: CsvTable,
  warnings: ImportIssue[],
): void {
  const idOf = new Map<string, string>();
  for (const row of nodes.rows) {
    const value = cell(row, refersTo);
    const id = cell(row, columns.id) || cell(row, columns.name);
    if (value && id && !idOf.has(value)) idOf.set(value, id);
  }
  edges.retain((k) => {
    const source = idOf.get(edges.sourceOf(k));
    const target = idOf.get(edges.targetOf(k));
    if (source === undefined || target === undefined) {
      const end = source === undefined ? edges.sourceOf(k) : edges.targetOf(k);
      warnings.push({ ...edges.locationOf(k), message: `${table.name}: "${end}" is no node's ${refersTo}; the edge is skipped` });
      return false;
    }
    edges.setEnds(k, source, target);
    return true;
  });
}

function refuseEmpty(table: CsvTable | null): void {
  if (table && table.rows.length === 0) {
    throw new ImportRefused(`${table.name} has a header (${table.headers.join(', ')}) but no rows: there is nothing to import`, {
      line: 1,
    });
  }
}

export function csvToGraph(nodes: CsvTable | null, edges: CsvTable | null, mapping: ColumnMapping): ParsedGraph {
  const warnings: ImportIssue[] = [];
  const rejected: ImportIssue[] = [];
  refuseEmpty(nodes);
  refuseEmpty(edges);
  if (nodes && !mapping.nodes) throw new ImportRefused(`${nodes.name}: which column holds the node names?`);
  if (edges && !mapping.edges) throw new ImportRefused(`${edges.name}: no source and target columns; which columns are they?`);
  if (nodes && mapping.nodes) requireColumns(nodes, Object.values(mapping.nodes));
  if (edges && mapping.edges) {
    const { refersTo, ...own } = mapping.edges;
    requireColumns(edges, Object.values(own));
    if (nodes && refersTo) requireColumns(nodes, [refersTo]);
  }
  const parsedNodes = nodes && mapping.nodes ? tableNodes(nodes, mapping.nodes, rejected) : [];
  const parsedEdges = new ParsedEdges();
  if (edges && mapping.edges) {
    const ctx = { table: edges, columns: mapping.edges, warnings, rejected };
    for (const row of edges.rows) addEdge(ctx, row, parsedEdges);
  }
  if (edges && nodes && mapping.nodes) {
    const refersTo = mapping.edges?.refersTo ?? endsColumn(nodes, mapping.nodes, parsedEdges);
    if (refersTo && refersTo !== mapping.nodes.id) renameEnds(nodes, mapping.nodes, refersTo, parsedEdges, edges, warnings);
    if (mapping.edges && refersTo && !mapping.edges.refersTo) mapping.edges.refersTo = refersTo;
    checkEndpoints(parsedEdges, parsedNodes, edges, warnings);
  }
  return {
    format: 'csv',
    directed: true,
    nodes: nodes ? parsedNodes : nodesFromEndpoints(parsedEdges),
    edges: parsedEdges,
    warnings,
    rejected,
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

/**
 * Whether the first row is a header: every cell filled, one at least not a number, and none of
 * them found again among the values below (a header-less edge list's first row names nodes that
 * recur; an adjacency list's too).
 */
function hasHeader(raw: RawCsv): boolean {
  const first = raw.rows[0]?.cells.map((c) => c.trim()) ?? [];
  // A list of names alone, under a header saying so.
  if (first.length === 1) return NAME_COLUMNS.includes(key(first[0]!));
  if (first.length < 2 || first.some((c) => c === '') || first.every((c) => NUMBER.test(c))) return false;
  const values = new Set<string>();
  for (const row of raw.rows.slice(1, SAMPLE)) for (const c of row.cells) values.add(c.trim());
  return !first.some((c) => values.has(c));
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

export interface CsvFile {
  name: string;
  text: string;
}

/** A graph read from CSV, with the tables it came from, the column roles it used and the preamble lines skipped. */
export interface CsvGraphRead {
  graph: ParsedGraph;
  nodes: CsvTable | null;
  edges: CsvTable | null;
  mapping: ColumnMapping;
  skippedLines: number;
}

type Kind = 'nodes' | 'edges' | 'headerless';

/** What a table is, by its content: an edge list (its header names the ends), a header-less edge list, or a node list. */
function kindOf(raw: RawCsv): Kind {
  if (hasEdgeHeader(raw)) return 'edges';
  if (raw.rows[0]?.cells[0]?.trim() === '' || !hasHeader(raw)) return 'headerless';
  return 'nodes';
}

const read = (file: CsvFile, skipLines: number | undefined): RawCsv => readCsvRows(file.text, file.name, skipLines);

/**
 * An edge list and/or a node list, however they are named: the file whose content is an edge list
 * is the edges, the other the nodes; names decide only between two files alike.
 */
export function readCsvGraphFiles(files: CsvFile[], mapping?: ColumnMapping, skipLines?: number): CsvGraphRead {
  const raws = files.map((f) => read(f, skipLines));
  const kinds = raws.map(kindOf);
  const named = (re: RegExp) => raws.findIndex((r) => re.test(r.name));
  let e = kinds.indexOf('edges');
  if (e < 0 || kinds.indexOf('edges', e + 1) >= 0) e = named(/edge|link|tie|relation/i);
  let n = raws.findIndex((_, i) => i !== e && kinds[i] === 'nodes');
  if (n < 0) n = raws.findIndex((r, i) => i !== e && /node|vert|organi[sz]ation/i.test(r.name));
  if (e < 0 && n >= 0) e = raws.findIndex((_, i) => i !== n);
  if (e < 0 || n < 0) {
    throw new ImportRefused(
      `cannot tell which of ${files.map((f) => f.name).join(', ')} lists nodes and which lists edges: the edge list names its ends in columns called source and target; import the two together`,
    );
  }
  const skipped = Math.max(raws[n]!.skipped, raws[e]!.skipped);
  // Each file's rows are let go once its table is made: both at once were 65 MB more for 250,000 rows.
  const nodeTable = tableFromRows(raws[n]!);
  const edgeTable = edgeRowsOf(raws[e]!, mapping, kinds[e]!);
  raws.length = 0;
  return fromTables(nodeTable, edgeTable, mapping, skipped);
}

export function readCsvGraph(edges: CsvFile, nodes: CsvFile | null = null, mapping?: ColumnMapping): ParsedGraph {
  return (nodes ? readCsvGraphFiles([nodes, edges], mapping) : readCsvGraphFile(edges, mapping)).graph;
}

/** One file alone: a node list or an edge list by its content (or by the mapping given). */
export function readCsvGraphFile(file: CsvFile, mapping?: ColumnMapping, skipLines?: number): CsvGraphRead {
  const raw = read(file, skipLines);
  const kind = kindOf(raw);
  const nodeList = mapping ? !mapping.edges : kind === 'nodes';
  return nodeList
    ? fromTables(tableFromRows(raw), null, mapping, raw.skipped)
    : fromTables(null, edgeRowsOf(raw, mapping, kind), mapping, raw.skipped);
}

function edgeRowsOf(raw: RawCsv, mapping: ColumnMapping | undefined, kind: Kind): CsvTable {
  return mapping?.edges || kind !== 'headerless' ? tableFromRows(raw) : headerlessEdges(raw);
}

function fromTables(
  nodes: CsvTable | null,
  edges: CsvTable | null,
  mapping: ColumnMapping | undefined,
  skippedLines: number,
): CsvGraphRead {
  const used = mapping ? structuredClone(mapping) : guessMapping(nodes, edges);
  return { graph: csvToGraph(nodes, edges, used), nodes, edges, mapping: used, skippedLines };
}
