// The Atlas encoding of records in graph formats (GEXF, GraphML, Cytoscape JSON), both ways: which
// record types become nodes and edges, what type each field has, and how a graph this app exported
// turns back into exactly the records it was written from. The field lists are read from the zod
// record schemas so that a new column cannot be forgotten by one format and not another.
import { jsonTextNestingWithin, MAX_NESTING } from '../../../../shared/nesting';
import { z } from 'zod';
import { Event, Membership, Organisation, Participation, Partnership, Relation } from '../../../../shared/schemas';
import { attributeColumns, attributeNameOf, statsOf, type AttributeColumns, type AttributeStats } from './attribute-columns';
import { isDirectedRelation } from './direction';
import { ATLAS_TYPE, emptyBundle, type Bundle, type BundleReader } from './bundle';
import { ImportRefused, type AttrValue, type Location, type ParsedGraph } from './parsed';

/** list: array of strings; json: an object, always written as JSON text. */
export type FieldKind = 'string' | 'integer' | 'boolean' | 'list' | 'json';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  nullable: boolean;
}

function fieldKind(type: unknown, field: string): FieldKind {
  if (type instanceof z.ZodArray) return 'list';
  if (type instanceof z.ZodRecord) return 'json';
  if (type instanceof z.ZodBoolean) return 'boolean';
  // The only numeric field is a participant count, which input validation keeps whole.
  if (type instanceof z.ZodNumber) return 'integer';
  if (type instanceof z.ZodString || type instanceof z.ZodEnum) return 'string';
  throw new Error(`no graph encoding for the type of field "${field}"`);
}

/**
 * Every field but the id, which is the node or edge id itself, and the attributes, which are
 * columns of their own (attribute-columns.ts).
 */
function fieldsOf(schema: z.ZodObject): FieldSpec[] {
  return Object.entries(schema.shape)
    .filter(([name]) => name !== 'id' && name !== 'attributes')
    .map(([name, type]) => {
      const nullable = type instanceof z.ZodNullable;
      return { name, kind: fieldKind(nullable ? type.unwrap() : type, name), nullable };
    });
}

export const NODE_TYPES = {
  organisation: { part: 'organisations', fields: fieldsOf(Organisation) },
  partnership: { part: 'partnerships', fields: fieldsOf(Partnership) },
  event: { part: 'events', fields: fieldsOf(Event) },
} as const;

export const EDGE_TYPES = {
  membership: { part: 'memberships', fields: fieldsOf(Membership), source: 'partnershipId', target: 'organisationId', directed: false },
  participation: { part: 'participations', fields: fieldsOf(Participation), source: 'eventId', target: 'organisationId', directed: false },
  relation: { part: 'relations', fields: fieldsOf(Relation), source: 'sourceId', target: 'targetId', directed: true },
} as const;

type NodeType = keyof typeof NODE_TYPES;
type EdgeType = keyof typeof EDGE_TYPES;

type AnyRecord = { id: string } & Record<string, unknown>;

export interface AtlasNode {
  id: string;
  atlasType: NodeType;
  record: AnyRecord;
  fields: readonly FieldSpec[];
}

export interface AtlasEdge {
  id: string;
  source: string;
  target: string;
  /** Memberships and participations are not; a relation is unless it is a collaboration or came undirected from a file. */
  directed: boolean;
  atlasType: EdgeType;
  record: AnyRecord;
  fields: readonly FieldSpec[];
}

// Generators, so that records read from the database one by one are written and dropped one by one.
export function* atlasNodes(reader: BundleReader): Generator<AtlasNode> {
  for (const atlasType of Object.keys(NODE_TYPES) as NodeType[]) {
    const { part, fields } = NODE_TYPES[atlasType];
    for (const record of reader.records(part) as Iterable<AnyRecord>) yield { id: record.id, atlasType, record, fields };
  }
}

export function* atlasEdges(reader: BundleReader): Generator<AtlasEdge> {
  for (const atlasType of Object.keys(EDGE_TYPES) as EdgeType[]) {
    const { part, fields, source, target, directed } = EDGE_TYPES[atlasType];
    for (const record of reader.records(part) as Iterable<AnyRecord>) {
      const d = directed && isDirectedRelation(record as { type?: unknown; attributes?: unknown });
      yield { id: record.id, source: String(record[source]), target: String(record[target]), directed: d, atlasType, record, fields };
    }
  }
}

/**
 * Whether the graph's default is directed: the direction most of its edges have, so that only the
 * fewer edges are marked. A graph with no directed edge at all is undirected.
 */
export function directedByDefault(reader: BundleReader): boolean {
  const directed = reader.directedRelations();
  const undirected = countEdges(reader) - directed;
  return directed > undirected;
}

