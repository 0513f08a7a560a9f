// GEXF importer (Gephi's format, 1.1draft to 1.3 and the pre-1.0 gephi.org namespace). Streams the
// text through our XML scanner rather than building a DOM so that line/column are known for every
// node and edge, and so that no DTD is ever interpreted: the scanner expands no custom entities, and
// we refuse any DOCTYPE that declares one before it could matter (XXE, billion laughs).

import {
  ImportRefused,
  ParsedEdges,
  type AttrValue,
  type ImportIssue,
  type ParsedEdge,
  type ParsedGraph,
  type ParsedNode,
} from '../../model/parsed';
import { XmlScanner, type XmlHandler, type XmlTag } from '../xml/scan';

type AttrClass = 'node' | 'edge';

interface AttrDecl {
  id: string;
  title: string;
  type: string;
  defaultRaw: string | null;
}

interface RawAttValue {
  key: string;
  value: string;
  line: number;
  column: number;
}

interface TimeSpan {
  start: string | null;
  end: string | null;
}

/** An element being read: a node, or an edge by its place in the edges (kept only if it has more to resolve). */
interface Pending<T> {
  item: T;
  /**
   * The <attvalue>s as runs of key, value, line, column: a large file has hundreds of thousands,
   * and one flat array per element spares the GC an object to copy for each. Null until one is
   * found: an edge as other tools write it has none.
   */
  attvalues: (string | number)[] | null;
  /** Its <spell>s; null until one is found, as most elements have none. */
  spans: TimeSpan[] | null;
  /** The element's own start/end, which spells (if any) replace. */
  own: TimeSpan | null;
  explicitWeight: number | null;
}

const GEXF_NAMESPACES = new Set([
  'http://www.gephi.org/gexf',
  'http://www.gexf.net/1.1draft',
  'http://www.gexf.net/1.2draft',
  'http://www.gexf.net/1.3',
  'http://gexf.net/1.3',
]);

const ENTITY_DECLARATION = /<!ENTITY/i;

function isKnownNamespace(uri: string): boolean {
  if (GEXF_NAMESPACES.has(uri)) return true;
  // The pre-1.0 namespace was also written with a version suffix (http://www.gephi.org/gexf/1.0).
  return /^https?:\/\/(www\.)?gephi\.org\/gexf(\/[\w.]+)?\/?$/.test(uri);
}

/** Binary input produces a flood of confusing XML errors; say what it really is instead. */
function refuseBinary(input: string): void {
  const head = input.slice(0, 1024);
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    // XML 1.0 forbids every C0 control except tab, LF and CR, so any of them means "not XML text".
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
      throw new ImportRefused('not a text file (control or NUL bytes near the start); is this really GEXF?');
    }
  }
}

function splitListPieces(inner: string): string[] {
  // 1.3 lists look like Python reprs: [a, 'b', "c, d"]; honour quotes and backslash escapes.
  const pieces: string[] = [];
  let piece = '';
  let quote: string | null = null;
  let escaping = false;
  let started = false;
  for (const ch of inner) {
    if (escaping) {
      piece += ch;
      escaping = false;
      continue;
    }
    if (ch === '\\') {
      escaping = true;
      continue;
    }
    if (quote) {
      if (ch === quote) quote = null;
      else piece += ch;
      continue;
    }
    if ((ch === '"' || ch === "'") && piece.trim() === '') {
      quote = ch;
      piece = '';
      started = true;
      continue;
    }
    if (ch === ',') {
      pieces.push(piece.trim());
      piece = '';
      started = false;
      continue;
    }
    piece += ch;
    started = true;
  }
  if (started || piece.trim() !== '' || pieces.length > 0) pieces.push(piece.trim());
  return pieces;
}

function splitList(raw: string): string[] {
  const s = raw.trim();
  if (s.length >= 2 && s.startsWith('[') && s.endsWith(']')) return splitListPieces(s.slice(1, -1));
  if (s === '') return [];
  if (s.includes('|')) return s.split('|').map((p) => p.trim());
  // Some writers (and graphology's v1_3 tests) use bare commas without brackets.
  if (s.includes(',')) return s.split(',').map((p) => p.trim());
  return [s];
}

