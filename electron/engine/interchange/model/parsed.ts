// What every importer produces before anything touches the database: a plain graph of nodes and
// edges with their attributes, where they were found in the file, and what looked wrong. The
// mapping to organisations and relations (import/plan-graph.ts) reads only this, so each file
// format is one parser and nothing else.
import type { ImportFormatId } from '../../../../shared/formats';
import { doubled } from './doubled';

export type AttrValue = string | number | boolean | null | (string | number | boolean)[];

/** Where in the file something is: line and column for XML and CSV, element index for JSON. */
export interface Location {
  line?: number;
  column?: number;
  element?: string;
}

export interface ImportIssue extends Location {
  message: string;
}

export interface ParsedNode extends Location {
  id: string;
  label: string | null;
  attributes: Record<string, AttrValue>;
  /** Dates as YYYY, YYYY-MM or YYYY-MM-DD when the file's time format allows, else null. */
  start: string | null;
  end: string | null;
  position: { x: number; y: number } | null;
  /** For formats with nested graphs or groups (yEd, GEXF pid): the enclosing node's id. */
  parent: string | null;
}

/** One edge as an object: what a parser adds to `ParsedEdges`, and what it gives back for one edge. */
export interface ParsedEdge extends Location {
  id: string | null;
  source: string;
  target: string;
  directed: boolean;
  weight: number | null;
  label: string | null;
  attributes: Record<string, AttrValue>;
  start: string | null;
  end: string | null;
}

export interface ParsedGraph {
  format: ImportFormatId;
  /** Data on the graph itself, as text by name, where the format has it (GraphML). */
  graphAttributes?: Record<string, string>;
  directed: boolean;
  nodes: ParsedNode[];
  /** By columns: a large file has a million. */
  edges: ParsedEdges;
  warnings: ImportIssue[];
  /** Rows the parser left out (a node ID declared again, an edge without an end): listed, and skippable. */
  rejected?: ImportIssue[];
}

/** Thrown by a parser that refuses a file: the message says where and why. */
export class ImportRefused extends Error {
  constructor(
    message: string,
    readonly location: Location = {},
  ) {
    const where = [
      location.line !== undefined ? `line ${location.line}` : null,
      location.column !== undefined ? `column ${location.column}` : null,
      location.element ?? null,
    ]
      .filter(Boolean)
      .join(', ');
    super(where ? `${where}: ${message}` : message);
    this.name = 'ImportRefused';
  }
}

// A parsed graph's edges, kept by columns. An edge as other tools write it is two ends, maybe an
// ID, a weight and a direction, and where it is in the file: here that is a few numbers and at
// most one string, its ends being places in one list of the names the file gives its ends. Only
// an edge with more (a label, dates, attributes, a JSON element path) keeps an object, of just
// that. A million edges as objects were about 540 MB of heap, the largest part of a large
// import's peak; by columns they are about 60 MB.
/** What an edge has beyond its ends, ID, weight, direction and line and column; most edges have none. */
interface Extra {
  label: string | null;
  attributes: Record<string, AttrValue> | null;
  start: string | null;
  end: string | null;
  element: string | null;
}

const NONE = -1;
const DIRECTED = 1;
/**
 * The attributes of an edge that has none, shared and frozen (a write would throw): callers copy
 * attributes before they change them.
 */
const NO_ATTRIBUTES: Readonly<Record<string, AttrValue>> = Object.freeze({});
const hasKeys = (o: Record<string, unknown>): boolean => {
  for (const _ in o) return true;
  return false;
};

export class ParsedEdges implements Iterable<ParsedEdge> {
  length = 0;
  /** The names the file gives edge ends, each once; `source` and `target` hold places in it. */
  private readonly names: string[] = [];
  private readonly placeOfName = new Map<string, number>();
  /**
   * The places of names that are decimal numbers ("0", "17", "99999": networkx, igraph and Gephi
   * number their nodes), by number, each plus 1 (0, a new slot's value, is a number not yet met).
   * Looking a name up in the map hashes a fresh string each time, about 1 s of a million-edge
   * file's parse; reading its digits is a fifth of that. Used only for numbers about as dense as
   * the names (see `nameAt`), so a file numbering from a million does not make a large array.
   */
  private placeOfNumber = new Int32Array(1024);
  private source = new Int32Array(256);
  private target = new Int32Array(256);
  /** NaN: no weight. */
  private weights = new Float64Array(256);
  private flags = new Uint8Array(256);
  /** NONE: not known (CSV has no columns, JSON neither). */
  private lines = new Int32Array(256);
  private columns = new Int32Array(256);
  /** Null while no edge has an ID (many files give none). */
  private ids: (string | null)[] | null = null;
  private readonly extras = new Map<number, Extra>();

  /** Adds an edge (the object is read, not kept); returns its place. */
  add(e: ParsedEdge): number {
    const k = this.grow();
    this.source[k] = this.nameAt(e.source);
    this.target[k] = this.nameAt(e.target);
    this.weights[k] = e.weight ?? NaN;
    this.flags[k] = e.directed ? DIRECTED : 0;
    this.lines[k] = e.line ?? NONE;
    this.columns[k] = e.column ?? NONE;
    if (e.id !== null) (this.ids ??= new Array<string | null>(k).fill(null))[k] = e.id;
    else if (this.ids) this.ids[k] = null;
    const attributes = hasKeys(e.attributes) ? e.attributes : null;
    if (e.label !== null || e.start !== null || e.end !== null || e.element !== undefined || attributes) {
      this.extras.set(k, { label: e.label, attributes, start: e.start, end: e.end, element: e.element ?? null });
    }
    return k;
  }

