// What every importer produces before anything touches the database: a plain graph of nodes and
// edges with their attributes, where they were found in the file, and what looked wrong. The
// mapping to organisations and relations (import/plan-graph.ts) reads only this, so each file
// format is one parser and nothing else.
import type { ImportFormatId } from '../../../../shared/formats';
import type { ParsedEdges } from './parsed-edges';

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
