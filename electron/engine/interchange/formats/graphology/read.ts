// graphology's serialised graph, which Gephi Lite saves and graphology's `export()` writes:
// `{options, attributes, nodes: [{key, attributes}], edges: [{key, source, target, attributes, undirected}]}`.
// Drawing attributes (x and y become the saved layout; size, colour and the like) are left out of
// the attributes; everything else is kept.
import { ImportRefused, ParsedEdges, type AttrValue, type ImportIssue, type ParsedGraph, type ParsedNode } from '../../model/parsed';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What Gephi Lite and sigma keep on nodes and edges for drawing them. */
const DRAWING = new Set([
  'x',
  'y',
  'size',
  'color',
  'colour',
  'hidden',
  'highlighted',
  'forceLabel',
  'zIndex',
  'image',
  'fixed',
  'rawSize',
]);

/**
 * Whether the start of a JSON file is graphology's shape: a `nodes` list whose first item has a
 * `key` (Cytoscape's nodes have `data`). Looked at before the name, since both end in .json.
 */
export function looksLikeGraphology(head: string): boolean {
  return /^\s*\{/.test(head) && /"nodes"\s*:\s*\[\s*\{[^{}]*?"key"\s*:/.test(head) && !/"data"\s*:\s*\{/.test(head.slice(0, 400));
}

function attrValue(v: unknown): AttrValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (Array.isArray(v) && v.every((x) => ['string', 'number', 'boolean'].includes(typeof x))) return v as (string | number | boolean)[];
  return JSON.stringify(v);
}

function attributesOf(raw: unknown, skip: Set<string>): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  if (!isObject(raw)) return out;
  for (const [k, v] of Object.entries(raw)) if (!skip.has(k) && !DRAWING.has(k) && v !== undefined) out[k] = attrValue(v);
  return out;
}

const keyOf = (v: unknown): string | null =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

const LABEL = new Set(['label']);

export function parseGraphology(input: string): ParsedGraph {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ImportRefused(`not valid JSON (${(err as Error).message}); expected graphology's serialised graph`);
  }
  if (!isObject(doc) || !Array.isArray(doc.nodes)) {
    throw new ImportRefused("not graphology's serialised graph: expected an object with a nodes list ({attributes, nodes, edges})");
  }
  const type = isObject(doc.options) ? doc.options.type : undefined;
  const warnings: ImportIssue[] = [];
  const rejected: ImportIssue[] = [];
  const seen = new Map<string, string>();
  const nodes: ParsedNode[] = [];
  doc.nodes.forEach((item, i) => {
    const element = `nodes[${i}]`;
    if (!isObject(item)) throw new ImportRefused('a node is not an object', { element });
    const key = keyOf(item.key);
    if (key === null) throw new ImportRefused('a node has no key', { element });
    const first = seen.get(key);
    if (first !== undefined) {
      rejected.push({ message: `node key "${key}" is given again (first at ${first}); this node is left out`, element });
      return;
    }
    seen.set(key, element);
    const a = isObject(item.attributes) ? item.attributes : {};
    const label = a.label === undefined || a.label === null ? null : String(a.label);
    const position = Number.isFinite(a.x) && Number.isFinite(a.y) ? { x: a.x as number, y: a.y as number } : null;
    nodes.push({ id: key, label, attributes: attributesOf(a, LABEL), start: null, end: null, position, parent: null, element });
  });
  const edges = new ParsedEdges();
  (Array.isArray(doc.edges) ? doc.edges : []).forEach((item, i) => {
    const element = `edges[${i}]`;
    if (!isObject(item)) throw new ImportRefused('an edge is not an object', { element });
    const source = keyOf(item.source);
    const target = keyOf(item.target);
    if (source === null || target === null) throw new ImportRefused('an edge lacks its source or target', { element });
    for (const end of new Set([source, target])) {
      if (!seen.has(end)) warnings.push({ message: `edge ${source} → ${target} refers to node "${end}", which is not declared`, element });
    }
    const a = isObject(item.attributes) ? item.attributes : {};
    const weight = typeof a.weight === 'number' && Number.isFinite(a.weight) ? a.weight : null;
    edges.add({
      id: keyOf(item.key),
      source,
      target,
      directed: item.undirected === true ? false : type !== 'undirected',
      weight,
      label: a.label === undefined || a.label === null ? null : String(a.label),
      attributes: attributesOf(a, new Set(['label', 'weight'])),
      start: null,
      end: null,
      element,
    });
  });
  return { format: 'graphology', directed: type !== 'undirected', nodes, edges, warnings, rejected };
}
