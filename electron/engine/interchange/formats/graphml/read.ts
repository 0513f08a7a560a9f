// GraphML importer. Streams the text through our XML scanner rather than building a DOM so that a
// large export costs one pass, and so that every node and edge can say on which line it was found.
// Anything we cannot represent faithfully (hyperedges, ports) or that is dangerous (entity
// declarations) is refused outright instead of being silently approximated.

import {
  ImportRefused,
  ParsedEdges,
  type AttrValue,
  type ImportIssue,
  type Location,
  type ParsedGraph,
  type ParsedNode,
} from '../../model/parsed';
import { XmlScanner, type XmlHandler, type XmlTag } from '../xml/scan';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
// GraphML 1.0rc (graphml-attributes-1.0rc.xsd) used this longer namespace; older tools still write it.
const GRAPHML_RC_NS = 'http://graphml.graphdrawing.org/xmlns/graphml';

type KeyType = 'boolean' | 'int' | 'long' | 'float' | 'double' | 'string';

interface KeyDef {
  id: string;
  name: string;
  type: KeyType;
  domain: string;
  defaultText: string | null;
  yfiles: boolean;
  line: number;
  column: number;
}

interface RawData extends Location {
  key: string;
  text: string;
}

/**
 * <data> elements as runs of key, text, line, column: a large file has hundreds of thousands, and
 * one flat array per node or edge spares the GC an object to copy for each.
 */
type DataRuns = (string | number)[];

function dataAt(runs: DataRuns, i: number): RawData {
  return { key: runs[i] as string, text: runs[i + 1] as string, line: runs[i + 2] as number, column: runs[i + 3] as number };
}

interface PendingNode {
  id: string;
  parent: string | null;
  data: DataRuns;
  line: number;
  column: number;
}

interface PendingEdge {
  id: string | null;
  source: string;
  target: string;
  directed: boolean;
  data: DataRuns;
  line: number;
  column: number;
}

/** What an open element is, so text and children can be judged against their context. */
type Frame =
  | { kind: 'graphml' }
  | { kind: 'graph'; directed: boolean }
  | { kind: 'node'; node: PendingNode }
  | { kind: 'edge'; edge: PendingEdge }
  | { kind: 'key'; key: KeyDef }
  | { kind: 'default'; key: KeyDef; text: string }
  | { kind: 'data'; key: string; text: string; line: number; column: number; target: DataRuns | null }
  | { kind: 'desc' }
  // Elements from other vocabularies (yFiles, xlink…) outside <data>: their content is not ours.
  | { kind: 'foreign' };

/** An attribute without a namespace: GraphML's own (xlink:href and the like are not). */
function attr(tag: XmlTag, name: string): string | undefined {
  const list = tag.attributes;
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    if (a.name === name) return a.uri === '' ? a.value : undefined;
  }
  return undefined;
}

