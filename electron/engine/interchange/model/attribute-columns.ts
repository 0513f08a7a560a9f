// Attributes as columns of their own in every export: a GEXF attribute, a GraphML key, a CSV or
// XLSX column, a Cytoscape JSON data field, each typed, so another tool can partition, rank and
// filter on them. A column takes the attribute's name, prefixed with `attr:` only where the name is
// one of ours (or itself starts with the prefix), and the reader of this app's files undoes that.
import {
  ATTRIBUTE_KINDS,
  booleanOf,
  classify,
  inferType,
  numberOf,
  type AttributeKind,
  type AttributeType,
  type ClassCounts,
} from '../../../../shared/attributes';
import type { BundleReader, Part } from './bundle';

const ATTRIBUTE_PREFIX = 'attr:';

/** How a column is written: numbers whole or not, truth values, lists of text, or text. */
export type ColumnType = 'string' | 'integer' | 'double' | 'boolean' | 'list';

export interface AttributeColumn {
  /** The attribute's name in the records. */
  name: string;
  /** The column's name in the file. */
  column: string;
  type: ColumnType;
}

export interface AttributeColumns {
  /** Attributes of organisations, partnerships and events. */
  node: AttributeColumn[];
  /** Attributes of relations. */
  edge: AttributeColumn[];
}

/** What the catalogue knows of one attribute (engine/attributes/catalogue.ts). */
export interface AttributeStats {
  kind: AttributeKind;
  name: string;
  type: AttributeType;
  classes: ClassCounts;
}

export const KIND_PART: Record<AttributeKind, Part> = {
  organisation: 'organisations',
  partnership: 'partnerships',
  event: 'events',
  relation: 'relations',
};

/** A column type every value of the attribute can be written in without losing it. */
function columnType(type: AttributeType, classes: ClassCounts): ColumnType {
  const present = (Object.keys(classes) as (keyof ClassCounts)[]).filter((c) => (classes[c] ?? 0) > 0);
  if (type === 'number' && present.every((c) => c === 'integer' || c === 'real' || c === 'numeric')) {
    return present.every((c) => c === 'integer') ? 'integer' : 'double';
  }
  if (type === 'boolean' && present.every((c) => c === 'boolean' || c === 'boolish')) return 'boolean';
  if (type === 'list') return 'list';
  return 'string';
}

function merge(a: ClassCounts, b: ClassCounts): ClassCounts {
  const out: ClassCounts = { ...a };
  for (const [k, n] of Object.entries(b) as [keyof ClassCounts, number][]) out[k] = (out[k] ?? 0) + n;
  return out;
}

/**
 * The columns for the attributes the records hold, node attributes merged across kinds by name
 * (a name typed differently in two kinds is written as text). `reserved` are the columns the
 * format already has, per side.
 */
export function attributeColumns(
  stats: readonly AttributeStats[],
  reserved: { node: ReadonlySet<string>; edge: ReadonlySet<string> },
): AttributeColumns {
  const sides = {
    node: new Map<string, { types: Set<AttributeType>; classes: ClassCounts }>(),
    edge: new Map<string, { types: Set<AttributeType>; classes: ClassCounts }>(),
  };
  for (const s of stats) {
    const side = sides[s.kind === 'relation' ? 'edge' : 'node'];
    const seen = side.get(s.name);
    if (seen) {
      seen.types.add(s.type);
      seen.classes = merge(seen.classes, s.classes);
    } else side.set(s.name, { types: new Set([s.type]), classes: s.classes });
  }
  const columns = (side: 'node' | 'edge'): AttributeColumn[] =>
    [...sides[side]]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, { types, classes }]) => ({
        name,
        column: columnName(name, reserved[side]),
        type: types.size === 1 ? columnType([...types][0]!, classes) : 'string',
      }));
  return { node: columns('node'), edge: columns('edge') };
}

function columnName(name: string, reserved: ReadonlySet<string>): string {
  return reserved.has(name) || name.startsWith(ATTRIBUTE_PREFIX) ? `${ATTRIBUTE_PREFIX}${name}` : name;
}

/** The attribute a column of this app's file holds, or null when it is one of the format's own. */
export function attributeNameOf(column: string, reserved: ReadonlySet<string>): string | null {
  if (column.startsWith(ATTRIBUTE_PREFIX)) return column.slice(ATTRIBUTE_PREFIX.length);
  return reserved.has(column) ? null : column;
}

/** The attributes of the records a reader holds, inferred value by value (for exports made without a database). */
export function statsOf(reader: BundleReader): AttributeStats[] {
  const out: AttributeStats[] = [];
  for (const kind of ATTRIBUTE_KINDS) {
    const byName = new Map<string, ClassCounts>();
    for (const record of reader.records(KIND_PART[kind]) as Iterable<{ attributes?: Record<string, unknown> }>) {
      for (const [name, value] of Object.entries(record.attributes ?? {})) {
        const cls = classify(value);
        let counts = byName.get(name);
        if (!counts) byName.set(name, (counts = {}));
        if (cls !== null) counts[cls] = (counts[cls] ?? 0) + 1;
      }
    }
    for (const [name, classes] of byName) out.push({ kind, name, type: inferType(classes), classes });
  }
  return out;
}

/** A value as its column holds it, or undefined when there is nothing to write. */
export function columnValue(type: ColumnType, value: unknown): string | number | boolean | string[] | undefined {
  if (value === null || value === undefined) return undefined;
  switch (type) {
    case 'integer':
    case 'double':
      return numberOf(value) ?? undefined;
    case 'boolean':
      return booleanOf(value) ?? undefined;
    case 'list':
      return Array.isArray(value) ? value.filter((v) => v !== null).map(String) : [String(value)];
    default:
      return typeof value === 'string' ? value : Array.isArray(value) ? JSON.stringify(value) : String(value);
  }
}

const NONE: readonly number[] = [];

/**
 * For a set of columns, the columns a record's attributes have a value in, as indices in column
 * order. A record holds a few of a network's attributes and most hold none, so a record with fewer
 * names than there are columns has its own names looked up, and a wide file's hundred columns are
 * not each tried on each of 250,000 records.
 */
export function presentColumns(columns: readonly AttributeColumn[]): (attrs: Record<string, unknown> | undefined) => readonly number[] {
  const at = new Map(columns.map((c, i) => [c.name, i]));
  const all = columns.map((_, i) => i);
  return (attrs) => {
    if (!attrs || columns.length === 0) return NONE;
    const names = Object.keys(attrs);
    if (names.length === 0) return NONE;
    if (names.length >= columns.length) return all;
    const out: number[] = [];
    for (const name of names) {
      const i = at.get(name);
      if (i !== undefined) out.push(i);
    }
    return out.length > 1 ? out.sort((a, b) => a - b) : out;
  };
}
