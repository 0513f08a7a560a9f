// Atlas records as one table per record type (a CSV file or an XLSX sheet), columns named after the
// record fields, so a spreadsheet user can read and edit them and the app can read them back with
// IDs and timestamps intact. The CSV and XLSX formats share this encoding, cells both ways.
import { jsonTextNestingWithin } from '../../../../shared/nesting';
import type { z } from 'zod';
import {
  Citation,
  CitationFields,
  Event,
  EventFields,
  Membership,
  MembershipFields,
  Organisation,
  OrganisationFields,
  Participation,
  ParticipationFields,
  Partnership,
  PartnershipFields,
  Relation,
  RelationFields,
  Source,
  SourceFields,
} from '../../../../shared/schemas';
import {
  attributeColumns,
  attributeNameOf,
  columnValue,
  KIND_PART,
  presentColumns,
  type AttributeColumn,
  type AttributeStats,
} from './attribute-columns';
import type { Bundle } from './bundle';
import { ImportRefused } from './parsed';

export type TablePart = Exclude<keyof Bundle, 'savedViews'>;
type AnyObject = z.ZodObject<z.ZodRawShape>;

/**
 * `schema` gives the columns and the record's shape; `fields` adds the rules a record must meet
 * to be created (country codes, real dates, web addresses), which the record shape alone does not
 * check. Saved views are app settings, not network data; they travel only in snapshots.
 */
export const RECORD_TABLES: { part: TablePart; sheet: string; schema: AnyObject; fields: AnyObject }[] = [
  { part: 'organisations', sheet: 'Organisations', schema: Organisation, fields: OrganisationFields },
  { part: 'partnerships', sheet: 'Partnerships', schema: Partnership, fields: PartnershipFields },
  { part: 'memberships', sheet: 'Memberships', schema: Membership, fields: MembershipFields },
  { part: 'events', sheet: 'Events', schema: Event, fields: EventFields },
  { part: 'participations', sheet: 'Participations', schema: Participation, fields: ParticipationFields },
  { part: 'relations', sheet: 'Relations', schema: Relation, fields: RelationFields },
  { part: 'sources', sheet: 'Sources', schema: Source, fields: SourceFields },
  { part: 'citations', sheet: 'Citations', schema: Citation, fields: CitationFields },
];
export type RecordTable = (typeof RECORD_TABLES)[number];

/** A cell as written: numbers and booleans stay typed where the file can say so. */
export type CellValue = string | number | boolean | null;

/** Rows of cells under named columns, as a CSV file or a workbook sheet holds them. */
export interface CellTable {
  headers: string[];
  rows: { line: number; cells: Record<string, string> }[];
}

// Spreadsheets run a cell that starts with one of these as a formula (CSV injection). Leading
// apostrophes are included so that a text that already starts with "'=" survives the reader
// removing the one apostrophe the writer added.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** Text as a spreadsheet must show it, never run it. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes `neutralise`: for files this app wrote, so that a round trip is exact. */
function unneutralise(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

type FieldKind = 'text' | 'nullable' | 'number' | 'boolean' | 'list' | 'object';

function fieldKind(field: z.ZodType): FieldKind {
  const def = field._zod.def as { type: string; innerType?: z.ZodType };
  if (def.type === 'nullable') {
    const inner = fieldKind(def.innerType!);
    return inner === 'text' ? 'nullable' : inner;
  }
  if (def.type === 'number') return 'number';
  if (def.type === 'boolean') return 'boolean';
  if (def.type === 'array') return 'list';
  if (def.type === 'record') return 'object';
  return 'text';
}

const columnCache = new WeakMap<RecordTable, string[]>();

export function columnsOf(table: RecordTable): string[] {
  let columns = columnCache.get(table);
  if (!columns) {
    columns = Object.keys(table.schema.shape);
    columnCache.set(table, columns);
  }
  return [...columns];
}

/** Whether a table's records carry attributes, which are then columns of their own after the fields. */
export const hasAttributes = (table: RecordTable): boolean => 'attributes' in table.schema.shape;

/** The field columns a file of this table has: every field but `attributes`. */
export function fieldColumnsOf(table: RecordTable): string[] {
  return columnsOf(table).filter((c) => c !== 'attributes');
}

/** A table as written: its field columns, then one column per attribute its records carry. */
export interface TableLayout {
  headers: string[];
  fields: string[];
  attributes: AttributeColumn[];
  /** Which attribute columns a record has a value in. */
  present: ReturnType<typeof presentColumns>;
}

export function tableLayout(table: RecordTable, stats: readonly AttributeStats[]): TableLayout {
  const fields = hasAttributes(table) ? fieldColumnsOf(table) : columnsOf(table);
  const mine = hasAttributes(table) ? stats.filter((s) => KIND_PART[s.kind] === table.part) : [];
  const reserved = new Set(columnsOf(table));
  const columns = attributeColumns(mine, { node: reserved, edge: reserved });
  const attributes = table.part === 'relations' ? columns.edge : columns.node;
  return { headers: [...fields, ...attributes.map((c) => c.column)], fields, attributes, present: presentColumns(attributes) };
}

/** One record's row under a layout. */
export function layoutCells(layout: TableLayout, record: object): CellValue[] {
  const values = record as Record<string, unknown>;
  const cells: CellValue[] = new Array(layout.headers.length);
  let i = 0;
  for (const f of layout.fields) cells[i++] = toCell(values[f]);
  const attrs = values.attributes as Record<string, unknown> | undefined;
  cells.fill(null, i);
  for (const j of layout.present(attrs)) cells[i + j] = attributeCellOf(layout.attributes[j]!, attrs![layout.attributes[j]!.name]);
  return cells;
}

/** An attribute's cell: lists as JSON arrays, so that this app reads them back as lists. */
export function attributeCellOf(column: AttributeColumn, value: unknown): CellValue {
  const v = columnValue(column.type, value);
  return Array.isArray(v) ? JSON.stringify(v) : toCell(v);
}

// ---------- records → cells ----------

// '; ' reads well in a spreadsheet; JSON when an item would not survive splitting on ';'.
function listCell(items: unknown[]): string {
  const strings = items.map(String);
  const plain = strings.every((s) => s !== '' && s === s.trim() && !s.includes(';')) && !strings[0]?.startsWith('[');
  return plain ? strings.join('; ') : JSON.stringify(items);
}

function objectCell(value: object): string {
  return Object.keys(value).length ? JSON.stringify(value) : '';
}

/** One value as a cell: numbers and booleans stay typed, lists and objects become text. */
export function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return listCell(value);
  if (typeof value === 'object') return objectCell(value);
  return String(value);
}