const KNOWN_TYPES = new Set<KeyType>(['boolean', 'int', 'long', 'float', 'double', 'string']);
const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseGraphml(input: string, progress?: XmlHandler['progress']): ParsedGraph {
  // A NUL never occurs in XML text; finding one early means the file is binary, and saying so is
  // more useful than whatever the XML parser would complain about.
  if (input.slice(0, 1024).includes('\u0000')) {
    throw new ImportRefused('not a text file (binary data found); expected GraphML XML');
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;

  const warnings: ImportIssue[] = [];
  // By id; igraph declares one id twice, for nodes and for edges, so an id may hold a key per domain.
  const keys = new Map<string, KeyDef[]>();
  const rejected: ImportIssue[] = [];
  let portsWarned = false;
  const warnPorts = () => {
    if (portsWarned) return;
    portsWarned = true;
    warnings.push({ message: 'ports (yEd) were dropped: their edges connect the nodes themselves', line: tagLine, column: tagColumn });
  };
  const nodes: PendingNode[] = [];
  const nodeIds = new Set<string>();
  const edges: PendingEdge[] = [];
  const stack: Frame[] = [];
  let rootSeen = false;
  let rootUri = GRAPHML_NS;
  let topGraphs = 0;
  let graphDirected: boolean | null = null;
  let nestedWarned = false;
  // Where the start tag being handled begins, for its warnings and refusals.
  let tagLine = 1;
  let tagColumn = 1;

  const refuse = (message: string, line = tagLine, column = tagColumn): never => {
    throw new ImportRefused(message, { line, column });
  };

  function onDoctype(doctype: string): void {
    // Entity declarations are how XXE and billion-laughs attacks work; no GraphML tool needs them.
    if (/<!ENTITY/i.test(doctype)) {
      const { line, column } = scanner.where();
      refuse('DOCTYPE declares entities, which are not allowed (they can read local files or expand without bound)', line, column);
    }
  }

  /** Only <data> and <default> hold text; the scanner still reports any that is not whitespace. */
  function wantsText(): boolean {
    const kind = stack[stack.length - 1]?.kind;
    return kind === 'data' || kind === 'default';
  }

  function onText(t: string): void {
    const top = stack[stack.length - 1];
    if (!top) return; // the scanner delivers only text inside the root
    if (top.kind === 'data') {
      top.text += t;
    } else if (top.kind === 'default') {
      top.text += t;
    } else if (top.kind === 'foreign' || top.kind === 'desc') {
      // ignored content
    } else if (t.trim() !== '') {
      const { line, column } = scanner.where();
      refuse(`unexpected text "${t.trim().slice(0, 40)}" inside <${top.kind}>`, line, column);
    }
  }

  function onOpenTag(tag: XmlTag): void {
    const parent = stack[stack.length - 1];
    const local = tag.local;
    tagLine = tag.line;
    tagColumn = tag.column;

    if (!rootSeen) {
      rootSeen = true;
      if (local !== 'graphml') refuse(`not a GraphML file: the root element is <${tag.name}>, expected <graphml>`);
      // Files without any namespace are common (networkx, graphinout tests accept them); a
      // different namespace means some other vocabulary that only happens to use the same name.
      if (tag.uri === GRAPHML_RC_NS) {
        warnings.push({ message: 'GraphML 1.0rc namespace; read as GraphML 1.0', line: tagLine, column: tagColumn });
      } else if (tag.uri !== GRAPHML_NS && tag.uri !== '') {
        refuse(`not a GraphML file: <graphml> is in namespace "${tag.uri}", expected "${GRAPHML_NS}"`);
      }
      rootUri = tag.uri;
      stack.push({ kind: 'graphml' });
      return;
    }
    if (!parent) return refuse('unexpected element after the root');

    // Markup inside <data> (yFiles graphics) or <desc> is content, not structure.
    if (parent.kind === 'data' || parent.kind === 'foreign' || parent.kind === 'desc') {
      stack.push({ kind: 'foreign' });
      return;
    }
    if (tag.uri !== rootUri) {
      stack.push({ kind: 'foreign' });
      return;
    }

    switch (local) {
      case 'hyperedge':
      case 'endpoint':
        return refuse('hyperedges are not supported (only edges between two nodes can be imported)');
      case 'port':
        warnPorts();
        stack.push({ kind: 'foreign' });
        return;
      case 'locator':
        return refuse('<locator> (graph content in another file) is not supported');
      case 'desc':
        stack.push({ kind: 'desc' });
        return;
      case 'key': {
        if (parent.kind !== 'graphml') return refuse('<key> must be a child of <graphml>');
        const id = attr(tag, 'id');
        if (!id) return refuse('<key> without an id');
        const domain = attr(tag, 'for') ?? 'all';
        const same = keys.get(id) ?? [];
        const prev = same.find((k) => k.domain === domain || k.domain === 'all' || domain === 'all');
        if (prev)
          return refuse(
            `key id "${id}" is declared twice for ${domain === 'all' ? 'all elements' : `<${domain}>`} (first at line ${prev.line})`,
          );
        const rawType = (attr(tag, 'attr.type') ?? 'string').toLowerCase();
        let type: KeyType = 'string';
        if (KNOWN_TYPES.has(rawType as KeyType)) type = rawType as KeyType;
        else warnings.push({ message: `key "${id}" has unknown attr.type "${rawType}"; read as text`, line: tagLine, column: tagColumn });
        const key: KeyDef = {
          id,
          name: attr(tag, 'attr.name') ?? id,
          type,
          domain,
          defaultText: null,
          yfiles: attr(tag, 'yfiles.type') !== undefined,
          line: tagLine,
          column: tagColumn,
        };
        keys.set(id, [...same, key]);
        stack.push({ kind: 'key', key });
        return;
      }
      case 'default': {
        if (parent.kind !== 'key') return refuse('<default> must be inside <key>');
        stack.push({ kind: 'default', key: parent.key, text: '' });
        return;
      }
      case 'data': {
        const key = attr(tag, 'key');
        if (key === undefined) return refuse('<data> without a key attribute');
        let target: DataRuns | null = null;
        if (parent.kind === 'node') target = parent.node.data;
        else if (parent.kind === 'edge') target = parent.edge.data;
        else if (parent.kind !== 'graph' && parent.kind !== 'graphml') {
          return refuse(`<data> is not allowed inside <${parent.kind}>`);
        }
        stack.push({ kind: 'data', key, text: '', line: tagLine, column: tagColumn, target });
        return;
      }
      case 'graph': {
        let enclosingDirected: boolean | null = null;
        if (parent.kind === 'graphml') {
          topGraphs++;
          if (topGraphs === 2) {
            warnings.push({ message: 'the file holds several graphs; they were merged into one', line: tagLine, column: tagColumn });
          }
        } else if (parent.kind === 'node' || parent.kind === 'edge') {
          if (!nestedWarned) {
            nestedWarned = true;
            warnings.push({
              message: 'nested graphs (groups) were flattened: their nodes were kept with parent set to the enclosing node',
              line: tagLine,
              column: tagColumn,
            });
          }
          enclosingDirected = graphDirectedness();
        } else {
          return refuse(`<graph> is not allowed inside <${parent.kind}>`);
        }
        const ed = attr(tag, 'edgedefault');
        let directed: boolean;
        if (ed === 'directed') directed = true;
        else if (ed === 'undirected') directed = false;
        else if (ed === undefined) directed = enclosingDirected ?? false;
        else {
          directed = enclosingDirected ?? false;
          warnings.push({
            message: `edgedefault "${ed}" is neither "directed" nor "undirected"; read as ${directed ? 'directed' : 'undirected'}`,
            line: tagLine,
            column: tagColumn,
          });
        }
        if (graphDirected === null && parent.kind === 'graphml') graphDirected = directed;
        stack.push({ kind: 'graph', directed });
        return;
      }
      case 'node': {
        if (parent.kind !== 'graph') return refuse('<node> must be inside <graph>');
        const id = attr(tag, 'id');
        if (id === undefined) return refuse('<node> without an id');
        const node: PendingNode = { id, parent: enclosingNodeId(), data: [], line: tagLine, column: tagColumn };
        // A node declared again is left out (its data read and dropped) and listed, for the person importing to skip.
        if (nodeIds.has(id))
          rejected.push({ message: `node id "${id}" is declared again; this node is left out`, line: tagLine, column: tagColumn });
        else nodes.push(node);
        nodeIds.add(id);
        stack.push({ kind: 'node', node });
        return;
      }
      case 'edge': {
        if (parent.kind !== 'graph') return refuse('<edge> must be inside <graph>');
        if (attr(tag, 'sourceport') !== undefined || attr(tag, 'targetport') !== undefined) warnPorts();
        const source = attr(tag, 'source');
        const target = attr(tag, 'target');
        if (source === undefined || target === undefined) return refuse('<edge> without source or target');
        const d = attr(tag, 'directed');
        let directed = parent.directed;
        if (d === 'true') directed = true;
        else if (d === 'false') directed = false;
        else if (d !== undefined) return refuse(`edge attribute directed must be "true" or "false", not "${d}"`);
        const edge: PendingEdge = { id: attr(tag, 'id') ?? null, source, target, directed, data: [], line: tagLine, column: tagColumn };
        edges.push(edge);
        stack.push({ kind: 'edge', edge });
        return;
      }
      default:
        return refuse(`unknown GraphML element <${tag.name}>`);
    }
  }

  function enclosingNodeId(): string | null {
    for (let i = stack.length - 1; i >= 0; i--) {
      const f = stack[i]!;
      if (f.kind === 'node') return f.node.id;
    }
    return null;
  }

  function graphDirectedness(): boolean | null {
    for (let i = stack.length - 1; i >= 0; i--) {
      const f = stack[i]!;
      if (f.kind === 'graph') return f.directed;
    }
    return null;
  }

  function onCloseTag(): void {
    const frame = stack.pop();
    if (!frame) return;
    if (frame.kind === 'default') {
      frame.key.defaultText = frame.text;
    } else if (frame.kind === 'data') {
      // Graph-level data has nowhere to go in ParsedGraph, but is still type-checked below.
      (frame.target ?? graphData).push(frame.key, frame.text, frame.line, frame.column);
    }
  }

  const graphData: DataRuns = [];

  const scanner: XmlScanner = new XmlScanner(text, {
    openTag: onOpenTag,
    closeTag: onCloseTag,
    wantsText,
    text: onText,
    doctype: onDoctype,
    ...(progress ? { progress } : {}),
  });
  scanner.run();
  if (!rootSeen) throw new ImportRefused('not a GraphML file: no root element');

  // --- resolve data against keys (keys may legally be declared after their use in lax files) ---

  let yfilesWarned = false;
  const undeclaredWarned = new Set<string>();

  const convert = (key: KeyDef, raw: string, where: Location): AttrValue => {
    switch (key.type) {
      case 'string':
        return raw;
      case 'boolean': {
        const t = raw.trim().toLowerCase();
        if (t === 'true' || t === '1') return true;
        if (t === 'false' || t === '0') return false;
        if (t === '') return null;
        throw new ImportRefused(`invalid boolean "${raw.trim().slice(0, 40)}" for key "${key.name}"`, where);
      }
      default: {
        const t = raw.trim();
        if (t === '') return null;
        if (NUMBER_RE.test(t)) return Number(t);
        // XML Schema spellings of the special values: kept as text because JSON cannot hold them.
        if (/^[+-]?(INF|Infinity|NaN)$/i.test(t)) {
          warnings.push({ message: `value "${t}" for key "${key.name}" is not a finite number; kept as text`, ...where });
          return t;
        }
        throw new ImportRefused(`invalid ${key.type} value "${t.slice(0, 40)}" for key "${key.name}"`, where);
      }
    }
  };

  const applies = (key: KeyDef, kind: string): boolean => key.domain === kind || key.domain === 'all';
  /** The key an element's data names: the one declared for its kind, else the id's only one. */
  const keyOf = (id: string, kind: string): KeyDef | undefined => {
    const list = keys.get(id);
    if (!list) return undefined;
    return list.length === 1 ? list[0] : (list.find((k) => applies(k, kind)) ?? list[0]);
  };

  const collect = (data: DataRuns, kind: 'node' | 'edge'): Record<string, AttrValue> => {
    const out: Record<string, AttrValue> = {};
    for (const key of [...keys.values()].flat()) {
      if (key.yfiles || key.defaultText === null || !applies(key, kind)) continue;
      out[key.name] = convert(key, key.defaultText, { line: key.line, column: key.column });
    }
    for (let i = 0; i < data.length; i += 4) {
      const d = dataAt(data, i);
      const key = keyOf(d.key, kind);
      const where = { line: d.line, column: d.column };
      if (!key) {
        if (!undeclaredWarned.has(d.key)) {
          undeclaredWarned.add(d.key);
          warnings.push({ message: `data for undeclared key "${d.key}" kept as text under that name`, ...where });
        }
        out[d.key] = d.text;
        continue;
      }
      if (key.yfiles) {
        if (!yfilesWarned) {
          yfilesWarned = true;
          warnings.push({ message: 'yFiles graphics data (shapes, colours, layout) was ignored', ...where });
        }
        continue;
      }
      out[key.name] = convert(key, d.text, where);
    }
    return out;
  };

  const pick = (attrs: Record<string, AttrValue>, names: string[]): AttrValue | undefined => {
    for (const n of names) {
      for (const k in attrs) {
        const v = attrs[k]!;
        if (k.toLowerCase() === n && v !== null) return v;
      }
    }
    return undefined;
  };

  for (let i = 0; i < graphData.length; i += 4) {
    const d = dataAt(graphData, i);
    const key = keyOf(d.key, 'graph');
    if (key && !key.yfiles) convert(key, d.text, { line: d.line, column: d.column });
  }

  const outNodes: ParsedNode[] = nodes.map((n) => {
    const attributes = collect(n.data, 'node');
    const label = pick(attributes, ['label', 'name']);
    const x = pick(attributes, ['x']);
    const y = pick(attributes, ['y']);
    return {
      id: n.id,
      label: label === undefined ? null : String(label),
      attributes,
      start: null,
      end: null,
      position: typeof x === 'number' && typeof y === 'number' ? { x, y } : null,
      parent: n.parent,
      line: n.line,
      column: n.column,
    };
  });

  const outEdges = new ParsedEdges();
  for (const e of edges) {
    const attributes = collect(e.data, 'edge');
    const label = pick(attributes, ['label', 'name']);
    const weight = pick(attributes, ['weight']);
    for (const end of [e.source, e.target]) {
      if (!nodeIds.has(end)) {
        warnings.push({
          message: `edge ${e.id !== null ? `"${e.id}"` : `${e.source} → ${e.target}`} refers to undeclared node "${end}"`,
          line: e.line,
          column: e.column,
        });
      }
    }
    outEdges.add({
      id: e.id,
      source: e.source,
      target: e.target,
      directed: e.directed,
      weight: typeof weight === 'number' ? weight : null,
      label: label === undefined ? null : String(label),
      attributes,
      start: null,
      end: null,
      line: e.line,
      column: e.column,
    });
  }

  // Graph-level data as text by key name (this app's own files name their list attributes there).
  const graphAttributes: Record<string, string> = {};
  for (let i = 0; i < graphData.length; i += 4) {
    const d = dataAt(graphData, i);
    graphAttributes[keyOf(d.key, 'graph')?.name ?? d.key] = d.text;
  }

  return {
    format: 'graphml',
    graphAttributes,
    directed: graphDirected ?? false,
    nodes: outNodes,
    edges: outEdges,
    warnings,
    rejected,
  };
}
