// How a slice travels from the engine's worker to the window: by columns, not as an array of
// objects. A slice is the largest answer the app moves (5,000 organisations and 23,000 ties were
// 8.7 MB of JSON, about 300 bytes an element, mostly repeated keys, IDs and region names), and
// moving and parsing it was most of the time a filter change took to redraw. By columns, repeated
// values (sector, country, region, dates, types) are sent once and referred to by number, a tie
// names its ends by their place in the node list, and what follows from other fields (an edge ID
// from its ends, a label that is the acronym or name) is left out: about a seventh of the size.
// The columns then travel as JSON text: one string crosses from the worker thread, through
// Electron's main process or the browser mode's server, to the window in one copy each, where
// arrays of values are cloned value by value (43–80 ms for this slice here, against a few for its
// text). The encoding is lossless and private to the transport: the engine's worker encodes, the
// window's client decodes, and everything on either side (the contract, the CLI, tests calling
// the engine) sees the plain `Slice`.
//
// This module is imported by the renderer, so it has no dependencies (types only).
import type { GraphEdge, GraphNode, Slice } from './schemas';

export const SLICE_WIRE = 'atlas-slice-columns/1';
/** The calls whose answer is a `Slice` and travels encoded. */
export const SLICE_CALLS: ReadonlySet<string> = new Set(['graph.slice', 'graph.ego']);

/** A column: its values as they are, one value (`k`) every row has, or (`d`) distinct values and each row's place among them. */
type Column<T> = { v: T[] } | { k: T } | { d: T[]; c: number[] };

type NodeColumns = { [K in keyof GraphNode]-?: Column<GraphNode[K] | null> };
type EdgeColumns = { [K in Exclude<keyof GraphEdge, 'source' | 'target' | 'id'>]: Column<GraphEdge[K]> } & {
  /** Null where the ID follows from the edge's type and ends (see `edgeId`). */
  id: Column<string | null>;
  /** Places in the node list, or the IDs themselves if an end is not among the nodes. */
  source: { r: number[] } | Column<string>;
  target: { r: number[] } | Column<string>;
};

interface SliceColumns extends Omit<Slice, 'nodes' | 'edges'> {
  nodes: { length: number; columns: NodeColumns };
  edges: { length: number; columns: EdgeColumns };
}
/**
 * What crosses: the columns as JSON text, or, where the transport is JSON itself (the browser
 * mode's HTTP), the same text spliced in as the value of `columns`, so the page parses it once.
 */
export type SliceWire = { wire: typeof SLICE_WIRE; json: string } | { wire: typeof SLICE_WIRE; columns: SliceColumns };

/** A `CallResult` holding `wire`, as JSON text, with the columns spliced in rather than quoted. */
export function sliceAnswerJson(wire: Extract<SliceWire, { json: string }>): string {
  return `{"ok":true,"value":{"wire":${JSON.stringify(SLICE_WIRE)},"columns":${wire.json}}}`;
}

// Values that repeat go by dictionary; small counts are as short written out as by number.
const NODE_DICT = ['type', 'sector', 'kind', 'country', 'countryName', 'region', 'subRegion', 'startDate', 'endDate', 'synthetic'] as const;
const NODE_PLAIN = ['id', 'name', 'acronym', 'partnerships'] as const;
const EDGE_DICT = ['type', 'role', 'firstDate', 'lastDate'] as const;
const EDGE_PLAIN = ['weight', 'partnerships', 'events', 'relations'] as const;

const derivedLabel = (n: Pick<GraphNode, 'acronym' | 'name'>) => n.acronym || n.name;

/**
 * The ID of a tie (between two organisations), a membership or a participation (from an
 * organisation to its partnership or event): its type and ends name it, since there is at most one
 * of each between two nodes. The engine makes these IDs with this function, so they are not sent;
 * a direct relation's ID is its record's and is.
 */
export function edgeId(type: NamedByEnds, source: string, target: string): string {
  return type === 'tie' ? `t:${source}|${target}` : `${type === 'membership' ? 'm' : 'p'}:${target}|${source}`;
}
type NamedByEnds = Exclude<GraphEdge['type'], 'relation'>;

function dict<T>(values: T[]): Column<T> {
  const places = new Map<T, number>();
  const d: T[] = [];
  const c = new Array<number>(values.length);
  let prev: T | undefined;
  let p = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    // Runs of one value (a type, a role) are common: no lookup for them.
    if (v !== prev || p < 0) {
      const known = places.get(v);
      if (known === undefined) {
        p = d.length;
        places.set(v, p);
        d.push(v);
      } else p = known;
      prev = v;
    }
    c[i] = p;
  }
  return d.length === 1 ? { k: d[0]! } : { d, c };
}

