// Every format bound to how it is recognised, read and written. shared/formats.ts says which
// formats there are (ids, names, extensions, which way they go) for the schemas, the CLI and the
// dialogs; this is the engine's half, typed from that list, so a format described there without
// a reader here (or a writer, if it exports) does not compile. Adding a format is its folder,
// its line in shared/formats.ts and its binding here.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { IMPORTABLE, type ExportFormatId, type FORMATS, type ImportFormatId } from '../../../../shared/formats';
import { graphToBundle, type GraphExportOptions } from '../model/atlas-graph';
import type { AttributeStats } from '../model/attribute-columns';
import type { Bundle, BundleReader } from '../model/bundle';
import type { ParsedGraph } from '../model/parsed';
import type { TextOut } from '../export/sink';
import type { ColumnMapping } from './csv/node-edge-lists';
import { readCsvFiles, type CsvColumns } from './csv/read';
import { streamCsvFiles, type OutFile } from './csv/write';
import { parseCyjs } from './cyjs/read';
import { streamCyjs } from './cyjs/write';
import { parseGexf } from './gexf/read';
import { looksLikeGraphology, parseGraphology } from './graphology/read';
import { streamGexf } from './gexf/write';
import { parseGraphml } from './graphml/read';
import { streamGraphml } from './graphml/write';
import { hasSqliteHeader, readSnapshot } from './snapshot/read';
import { writeSnapshot } from './snapshot/write';
import { xlsxToBundle } from './xlsx/read';
import { writeXlsx } from './xlsx/write';

/** What a reader is given: the path, and for a folder the files in it (else the path alone). */
interface ReadSource {
  path: string;
  files: string[];
  resourcesDir: string;
  mapping: ColumnMapping | undefined;
  /** CSV: lines before the header to skip (detected when undefined). */
  skipLines: number | undefined;
  progress: (done: number, total: number) => void;
}

/** A foreign graph, to be mapped to organisations and relations, or Atlas records with their IDs. */
export type Read =
  | { graph: ParsedGraph; bundle: null; columns?: CsvColumns; skippedLines?: number }
  | { graph: null; bundle: Bundle; columns?: undefined; skippedLines?: number };

interface Recognise {
  /** Decides from a file's first bytes before its name is looked at: a snapshot is one whatever it is called. */
  signature?: (head: Buffer) => boolean;
  /** Decides from the start of a file, as text, whose name says nothing. */
  content?: (head: string) => boolean;
}

interface ReadBinding extends Recognise {
  read(source: ReadSource): Read | Promise<Read>;
}

/** A file, written into place whole or not at all (export/exporter.ts makes and commits it). */
export type FileOut = TextOut & { writeBuffer(data: Buffer): void };

/** How a format's export is written; the exporter handles what each kind does to the file system. */
type WriteBinding =
  /** Into one file, as text or bytes. */
  | { to: 'file'; write(reader: BundleReader, options: Pick<GraphExportOptions, 'positions' | 'attributes'>, out: FileOut): void }
  /** Into a folder, one file per name. */
  | { to: 'folder'; write(reader: BundleReader, open: (name: string) => OutFile, attributes: readonly AttributeStats[]): string[] }
  /**
   * A database file the writer makes itself; `copyFrom`, a database holding exactly these
   * records, lets SQLite copy the tables.
   */
  | {
      to: 'database';
      write(path: string, reader: BundleReader, context: { resourcesDir: string; actor: string; copyFrom?: string }): void;
    };

type Described = (typeof FORMATS)[number];
/** A format that imports has a reader, one that exports a writer: leaving either out does not compile. */
type Binding<F extends Described> = (F['import'] extends true ? ReadBinding : Recognise) &
  (F['export'] extends true ? { writer: WriteBinding } : unknown);
type Bindings = { [F in Described as F['id']]: Binding<F> };

const text = (path: string): string => readFileSync(path, 'utf8');

/** A graph this app exported comes back as the records it was written from; any other is a foreign graph. */
function graphOrRecords(graph: ParsedGraph): Read {
  const bundle = graphToBundle(graph);
  return bundle ? { graph: null, bundle } : { graph, bundle: null };
}

const BINDINGS: Bindings = {
  gexf: {
    content: (head) => /<gexf[\s>]/.test(head),
    read: (s) => graphOrRecords(parseGexf(text(s.path), s.progress)),
    writer: { to: 'file', write: streamGexf },
  },
  graphml: {
    content: (head) => /<graphml[\s>]/.test(head),
    read: (s) => graphOrRecords(parseGraphml(text(s.path), s.progress)),
    writer: { to: 'file', write: streamGraphml },
  },
  csv: {
    read: (s) =>
      readCsvFiles(
        s.files.map((f) => ({ name: basename(f), text: text(f) })),
        s.mapping,
        s.skipLines,
      ),
    writer: { to: 'folder', write: streamCsvFiles },
  },
  xlsx: {
    content: (head) => head.startsWith('PK'),
    read: async (s) => ({ graph: null, bundle: await xlsxToBundle(readFileSync(s.path)) }),
    writer: { to: 'file', write: (reader, options, out) => writeXlsx(reader, out, options.attributes) },
  },
  cyjs: {
    content: (head) => /^\s*[[{]/.test(head),
    read: (s) => graphOrRecords(parseCyjs(text(s.path))),
    writer: { to: 'file', write: streamCyjs },
  },
  graphology: {
    signature: (head) => looksLikeGraphology(head.toString('utf8')),
    read: (s) => ({ graph: parseGraphology(text(s.path)), bundle: null }),
  },
  snapshot: {
    signature: hasSqliteHeader,
    read: (s) => ({ graph: null, bundle: readSnapshot(s.path, s.resourcesDir, s.progress) }),
    writer: {
      to: 'database',
      write: (path, reader, { resourcesDir, actor, copyFrom }) => writeSnapshot(path, reader, resourcesDir, actor, copyFrom),
    },
  },
};

export const readerOf = (id: ImportFormatId): ReadBinding => BINDINGS[id];
export const writerOf = (id: ExportFormatId): WriteBinding => BINDINGS[id].writer;
/** Every format's recognisers, in the order they are tried. */
export const recognisers = (): [ImportFormatId, Recognise][] => IMPORTABLE.map((f) => [f.id, BINDINGS[f.id]]);