// ---------- cells → records ----------

function parseJson(text: string): unknown {
  // Too deep to walk safely: left as text, so the schema refuses the field by name.
  if (!jsonTextNestingWithin(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// A value that cannot be converted is passed on as text, so the schema names the field.
function fromCell(kind: FieldKind, raw: string): unknown {
  const text = unneutralise(raw);
  if (kind === 'text') return text;
  if (kind === 'list') {
    if (text.trim() === '') return [];
    return text.startsWith('[') ? (parseJson(text) ?? text) : text.split(';').map((s) => s.trim());
  }
  if (kind === 'object') return text.trim() === '' ? {} : (parseJson(text) ?? text);
  if (text === '') return null;
  if (kind === 'number') return Number.isFinite(Number(text)) ? Number(text) : text;
  if (kind === 'boolean') return { true: true, false: false }[text.trim().toLowerCase()] ?? text;
  return text;
}

function refuseUnknownColumns(table: RecordTable, csv: CellTable, file: string): void {
  // Columns past a table's fields are its records' attributes.
  if (hasAttributes(table)) return;
  const known = columnsOf(table);
  const unknown = csv.headers.findIndex((h) => !known.includes(h));
  if (unknown >= 0) {
    throw new ImportRefused(`${file}: "${csv.headers[unknown]}" is not a field of ${table.part} (fields: ${known.join(', ')})`, {
      line: 1,
      column: unknown + 1,
    });
  }
}

/** Every row of one record type's table, converted and checked against the record schema. */
export function tableToRecords(table: RecordTable, csv: CellTable, file: string): unknown[] {
  refuseUnknownColumns(table, csv, file);
  const columns = columnsOf(table);
  const shape = table.schema.shape as Record<string, z.ZodType>;
  // A record twice (a row pasted again) would become two records, or fail at its citation.
  const lineOf = new Map<string, number>();
  const reserved = new Set(columns);
  const extra = hasAttributes(table) ? csv.headers.filter((h) => !reserved.has(h) && h !== '') : [];
  return csv.rows.map((row) => {
    const values = Object.fromEntries(columns.map((c) => [c, fromCell(fieldKind(shape[c]!), row.cells[c] ?? '')]));
    if (extra.length) values.attributes = withAttributeCells(values.attributes, extra, row.cells, reserved);
    const record = table.schema.safeParse(values);
    if (!record.success) refuseRow(record.error, csv, file, row.line);
    checkRules(table, values, (field, message) => refuse(csv, file, row.line, field, message));
    const id = (record.data as { id: string }).id;
    const first = lineOf.get(id);
    if (first !== undefined)
      refuse(csv, file, row.line, 'id', `${id} is already the ID of the record on line ${first}; a file holds each record once`);
    lineOf.set(id, row.line);
    return record.data;
  });
}

/** The attribute columns' cells added to a record's attributes (empty cells are no value). */
function withAttributeCells(base: unknown, columns: string[], cells: Record<string, string>, reserved: ReadonlySet<string>): unknown {
  const attrs: Record<string, unknown> = base && typeof base === 'object' && !Array.isArray(base) ? { ...(base as object) } : {};
  for (const c of columns) {
    const text = unneutralise(cells[c] ?? '');
    const name = attributeNameOf(c, reserved);
    if (text !== '' && name !== null) attrs[name] = attributeCell(text);
  }
  return attrs;
}

/**
 * A cell of an attribute column: a number written as a number would be (not "007" or "1e3"), and
 * true and false, are read as such; anything else stays the text it is.
 */
function attributeCell(text: string): unknown {
  if (text.startsWith('[') && text.endsWith(']')) {
    const list = parseJson(text);
    if (Array.isArray(list)) return list;
  }
  if (text === 'true') return true;
  if (text === 'false') return false;
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text ? n : text;
}

// Field by field, because PartialDate's existence check throws on text that failed its pattern.
function checkRules(table: RecordTable, values: Record<string, unknown>, fail: (field: string, message: string) => never): void {
  for (const [field, schema] of Object.entries(table.fields.shape as Record<string, z.ZodType>)) {
    let message: string | null;
    try {
      const result = schema.safeParse(values[field]);
      message = result.success ? null : result.error.issues[0]!.message;
    } catch {
      message = 'This value is not in the form this field takes';
    }
    if (message) fail(field, message);
  }
}

function refuseRow(error: z.ZodError, csv: CellTable, file: string, line: number): never {
  return refuse(csv, file, line, String(error.issues[0]!.path[0] ?? ''), error.issues[0]!.message);
}

function refuse(csv: CellTable, file: string, line: number, field: string, message: string): never {
  const column = csv.headers.indexOf(field) + 1 || undefined;
  throw new ImportRefused(`${file}: ${field}: ${message}`, { line, column });
}