function column<T>(col: Column<T>, i: number): T {
  return 'v' in col ? col.v[i]! : 'k' in col ? col.k : col.d[col.c[i]!]!;
}

export function encodeSlice(slice: Slice): Extract<SliceWire, { json: string }> {
  const { nodes, edges, ...rest } = slice;
  const nodeColumns = {} as Record<string, Column<unknown>>;
  // JSON has no undefined in arrays: an absent optional field travels as null (none is nullable).
  for (const k of NODE_PLAIN) nodeColumns[k] = { v: nodes.map((n) => n[k] ?? null) };
  // A label is the acronym or else the name, as the engine makes it; sent only where it is not.
  nodeColumns.label = dict(nodes.map((n) => (n.label === derivedLabel(n) ? null : n.label)));
  for (const k of NODE_DICT) nodeColumns[k] = dict(nodes.map((n) => n[k]));

  const place = new Map<string, number>();
  nodes.forEach((n, i) => place.set(n.id, i));
  const ends = (key: 'source' | 'target'): { r: number[] } | Column<string> => {
    const r = new Array<number>(edges.length);
    for (let i = 0; i < edges.length; i++) {
      const p = place.get(edges[i]![key]);
      if (p === undefined) return { v: edges.map((e) => e[key]) };
      r[i] = p;
    }
    return { r };
  };
  const edgeColumns = {
    id: dict(edges.map((e) => (e.type === 'relation' ? e.id : null))),
    source: ends('source'),
    target: ends('target'),
  } as Record<string, unknown>;
  for (const k of EDGE_DICT) edgeColumns[k] = dict(edges.map((e) => e[k]));
  for (const k of EDGE_PLAIN) edgeColumns[k] = { v: edges.map((e) => e[k]) };

  const columns: SliceColumns = {
    ...rest,
    nodes: { length: nodes.length, columns: nodeColumns as NodeColumns },
    edges: { length: edges.length, columns: edgeColumns as EdgeColumns },
  };
  return { wire: SLICE_WIRE, json: JSON.stringify(columns) };
}

export function isSliceWire(value: unknown): value is SliceWire {
  if (typeof value !== 'object' || value === null || (value as { wire?: unknown }).wire !== SLICE_WIRE) return false;
  const { json, columns } = value as { json?: unknown; columns?: unknown };
  return typeof json === 'string' || (typeof columns === 'object' && columns !== null);
}

export function decodeSlice(wire: SliceWire): Slice {
  const { nodes: nodeCols, edges: edgeCols, ...rest } = 'json' in wire ? (JSON.parse(wire.json) as SliceColumns) : wire.columns;
  const nc = nodeCols.columns;
  const nodes = new Array<GraphNode>(nodeCols.length);
  for (let i = 0; i < nodes.length; i++) {
    const name = column(nc.name, i)!;
    const acronym = column(nc.acronym, i);
    const node: GraphNode = {
      id: column(nc.id, i)!,
      type: column(nc.type, i)!,
      label: column(nc.label, i) ?? derivedLabel({ acronym, name }),
      name,
      acronym,
      sector: column(nc.sector, i),
      kind: column(nc.kind, i),
      country: column(nc.country, i),
      countryName: column(nc.countryName, i),
      region: column(nc.region, i),
      subRegion: column(nc.subRegion, i),
      startDate: column(nc.startDate, i),
      endDate: column(nc.endDate, i),
      synthetic: column(nc.synthetic, i)!,
    };
    const partnerships = column(nc.partnerships, i);
    if (partnerships !== null) node.partnerships = partnerships;
    nodes[i] = node;
  }
  const ec = edgeCols.columns;
  const end = (col: EdgeColumns['source'], i: number): string => ('r' in col ? nodes[col.r[i]!]!.id : column(col, i));
  const edges = new Array<GraphEdge>(edgeCols.length);
  for (let i = 0; i < edges.length; i++) {
    const type = column(ec.type, i);
    const source = end(ec.source, i);
    const target = end(ec.target, i);
    edges[i] = {
      id: column(ec.id, i) ?? edgeId(type as NamedByEnds, source, target),
      source,
      target,
      type,
      weight: column(ec.weight, i),
      partnerships: column(ec.partnerships, i),
      events: column(ec.events, i),
      relations: column(ec.relations, i),
      role: column(ec.role, i),
      firstDate: column(ec.firstDate, i),
      lastDate: column(ec.lastDate, i),
    };
  }
  return { ...rest, nodes, edges };
}
