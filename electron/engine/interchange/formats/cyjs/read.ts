// Cytoscape JSON importer. cytoscape.js and Cytoscape desktop write the same elements in several
// wrappings (a bare element array, cy.json()'s {elements}, .cyjs's {data, elements}, a plain
// {nodes, edges}); all of them are read, and anything else is refused rather than guessed at.
import { jsonTooDeepAt, MAX_NESTING } from '../../../../../shared/nesting';
import {
  ImportRefused,
  ParsedEdges,
  type AttrValue,
  type ImportIssue,
  type ParsedEdge,
  type ParsedGraph,
  type ParsedNode,
} from '../../model/parsed';

interface Located {
  element: unknown;
  path: string;
}

interface Sorted {
  nodes: Located[];
  edges: Located[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys that become node or edge fields of their own instead of attributes. */
const STRUCTURAL = new Set(['id', 'source', 'target', 'parent', 'name', 'label']);

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

function parseJson(text: string): unknown {
  // Before parsing: what walks the parsed value next (JSON.stringify of a nested attribute) recurses.
  const deep = jsonTooDeepAt(text);
  if (deep >= 0) throw new ImportRefused(`nested deeper than ${MAX_NESTING} levels; Cytoscape JSON nests a few`, lineColumn(text, deep));
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    // V8 names a character offset ("at position 12"); at the end of input it names none.
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : /end of JSON input/i.test(message) ? text.length : null;
    const detail = message.replace(/\s*(in JSON )?at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)/, '');
    throw new ImportRefused(`not valid JSON (${detail}); expected Cytoscape JSON`, offset === null ? {} : lineColumn(text, offset));
  }
}

/** Elements of an array sort themselves by group, or by having a source and target. */
function fromArray(items: unknown[], prefix: string): Sorted {
  const sorted: Sorted = { nodes: [], edges: [] };
  items.forEach((element, i) => {
    const item = { element, path: `${prefix}[${i}]` };
    const group = isObject(element) ? element.group : undefined;
    const data = isObject(element) && isObject(element.data) ? element.data : {};
    const isEdge = group === 'edges' || (group !== 'nodes' && 'source' in data && 'target' in data);
    (isEdge ? sorted.edges : sorted.nodes).push(item);
  });
  return sorted;
}

function fromGroups(holder: Json, prefix: string): Sorted | null {
  const { nodes = [], edges = [] } = holder;
  if (!Array.isArray(nodes) || !Array.isArray(edges) || !('nodes' in holder || 'edges' in holder)) return null;
  return {
    nodes: nodes.map((element, i) => ({ element, path: `${prefix}nodes[${i}]` })),
    edges: edges.map((element, i) => ({ element, path: `${prefix}edges[${i}]` })),
  };
}

function sortElements(doc: unknown): Sorted | null {
  if (Array.isArray(doc)) return fromArray(doc, '');
  if (!isObject(doc)) return null;
  if (Array.isArray(doc.elements)) return fromArray(doc.elements, 'elements');
  if (isObject(doc.elements)) return fromGroups(doc.elements, 'elements.');
  return fromGroups(doc, '');
}

function attrValue(v: unknown): AttrValue {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v) && v.every((x) => ['string', 'number', 'boolean'].includes(typeof x))) return v as (string | number | boolean)[];
  // Nested objects and lists have no place in a flat attribute table; their JSON keeps them whole.
  return JSON.stringify(v);
}

function attributesOf(data: Json): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  for (const [k, v] of Object.entries(data)) if (!STRUCTURAL.has(k) && v !== undefined) out[k] = attrValue(v);
  return out;
}

function idOf(v: unknown): string | null {
  if (typeof v === 'string' && v !== '') return v;
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
}

function labelOf(data: Json): string | null {
  const label = data.name ?? data.label;
  if (label === undefined || label === null) return null;
  // Cytoscape desktop list columns hold names as one-item lists (EnrichmentMap does this).
  if (Array.isArray(label)) return label.map(String).join(', ');
  return typeof label === 'object' ? JSON.stringify(label) : String(label);
}

function dataOf({ element, path }: Located, what: string): Json {
  if (!isObject(element)) throw new ImportRefused(`${what} is not an object`, { element: path });
  return isObject(element.data) ? element.data : {};
}

function positionOf(element: Json): { x: number; y: number } | null {
  const p = element.position;
  return isObject(p) && Number.isFinite(p.x) && Number.isFinite(p.y) ? { x: p.x as number, y: p.y as number } : null;
}

function readNode(item: Located): ParsedNode {
  const data = dataOf(item, 'a node');
  const id = idOf(data.id);
  if (id === null) throw new ImportRefused('a node has no id (data.id)', { element: item.path });
  return {
    id,
    label: labelOf(data),
    attributes: attributesOf(data),
    start: null,
    end: null,
    position: positionOf(item.element as Json),
    parent: idOf(data.parent),
    element: item.path,
  };
}

function readEdge(item: Located): ParsedEdge {
  const data = dataOf(item, 'an edge');
  const source = idOf(data.source);
  const target = idOf(data.target);
  if (source === null || target === null) throw new ImportRefused('an edge lacks data.source or data.target', { element: item.path });
  const attributes = attributesOf(data);
  return {
    id: idOf(data.id),
    source,
    target,
    // Cytoscape keeps source and target apart and draws arrows by style, so edges count as directed
    // unless the data says otherwise.
    directed: typeof data.directed === 'boolean' ? data.directed : true,
    weight: typeof attributes.weight === 'number' ? attributes.weight : null,
    label: labelOf(data),
    attributes,
    start: null,
    end: null,
    element: item.path,
  };
}

/** Leaves out (and lists in `rejected`) a node whose id an earlier one has. */
function checkNodes(nodes: ParsedNode[], warnings: ImportIssue[], rejected: ImportIssue[]): Set<string> {
  const ids = new Map<string, string>();
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    const first = ids.get(n.id);
    if (first !== undefined) {
      rejected.push({ message: `node id "${n.id}" is declared again (first at ${first}); this node is left out`, element: n.element });
      nodes.splice(i--, 1);
    } else ids.set(n.id, n.element!);
  }
  const compound = nodes.find((n) => n.parent !== null);
  if (compound) {
    warnings.push({ message: 'compound nodes were flattened; each keeps its enclosing node as parent', element: compound.element });
  }
  return new Set(ids.keys());
}

function checkEdges(edges: ParsedEdges, nodeIds: Set<string>, warnings: ImportIssue[]): void {
  for (let k = 0; k < edges.length; k++) {
    const id = edges.idOf(k);
    const [source, target] = [edges.sourceOf(k), edges.targetOf(k)];
    const name = id !== null ? `edge "${id}"` : `edge ${source} → ${target}`;
    for (const end of new Set([source, target])) {
      if (!nodeIds.has(end))
        warnings.push({ message: `${name} refers to node "${end}", which is not declared`, element: edges.locationOf(k).element });
    }
  }
}

export function parseCyjs(input: string): ParsedGraph {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sorted = sortElements(parseJson(text));
  if (!sorted) {
    throw new ImportRefused('JSON without Cytoscape elements: expected an element array, {elements: …} or {nodes, edges}');
  }
  const warnings: ImportIssue[] = [];
  const rejected: ImportIssue[] = [];
  const nodes = sorted.nodes.map(readNode);
  const edges = new ParsedEdges();
  for (const item of sorted.edges) edges.add(readEdge(item));
  checkEdges(edges, checkNodes(nodes, warnings, rejected), warnings);
  return { format: 'cyjs', directed: true, nodes, edges, warnings, rejected };
}