  /** Every name the file gives an edge end, each once, in the order first met. */
  get endNames(): readonly string[] {
    return this.names;
  }
  /** Edge `k`'s source, as a place in `endNames`. */
  sourcePlace(k: number): number {
    return this.source[k]!;
  }
  targetPlace(k: number): number {
    return this.target[k]!;
  }
  sourceOf(k: number): string {
    return this.names[this.source[k]!]!;
  }
  targetOf(k: number): string {
    return this.names[this.target[k]!]!;
  }
  idOf(k: number): string | null {
    return this.ids?.[k] ?? null;
  }
  directedOf(k: number): boolean {
    return (this.flags[k]! & DIRECTED) !== 0;
  }
  weightOf(k: number): number | null {
    const w = this.weights[k]!;
    return Number.isNaN(w) ? null : w;
  }
  labelOf(k: number): string | null {
    return this.extras.get(k)?.label ?? null;
  }
  startOf(k: number): string | null {
    return this.extras.get(k)?.start ?? null;
  }
  endOf(k: number): string | null {
    return this.extras.get(k)?.end ?? null;
  }
  /** Edge `k`'s attributes: not to be changed in place (an edge without any shares one frozen object). */
  attributesOf(k: number): Readonly<Record<string, AttrValue>> {
    return this.extras.get(k)?.attributes ?? NO_ATTRIBUTES;
  }
  /** Whether edge `k` is only its ends, ID, weight and direction (no label, dates or attributes). */
  isBare(k: number): boolean {
    return !this.extras.has(k);
  }
  locationOf(k: number): Location {
    const l: Location = {};
    if (this.lines[k] !== NONE) l.line = this.lines[k];
    if (this.columns[k] !== NONE) l.column = this.columns[k];
    const element = this.extras.get(k)?.element;
    if (element) l.element = element;
    return l;
  }

  /** Edge `k` as an object of its own (a fresh one each call). */
  at(k: number): ParsedEdge {
    const x = this.extras.get(k);
    return {
      id: this.idOf(k),
      source: this.sourceOf(k),
      target: this.targetOf(k),
      directed: this.directedOf(k),
      weight: this.weightOf(k),
      label: x?.label ?? null,
      attributes: x?.attributes ? { ...x.attributes } : {},
      start: x?.start ?? null,
      end: x?.end ?? null,
      ...this.locationOf(k),
    };
  }

  *[Symbol.iterator](): Iterator<ParsedEdge> {
    for (let k = 0; k < this.length; k++) yield this.at(k);
  }

  // For parsers that finish an edge after reading it (GEXF resolves attributes once the file is read).

  setWeight(k: number, weight: number | null): void {
    this.weights[k] = weight ?? NaN;
  }
  setAttributes(k: number, attributes: Record<string, AttrValue>): void {
    this.extraOf(k).attributes = hasKeys(attributes) ? attributes : null;
  }
  setTimes(k: number, start: string | null, end: string | null): void {
    if (start === null && end === null && !this.extras.has(k)) return;
    const x = this.extraOf(k);
    x.start = start;
    x.end = end;
  }
  /** Names edge `k`'s ends anew (CSV ends written as another node column, rewritten as IDs). */
  setEnds(k: number, source: string, target: string): void {
    this.source[k] = this.nameAt(source);
    this.target[k] = this.nameAt(target);
  }

  /** Keeps only the edges `keep` says, in order (their places change). */
  retain(keep: (k: number) => boolean): void {
    let to = 0;
    for (let k = 0; k < this.length; k++) {
      if (!keep(k)) {
        this.extras.delete(k);
        continue;
      }
      if (to !== k) {
        this.source[to] = this.source[k]!;
        this.target[to] = this.target[k]!;
        this.weights[to] = this.weights[k]!;
        this.flags[to] = this.flags[k]!;
        this.lines[to] = this.lines[k]!;
        this.columns[to] = this.columns[k]!;
        if (this.ids) this.ids[to] = this.ids[k]!;
        const x = this.extras.get(k);
        this.extras.delete(k);
        if (x) this.extras.set(to, x);
      }
      to++;
    }
    this.length = to;
    if (this.ids) this.ids.length = to;
  }

  private extraOf(k: number): Extra {
    let x = this.extras.get(k);
    if (!x) this.extras.set(k, (x = { label: null, attributes: null, start: null, end: null, element: null }));
    return x;
  }

  private nameAt(name: string): number {
    const n = decimalOf(name);
    if (n !== NONE && n < 4 * (this.names.length + 1024)) {
      while (n >= this.placeOfNumber.length) this.placeOfNumber = doubled(this.placeOfNumber);
      const known = this.placeOfNumber[n]!;
      if (known !== 0) return known - 1;
      // Met before while the numbers were sparser than the names, it went to the map.
      const place = this.placeOfName.get(name) ?? this.added(name);
      this.placeOfNumber[n] = place + 1;
      return place;
    }
    return this.placeOfName.get(name) ?? this.added(name);
  }

  private added(name: string): number {
    const place = this.names.length;
    this.names.push(name);
    this.placeOfName.set(name, place);
    return place;
  }

  private grow(): number {
    const k = this.length++;
    if (k === this.source.length) {
      this.source = doubled(this.source);
      this.target = doubled(this.target);
      this.weights = doubled(this.weights);
      this.flags = doubled(this.flags);
      this.lines = doubled(this.lines);
      this.columns = doubled(this.columns);
    }
    return k;
  }
}

/** The number a name writes in decimal digits, as String(n) would (no sign, no leading zero); NONE if it is not one. */
function decimalOf(name: string): number {
  const length = name.length;
  if (length === 0 || length > 9 || (length > 1 && name.charCodeAt(0) === 48)) return NONE;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const digit = name.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NONE;
    n = n * 10 + digit;
  }
  return n;
}
