// How each record type maps onto its table: which columns, how they are encoded, what they refer
// to, what may be sorted and searched. The writer and the generic record service read only this.
import type { RecordType } from '../../../shared/domain';

export type ColumnKind = 'text' | 'int' | 'bool' | 'json';
export interface Column {
  key: string; // the record's field (camelCase)
  col: string; // the table's column (snake_case)
  kind: ColumnKind;
  /** Value a create fills in when the field is missing. */
  empty: unknown;
}
export interface Reference {
  key: string;
  /** The table the key points into; 'country' is the reference table. */
  target: 'organisation' | 'partnership' | 'event' | 'source' | 'country';
}

/** The column a referenced record is found by: countries by their code, records by their ID. */
export const keyColumnOf = (table: string) => (table === 'country' ? 'code' : 'id');

/** What a missing reference is said to be: "country has the code 'XX'", "organisation has ID '…'". */
export const missingRecord = (table: string, key: string) => `${table === 'country' ? 'country has the code' : `${table} has ID`} '${key}'`;
export interface Unique {
  keys: string[];
  message: string;
}
export interface TableDef {
  type: RecordType;
  table: string;
  /** The name people use for one of these, in messages. */
  noun: string;
  columns: Column[];
  refs: Reference[];
  uniques: Unique[];
  sortable: string[];
  /** Fields that may be used in a list's `where`. */
  filterable: string[];
  searchable: string[];
  /** [start, end] date fields that must be in order. */
  dateRange?: [string, string];
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const col = (key: string, kind: ColumnKind, empty: unknown = null): Column => ({
  key,
  col: snake(key),
  kind,
  empty,
});
const text = (key: string) => col(key, 'text');
const tags = (key: string) => col(key, 'json', []);
const obj = (key: string) => col(key, 'json', {});
const synthetic = col('synthetic', 'bool', false);

export const TABLES = {
  organisation: {
    type: 'organisation',
    table: 'organisation',
    noun: 'organisation',
    columns: [
      text('name'),
      text('acronym'),
      text('sector'),
      text('country'),
      text('city'),
      text('website'),
      text('description'),
      tags('tags'),
      obj('attributes'),
      synthetic,
    ],
    refs: [{ key: 'country', target: 'country' }],
    uniques: [],
    sortable: ['name', 'acronym', 'sector', 'country', 'createdAt', 'updatedAt'],
    filterable: ['sector', 'country'],
    searchable: ['name', 'acronym'],
  },
  partnership: {
    type: 'partnership',
    table: 'partnership',
    noun: 'partnership',
    columns: [
      text('name'),
      text('kind'),
      tags('focusAreas'),
      tags('regionalScope'),
      text('startDate'),
      text('endDate'),
      text('status'),
      text('description'),
      tags('tags'),
      obj('attributes'),
      synthetic,
    ],
    refs: [],
    uniques: [],
    sortable: ['name', 'kind', 'startDate', 'endDate', 'createdAt', 'updatedAt'],
    filterable: ['kind', 'status'],
    searchable: ['name'],
    dateRange: ['startDate', 'endDate'],
  },
  membership: {
    type: 'membership',
    table: 'membership',
    noun: 'membership',
    columns: [text('partnershipId'), text('organisationId'), text('role'), text('startDate'), text('endDate')],
    refs: [
      { key: 'partnershipId', target: 'partnership' },
      { key: 'organisationId', target: 'organisation' },
    ],
    uniques: [
      {
        keys: ['partnershipId', 'organisationId'],
        message: 'This organisation is already a member of this partnership',
      },
    ],
    sortable: ['role', 'startDate', 'createdAt'],
    filterable: ['partnershipId', 'organisationId', 'role'],
    searchable: [],
    dateRange: ['startDate', 'endDate'],
  },
  event: {
    type: 'event',
    table: 'event',
    noun: 'event',
    columns: [
      text('name'),
      text('kind'),
      text('startDate'),
      text('endDate'),
      text('city'),
      text('country'),
      text('mode'),
      col('participantCount', 'int'),
      col('participantCountQualifier', 'text', 'exact'),
      text('description'),
      tags('tags'),
      obj('attributes'),
      synthetic,
    ],
    refs: [{ key: 'country', target: 'country' }],
    uniques: [],
    sortable: ['name', 'kind', 'startDate', 'country', 'participantCount', 'createdAt', 'updatedAt'],
    filterable: ['kind', 'country', 'mode'],
    searchable: ['name', 'city'],
    dateRange: ['startDate', 'endDate'],
  },
  participation: {
    type: 'participation',
    table: 'participation',
    noun: 'participation',
    columns: [text('eventId'), text('organisationId'), text('role')],
    refs: [
      { key: 'eventId', target: 'event' },
      { key: 'organisationId', target: 'organisation' },
    ],
    uniques: [{ keys: ['eventId', 'organisationId'], message: 'This organisation is already listed at this event' }],
    sortable: ['role', 'createdAt'],
    filterable: ['eventId', 'organisationId', 'role'],
    searchable: [],
  },
  relation: {
    type: 'relation',
    table: 'relation',
    noun: 'relation',
    columns: [
      text('sourceId'),
      text('targetId'),
      text('type'),
      text('startDate'),
      text('endDate'),
      text('description'),
      obj('attributes'),
      synthetic,
    ],
    refs: [
      { key: 'sourceId', target: 'organisation' },
      { key: 'targetId', target: 'organisation' },
    ],
    uniques: [],
    sortable: ['type', 'startDate', 'createdAt'],
    filterable: ['sourceId', 'targetId', 'type'],
    searchable: ['description'],
    dateRange: ['startDate', 'endDate'],
  },
  source: {
    type: 'source',
    table: 'source',
    noun: 'source',
    columns: [text('title'), text('url'), text('document'), text('publisher'), text('publishedDate'), text('notes')],
    refs: [],
    uniques: [],
    sortable: ['title', 'publisher', 'publishedDate', 'createdAt'],
    filterable: ['publisher'],
    searchable: ['title', 'publisher', 'document'],
  },
  citation: {
    type: 'citation',
    table: 'citation',
    noun: 'citation',
    columns: [text('sourceId'), text('recordType'), text('recordId'), text('locator')],
    refs: [{ key: 'sourceId', target: 'source' }],
    uniques: [{ keys: ['sourceId', 'recordType', 'recordId'], message: 'This record already cites this source' }],
    sortable: ['createdAt'],
    filterable: ['sourceId', 'recordType', 'recordId'],
    searchable: ['locator'],
  },
  saved_view: {
    type: 'saved_view',
    table: 'saved_view',
    noun: 'saved view',
    columns: [text('name'), obj('filters'), col('view', 'text', 'organisations'), text('layout'), obj('positions'), obj('style')],
    refs: [],
    uniques: [{ keys: ['name'], message: 'A saved view with this name already exists' }],
    sortable: ['name', 'createdAt', 'updatedAt'],
    filterable: [],
    searchable: ['name'],
  },
} satisfies Record<RecordType, TableDef>;

export type Row = Record<string, unknown>;
export type RecordObject = Record<string, unknown> & { id: string };

export function columnOf(def: TableDef, key: string): string {
  if (key === 'id') return 'id';
  if (key === 'createdAt') return 'created_at';
  if (key === 'updatedAt') return 'updated_at';
  const c = def.columns.find((c) => c.key === key);
  if (!c) throw new Error(`${def.table} has no field ${key}`);
  return c.col;
}

/** A record as stored: JSON and booleans encoded for SQLite. */
export function toRow(def: TableDef, rec: RecordObject): Row {
  const row: Row = { id: rec.id, created_at: rec.createdAt, updated_at: rec.updatedAt };
  for (const c of def.columns) {
    const v = rec[c.key];
    row[c.col] = c.kind === 'json' ? JSON.stringify(v) : c.kind === 'bool' ? (v ? 1 : 0) : v;
  }
  return row;
}

export function fromRow(def: TableDef, row: Row): RecordObject {
  const rec: RecordObject = { id: row.id as string };
  for (const c of def.columns) {
    const v = row[c.col];
    rec[c.key] = c.kind === 'json' ? JSON.parse(v as string) : c.kind === 'bool' ? v === 1 : v;
  }
  rec.createdAt = row.created_at;
  rec.updatedAt = row.updated_at;
  return rec;
}