export const countNodes = (reader: BundleReader): number => Object.values(NODE_TYPES).reduce((n, { part }) => n + reader.count(part), 0);
export const countEdges = (reader: BundleReader): number => Object.values(EDGE_TYPES).reduce((n, { part }) => n + reader.count(part), 0);

/** One declaration per field name across the given types; the same name never has two kinds. */
function unionFields(types: readonly { fields: readonly FieldSpec[] }[]): FieldSpec[] {
  const byName = new Map<string, FieldSpec>([[ATLAS_TYPE, { name: ATLAS_TYPE, kind: 'string', nullable: false }]]);
  for (const { fields } of types) {
    for (const f of fields) {
      const seen = byName.get(f.name);
      if (seen && seen.kind !== f.kind) throw new Error(`field "${f.name}" is both ${seen.kind} and ${f.kind}`);
      if (!seen) byName.set(f.name, f);
    }
  }
  return [...byName.values()];
}

/** What a graph writer may add to the records: a layout, and the looks other tools show. */
export interface GraphExportOptions {
  positions?: Record<string, { x: number; y: number }>;
  /** #rgb or #rrggbb, by record id; records without one get the colour of their sector or type. */
  colours?: Record<string, string>;
  sizes?: Record<string, number>;
  /** The attributes to write and their types, from the catalogue; otherwise inferred from the records. */
  attributes?: readonly AttributeStats[];
}

export const NODE_FIELDS = unionFields(Object.values(NODE_TYPES));
export const EDGE_FIELDS = unionFields(Object.values(EDGE_TYPES));

/**
 * Column names the graph formats use for themselves: the record fields, `atlas_type`, the label
 * and position keys, and the edge's ends. An attribute of one of these names is written prefixed.
 */
export const RESERVED = {
  node: new Set([...NODE_FIELDS.map((f) => f.name), 'id', 'label', 'x', 'y', 'attributes']),
  edge: new Set([...EDGE_FIELDS.map((f) => f.name), 'id', 'source', 'target', 'label', 'attributes']),
};

/** The attribute columns a graph export writes. */
export function graphAttributeColumns(reader: BundleReader, opts: GraphExportOptions): AttributeColumns {
  return attributeColumns(opts.attributes ?? statsOf(reader), RESERVED);
}

// ---------- reading back ----------

function refuse(what: string, where: Location, message: string): never {
  throw new ImportRefused(`${what}: ${message}`, where);
}

function decodeList(value: AttrValue, fail: (m: string) => never): string[] {
  // GraphML has no list type, so lists arrive there as JSON text.
  const list: unknown = typeof value === 'string' ? parseJson(value, fail) : value;
  if (!Array.isArray(list)) return fail('is not a list');
  return list.map((item) => String(item));
}

function parseJson(text: string, fail: (m: string) => never): unknown {
  if (!jsonTextNestingWithin(text)) return fail(`is nested deeper than ${MAX_NESTING} levels`);
  try {
    return JSON.parse(text);
  } catch {
    return fail('is not valid JSON');
  }
}

function decodeJson(value: AttrValue, fail: (m: string) => never): Record<string, unknown> {
  const parsed = typeof value === 'string' ? parseJson(value, fail) : value;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return fail('is not a JSON object');
  return parsed as Record<string, unknown>;
}

function decodeBoolean(value: AttrValue, fail: (m: string) => never): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 1) return true;
  if (value === 'false' || value === 0) return false;
  return fail('is not true or false');
}

function decodeInteger(value: AttrValue, fail: (m: string) => never): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isInteger(n) ? n : fail('is not a whole number');
}

function decodeString(value: AttrValue, fail: (m: string) => never): string {
  if (Array.isArray(value)) return fail('is a list, not text');
  return String(value);
}

const DECODERS: Record<FieldKind, (value: AttrValue, fail: (m: string) => never) => unknown> = {
  string: decodeString,
  integer: decodeInteger,
  boolean: decodeBoolean,
  list: decodeList,
  json: decodeJson,
};

/** What an absent non-nullable field means; text and numbers have no sensible default. */
const EMPTY: Partial<Record<FieldKind, () => unknown>> = { list: () => [], json: () => ({}), boolean: () => false };

/** A field that does not decode; decodeRecord says which record and field. */
class Undecodable extends Error {}
const fail = (m: string): never => {
  throw new Undecodable(m);
};