type Scalar = string | number | boolean;

function scalar(type: string, raw: string): Scalar | undefined {
  const t = type.toLowerCase();
  const s = raw.trim();
  switch (t) {
    case 'integer':
    case 'long':
    case 'short':
    case 'byte':
    case 'biginteger': {
      if (!/^[+-]?\d+$/.test(s)) return undefined;
      return Number(s);
    }
    case 'float':
    case 'double':
    case 'bigdecimal': {
      if (s === '') return undefined;
      const n = Number(s);
      if (Number.isNaN(n) && !/^nan$/i.test(s)) return undefined;
      return n;
    }
    case 'boolean': {
      if (/^(true|1)$/i.test(s)) return true;
      if (/^(false|0)$/i.test(s)) return false;
      return undefined;
    }
    default:
      // string, anyURI, date, char and unknown types stay text: no information is lost.
      return raw;
  }
}

/** undefined means the text does not fit the declared type. */
function convertValue(type: string, raw: string): AttrValue | undefined {
  const t = type.toLowerCase();
  if (t.startsWith('list')) {
    const sub = t.slice(4) || 'string';
    const out: Scalar[] = [];
    for (const piece of splitList(raw)) {
      const v = scalar(sub, piece);
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out;
  }
  return scalar(t, raw);
}

function compareTimes(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && !Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Earliest start and latest end; a missing bound on any span means it is open on that side. */
function envelope(spans: TimeSpan[]): TimeSpan {
  let start: string | null = null;
  let end: string | null = null;
  let openStart = false;
  let openEnd = false;
  for (const s of spans) {
    if (s.start === null) openStart = true;
    else if (start === null || compareTimes(s.start, start) < 0) start = s.start;
    if (s.end === null) openEnd = true;
    else if (end === null || compareTimes(s.end, end) > 0) end = s.end;
  }
  return { start: openStart ? null : start, end: openEnd ? null : end };
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T|\s)/;

function toPartialDate(raw: string): string | null {
  const m = PARTIAL_DATE.exec(raw.trim());
  if (!m) return null;
  return m[3] !== undefined ? `${m[1]}-${m[2]}-${m[3]}` : m[2] !== undefined ? `${m[1]}-${m[2]}` : m[1]!;
}

const looksLikeDate = (v: string | null): boolean => v === null || /^\d{4}-\d{2}-\d{2}/.test(v.trim());

/**
 * A time that did not become a date is kept as the "start" or "end" attribute, as a number when the
 * time format is numeric; true if it was. (Module-level, like every helper of the per-element loop:
 * see ARCHITECTURE.md on closures in the import path.)
 */
function keepRawTime(
  item: ParsedNode | ParsedEdge,
  which: 'start' | 'end',
  raw: string | null,
  converted: string | null | undefined,
  tf: string | null,
): boolean {
  if (raw === null || (converted !== undefined && converted !== null)) return false;
  const n = Number(raw);
  setAttribute(item, which, (tf === 'integer' || tf === 'double') && raw.trim() !== '' && !Number.isNaN(n) ? n : raw);
  return true;
}

const NO_ATTVALUES: readonly (string | number)[] = [];
/**
 * What an edge without a `kind` is given as attributes, shared: the edges only read it, and an
 * empty object each for 200,000 edges was a tenth of parsing them.
 */
const NO_ATTRIBUTES: Record<string, AttrValue> = Object.freeze({}) as Record<string, AttrValue>;

function setAttribute(item: ParsedNode | ParsedEdge, key: string, value: AttrValue): void {
  item.attributes[key] = value;
}

function readSpan(tag: XmlTag): TimeSpan | null {
  const start = attr(tag, 'start') ?? attr(tag, 'startopen') ?? attr(tag, 'timestamp') ?? null;
  const end = attr(tag, 'end') ?? attr(tag, 'endopen') ?? attr(tag, 'timestamp') ?? null;
  if (start === null && end === null) return null;
  return { start, end };
}

/** A GEXF attribute: namespaced ones (xsi:schemaLocation) are never GEXF data. */
function attr(tag: XmlTag, name: string): string | undefined {
  const list = tag.attributes;
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    if (a.prefix === '' && a.local === name) return a.value;
  }
  return undefined;
}

function undeclaredEnd(edges: ParsedEdges, k: number, end: string): ImportIssue {
  const id = edges.idOf(k);
  const name = id !== null ? `edge "${id}"` : `edge ${edges.sourceOf(k)} → ${edges.targetOf(k)}`;
  return { message: `${name} refers to node "${end}", which is not declared`, ...edges.locationOf(k) };
}

function isVizPosition(tag: XmlTag): boolean {
  if (tag.local !== 'position') return false;
  // Files in the wild bind viz to wrong URIs (a triple slash, the 1.1draft URI in a 1.2 file), so
  // trust either the conventional prefix or any URI that ends in "viz".
  return tag.prefix === 'viz' || /viz\/?$/i.test(tag.uri);
}

export function parseGexf(input: string, progress?: XmlHandler['progress']): ParsedGraph {
  if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
  refuseBinary(input);

  const warnings: ImportIssue[] = [];
  const decls: Record<AttrClass, Map<string, AttrDecl>> = { node: new Map(), edge: new Map() };
  const nodes: Pending<ParsedNode>[] = [];
  const rejected: ImportIssue[] = [];
  const edges = new ParsedEdges();
  // The edges with <attvalue>s, <spell>s or times of their own, by place: most have none.
  const edgesToResolve = new Map<number, Pending<number>>();
  const nodeIds = new Map<string, number>();
  const edgeIds = new Map<string, number>();

  // The stack mirrors open elements so we know what an <attvalue> or <spell> belongs to.
  const stack: string[] = [];
  const nodeStack: Pending<ParsedNode>[] = [];
  let owner: Pending<ParsedNode> | Pending<number> | null = null;
  const ownerStack: (Pending<ParsedNode> | Pending<number> | null)[] = [];
  let attrClass: AttrClass | null = null;
  let currentDecl: AttrDecl | null = null;
  let defaultText: string | null = null;

  let rootSeen = false;
  let graphSeen = false;
  let defaultDirected = false;
  let timeformat: string | null = null;
  let flattenedWarned = false;
  let strayNodeWarned = false;

  const refuseAt = (message: string, line: number, column: number): never => {
    throw new ImportRefused(message, { line, column });
  };

  const onDoctype = (doctype: string): void => {
    if (ENTITY_DECLARATION.test(doctype)) {
      const { line, column } = scanner.where();
      refuseAt(
        'the DOCTYPE declares entities, which GEXF never needs and which can read local files or exhaust memory; refused',
        line,
        column,
      );
    }
  };

  const onOpenTag = (tag: XmlTag): void => {
    const name = tag.local;
    const parentName = stack[stack.length - 1];
    const { line, column } = tag;

    if (!rootSeen) {
      rootSeen = true;
      if (name !== 'gexf') refuseAt(`the root element is <${tag.name}>, not <gexf>: this is not a GEXF file`, line, column);
      if (!isKnownNamespace(tag.uri)) {
        warnings.push({
          message: tag.uri
            ? `unknown GEXF namespace "${tag.uri}"; reading it as GEXF anyway`
            : 'the <gexf> element has no namespace; reading it as GEXF anyway',
          line,
          column,
        });
      }
    }

    stack.push(name);
    ownerStack.push(owner);

    switch (name) {
      case 'graph': {
        if (graphSeen) {
          warnings.push({ message: 'more than one <graph>: their nodes and edges are merged', line, column });
        }
        graphSeen = true;
        const det = (attr(tag, 'defaultedgetype') ?? 'undirected').toLowerCase();
        defaultDirected = det === 'directed';
        timeformat = (attr(tag, 'timeformat') ?? null)?.toLowerCase() ?? null;
        break;
      }
      case 'attributes': {
        const cls = (attr(tag, 'class') ?? '').toLowerCase();
        if (cls !== 'node' && cls !== 'edge') {
          refuseAt(`unknown attribute class "${attr(tag, 'class') ?? ''}" (only "node" and "edge" exist in GEXF)`, line, column);
        }
        attrClass = cls as AttrClass;
        break;
      }
      case 'attribute': {
        if (attrClass && parentName === 'attributes') {
          const id = attr(tag, 'id') ?? attr(tag, 'title');
          if (id === undefined) {
            warnings.push({ message: 'attribute declaration without id ignored', line, column });
            break;
          }
          currentDecl = { id, title: attr(tag, 'title') || id, type: attr(tag, 'type') || 'string', defaultRaw: null };
          decls[attrClass].set(id, currentDecl);
        }
        break;
      }
      case 'default': {
        if (currentDecl) defaultText = '';
        break;
      }
      case 'node': {
        const id = attr(tag, 'id');
        if (id === undefined) refuseAt('a <node> has no id', line, column);
        const nodeId = id as string;
        const firstLine = nodeIds.get(nodeId);
        // A node declared again is read and left out, and listed for the person importing to skip.
        if (firstLine !== undefined) {
          rejected.push({
            message: `node id "${nodeId}" is declared again (first on line ${firstLine}); this node is left out`,
            line,
            column,
          });
        } else nodeIds.set(nodeId, line);
        const enclosing = nodeStack[nodeStack.length - 1];
        let parent: string | null = enclosing ? enclosing.item.id : null;
        const pid = attr(tag, 'pid');
        if (pid !== undefined && pid !== '') parent = pid;
        if (parent !== null && !flattenedWarned) {
          flattenedWarned = true;
          warnings.push({
            message: 'nested nodes (pid or <nodes> inside a <node>) were flattened; each keeps its enclosing node as parent',
            line,
            column,
          });
        }
        if (parentName !== 'nodes' && !strayNodeWarned) {
          strayNodeWarned = true;
          warnings.push({ message: '<node> outside a <nodes> element; read anyway', line, column });
        }
        const pending: Pending<ParsedNode> = {
          item: {
            id: nodeId,
            label: attr(tag, 'label') ?? null,
            attributes: {},
            start: null,
            end: null,
            position: null,
            parent,
            line,
            column,
          },
          attvalues: null,
          spans: null,
          own: readSpan(tag),
          explicitWeight: null,
        };
        if (firstLine === undefined) nodes.push(pending);
        nodeStack.push(pending);
        owner = pending;
        break;
      }
      case 'edge': {
        const source = attr(tag, 'source');
        const target = attr(tag, 'target');
        if (source === undefined || target === undefined) {
          refuseAt(`an <edge>${attr(tag, 'id') !== undefined ? ` (id "${attr(tag, 'id')}")` : ''} lacks a source or target`, line, column);
        }
        const type = (attr(tag, 'type') ?? '').toLowerCase();
        const directed = type === 'directed' ? true : type === 'undirected' || type === 'mutual' ? false : defaultDirected;
        let explicitWeight: number | null = null;
        const weight = attr(tag, 'weight');
        if (weight !== undefined) {
          const w = Number(weight);
          if (weight.trim() !== '' && !Number.isNaN(w)) explicitWeight = w;
          else warnings.push({ message: `edge weight "${weight}" is not a number; ignored`, line, column });
        }
        const id = attr(tag, 'id') ?? null;
        if (id !== null) {
          const firstLine = edgeIds.get(id);
          if (firstLine !== undefined) {
            warnings.push({ message: `duplicate edge id "${id}" (first on line ${firstLine}); both edges kept`, line, column });
          } else edgeIds.set(id, line);
        }
        const kind = attr(tag, 'kind');
        const place = edges.add({
          id,
          source: source as string,
          target: target as string,
          directed,
          weight: explicitWeight,
          label: attr(tag, 'label') ?? null,
          attributes: kind === undefined ? NO_ATTRIBUTES : { kind },
          start: null,
          end: null,
          line,
          column,
        });
        owner = { item: place, attvalues: null, spans: null, own: readSpan(tag), explicitWeight };
        break;
      }
      case 'attvalue': {
        if (!owner) break;
        const key = attr(tag, 'for') ?? attr(tag, 'id');
        const value = attr(tag, 'value');
        if (key === undefined || value === undefined) {
          warnings.push({ message: '<attvalue> without for/id or value ignored', line, column });
          break;
        }
        (owner.attvalues ??= []).push(key, value, line, column);
        break;
      }
      case 'spell': {
        if (!owner) break;
        const span = readSpan(tag);
        if (span) (owner.spans ??= []).push(span);
        break;
      }
      case 'position': {
        const top = nodeStack[nodeStack.length - 1];
        if (top && owner === top && isVizPosition(tag)) {
          const x = Number(attr(tag, 'x') ?? 'NaN');
          const y = Number(attr(tag, 'y') ?? 'NaN');
          if (Number.isFinite(x) && Number.isFinite(y)) top.item.position = { x, y };
        }
        break;
      }
      default:
        break;
    }
  };

  const onCloseTag = (tag: XmlTag): void => {
    const name = tag.local;
    if (name === 'edge' && owner && typeof owner.item === 'number' && (owner.attvalues || owner.spans || owner.own)) {
      edgesToResolve.set(owner.item, owner as Pending<number>);
    }
    stack.pop();
    owner = ownerStack.pop() ?? null;
    switch (name) {
      case 'default':
        if (currentDecl && defaultText !== null) currentDecl.defaultRaw = defaultText;
        defaultText = null;
        break;
      case 'attribute':
        currentDecl = null;
        break;
      case 'attributes':
        attrClass = null;
        break;
      case 'node':
        nodeStack.pop();
        break;
      default:
        break;
    }
  };

  const scanner: XmlScanner = new XmlScanner(input, {
    openTag: onOpenTag,
    closeTag: onCloseTag,
    // Only a declaration's <default> value is text GEXF reads; text elsewhere is ignored.
    wantsText: () => defaultText !== null,
    text: (text) => {
      if (defaultText !== null) defaultText += text;
    },
    doctype: onDoctype,
    ...(progress ? { progress } : {}),
    // A viz: prefix used without declaring it is a sloppy writer, not a broken graph.
    unboundPrefix: (message) => {
      warnings.push({ message: `XML: ${message}`, ...scanner.where() });
    },
  });
  scanner.run();

  if (!rootSeen) throw new ImportRefused('no XML element found: this is not a GEXF file');
  if (!graphSeen) throw new ImportRefused('the file has no <graph> element, so there is nothing to import');

  // Only for date time formats can times become our partial dates; the GEXF default is a double,
  // but writers that leave timeformat out while writing ISO dates are common enough to honour.
  const tf = timeformat as string | null;
  const dateFormat = tf === 'date' || tf === 'datetime' || tf === 'xsd:date' || tf === 'xsd:datetime';
  let rawTimeWarned = false;
  const undeclaredWarned = new Set<string>();
  const badValueWarned = new Set<string>();
  let dynamicWarned = false;

  // The item each key was last set by, to notice a key set twice: one map instead of a set per item.
  const keySetBy = new Map<string, number>();
  let itemNumber = 0;

  const resolve = <T extends ParsedNode | ParsedEdge>(p: Pending<T>, cls: AttrClass): void => {
    const item = p.item;
    const number = ++itemNumber;
    const raw = p.attvalues ?? NO_ATTVALUES;
    for (let i = 0; i < raw.length; i += 4) {
      const av: RawAttValue = {
        key: raw[i] as string,
        value: raw[i + 1] as string,
        line: raw[i + 2] as number,
        column: raw[i + 3] as number,
      };
      const decl = decls[cls].get(av.key);
      let key: string;
      let value: AttrValue | undefined;
      if (!decl) {
        key = av.key;
        value = av.value;
        const tag = `${cls}:${av.key}`;
        if (!undeclaredWarned.has(tag)) {
          undeclaredWarned.add(tag);
          warnings.push({
            message: `${cls} attribute "${av.key}" is used but not declared; kept as text under that id`,
            line: av.line,
            column: av.column,
          });
        }
      } else {
        key = decl.title;
        value = convertValue(decl.type, av.value);
        if (value === undefined) {
          value = av.value;
          const tag = `${cls}:${decl.id}`;
          if (!badValueWarned.has(tag)) {
            badValueWarned.add(tag);
            warnings.push({
              message: `${cls} attribute "${decl.title}" is declared ${decl.type} but has value "${av.value}"; kept as text`,
              line: av.line,
              column: av.column,
            });
          }
        }
      }
      if (keySetBy.get(key) === number && !dynamicWarned) {
        dynamicWarned = true;
        warnings.push({
          message: `attribute "${key}" has several (time-varying) values; the last one in the file is kept`,
          line: av.line,
          column: av.column,
        });
      }
      keySetBy.set(key, number);
      setAttribute(item, key, value);
    }
    for (const decl of decls[cls].values()) {
      if (decl.defaultRaw === null || decl.title in item.attributes) continue;
      const value = convertValue(decl.type, decl.defaultRaw);
      setAttribute(item, decl.title, value === undefined ? decl.defaultRaw : value);
    }

    const spans = p.spans ?? (p.own ? [p.own] : []);
    if (spans.length === 0) return;
    const env = envelope(spans);
    const asDates = dateFormat || (tf === null && looksLikeDate(env.start) && looksLikeDate(env.end));
    const start = env.start === null ? null : asDates ? toPartialDate(env.start) : undefined;
    const end = env.end === null ? null : asDates ? toPartialDate(env.end) : undefined;
    if (start !== undefined && start !== null) item.start = start;
    if (end !== undefined && end !== null) item.end = end;
    const keptStart = keepRawTime(item, 'start', env.start, start, tf);
    const keptEnd = keepRawTime(item, 'end', env.end, end, tf);
    if ((keptStart || keptEnd) && !rawTimeWarned) {
      rawTimeWarned = true;
      warnings.push({
        message: `times are in "${tf ?? 'double'}" format, not dates; kept as "start"/"end" attributes instead of dates`,
        line: item.line,
        column: item.column,
      });
    }
  };

  for (const p of nodes) resolve(p, 'node');
  // An edge with nothing to resolve (no <attvalue>, <spell> or time, no declared default) is done.
  const edgeDefaults = [...decls.edge.values()].some((d) => d.defaultRaw !== null);
  for (let k = 0; k < edges.length; k++) {
    const raw = edgesToResolve.get(k);
    if (!raw && !edgeDefaults) continue;
    const item = edges.at(k);
    resolve({ ...(raw ?? { attvalues: null, spans: null, own: null, explicitWeight: item.weight }), item }, 'edge');
    if (item.weight === null) {
      for (const [key, v] of Object.entries(item.attributes)) {
        if (key.toLowerCase() !== 'weight') continue;
        const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
        if (typeof v !== 'boolean' && !Number.isNaN(n) && String(v).trim() !== '') item.weight = n;
      }
    }
    edges.setWeight(k, item.weight);
    edges.setAttributes(k, item.attributes);
    edges.setTimes(k, item.start, item.end);
  }
  edgesToResolve.clear();

  const declared = edges.endNames.map((name) => nodeIds.has(name));
  for (let k = 0; k < edges.length; k++) {
    const source = edges.sourcePlace(k);
    const target = edges.targetPlace(k);
    if (!declared[source]) warnings.push(undeclaredEnd(edges, k, edges.sourceOf(k)));
    if (target !== source && !declared[target]) warnings.push(undeclaredEnd(edges, k, edges.targetOf(k)));
  }

  return {
    format: 'gexf',
    directed: defaultDirected,
    nodes: nodes.map((p) => p.item),
    edges,
    warnings,
    rejected,
  };
}