// The decoders get one shared `fail` rather than a closure per field: a closure made for each of
// 700,000 fields (and named, where the code runs through tsx) was 0.4 s of a 50 MB import.
function decodeRecord(
  id: string,
  fields: readonly FieldSpec[],
  attributes: Record<string, AttrValue>,
  what: string,
  where: Location,
): AnyRecord {
  const record: AnyRecord = { id };
  let field = '';
  try {
    for (const f of fields) {
      field = f.name;
      const value = attributes[f.name];
      if (value === undefined || value === null) {
        const empty = EMPTY[f.kind];
        record[f.name] = f.nullable ? null : empty ? empty() : fail('is missing');
      } else {
        record[f.name] = DECODERS[f.kind](value, fail);
      }
    }
  } catch (err) {
    if (err instanceof Undecodable) refuse(what, where, `field "${field}" ${err.message}`);
    throw err;
  }
  return record;
}

/**
 * A record's attributes: every column that is not one of the format's own, under its attribute's
 * name; and, from files this app wrote before attributes had columns, the `attributes` JSON text.
 */
function decodeAttributes(
  attributes: Record<string, AttrValue>,
  reserved: ReadonlySet<string>,
  lists: ReadonlySet<string>,
  what: string,
  where: Location,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const old = attributes.attributes;
  if (old !== undefined && old !== null) {
    try {
      Object.assign(out, decodeJson(old, fail));
    } catch (err) {
      if (err instanceof Undecodable) refuse(what, where, `field "attributes" ${err.message}`);
      throw err;
    }
  }
  for (const [column, value] of Object.entries(attributes)) {
    if (column === ATLAS_TYPE || value === null) continue;
    const name = attributeNameOf(column, reserved);
    if (name === null) continue;
    // GraphML has no list type: its list columns hold JSON text and are named in the graph's atlas_lists.
    if (lists.has(column) && typeof value === 'string') {
      const parsed = parseJson(value, (m) => refuse(what, where, `attribute "${name}" ${m}`));
      out[name] = Array.isArray(parsed) ? parsed : value;
    } else out[name] = value;
  }
  return out;
}

/** The graph's data naming which columns hold lists as JSON text (GraphML, which has no list type). */
export const LISTS_KEY = 'atlas_lists';

function listColumns(text: string | undefined): Set<string> {
  if (text === undefined) return new Set();
  try {
    const names: unknown = JSON.parse(text);
    return new Set(Array.isArray(names) ? names.map(String) : []);
  } catch {
    return new Set();
  }
}

function typeOf<T extends string>(table: Record<T, unknown>, attributes: Record<string, AttrValue>): T | undefined {
  const t = attributes[ATLAS_TYPE];
  return typeof t === 'string' && Object.hasOwn(table, t) ? (t as T) : undefined;
}

/**
 * The records of a graph that this app exported, or null when some node lacks `atlas_type` (a
 * foreign graph, mapped elsewhere). Inside an Atlas graph an unknown type, an edge without
 * `atlas_type` or id, or a field that does not decode is refused rather than guessed: those are
 * edits made outside the app that would otherwise silently lose or invent data.
 */
export function graphToBundle(graph: ParsedGraph): Bundle | null {
  if (graph.nodes.length === 0 || !graph.nodes.every((n) => ATLAS_TYPE in n.attributes)) return null;
  const lists = listColumns(graph.graphAttributes?.[LISTS_KEY]);
  const bundle = emptyBundle();
  const parts = bundle as unknown as Record<string, AnyRecord[]>;
  for (const node of graph.nodes) {
    const what = `node "${node.id}"`;
    const type =
      typeOf(NODE_TYPES, node.attributes) ?? refuse(what, node, `unknown ${ATLAS_TYPE} "${String(node.attributes[ATLAS_TYPE])}"`);
    // Cytoscape JSON readers take "name" as the label rather than an attribute.
    const attributes = { name: node.label, ...node.attributes };
    const record = decodeRecord(node.id, NODE_TYPES[type].fields, attributes, what, node);
    record.attributes = decodeAttributes(node.attributes, RESERVED.node, lists, what, node);
    parts[NODE_TYPES[type].part]!.push(record);
  }
  for (const edge of graph.edges) {
    const what = edge.id === null ? `edge ${edge.source} → ${edge.target}` : `edge "${edge.id}"`;
    const type =
      typeOf(EDGE_TYPES, edge.attributes) ?? refuse(what, edge, `no known ${ATLAS_TYPE}; was it added outside Stakeholder Atlas?`);
    const id = edge.id ?? refuse(what, edge, 'has no id, so it cannot be an Atlas record');
    const record = decodeRecord(id, EDGE_TYPES[type].fields, edge.attributes, what, edge);
    if (type === 'relation') {
      const attrs = decodeAttributes(edge.attributes, RESERVED.edge, lists, what, edge);
      // GEXF carries a relation's weight on the edge itself.
      if (edge.weight !== null && attrs.weight === undefined) attrs.weight = edge.weight;
      record.attributes = attrs;
    }
    parts[EDGE_TYPES[type].part]!.push(record);
  }
  return bundle;
}
