// The file formats the app reads and writes, described for everything that lists them: the
// contract's schemas, the CLI's help and checks, and the import and export dialogs. No code runs
// here (the window imports it too); the engine binds each format to its reader and writer in
// electron/engine/interchange/formats/registry.ts, which fails to compile while one lacks either.

interface FormatInfo {
  /** What calls, the CLI and import summaries name it. */
  id: string;
  /** Its name in running text (the CLI's help). */
  name: string;
  /** What the export dialog offers. */
  label: string;
  /** Without the dot; the first is the one an export's file is given, every one names a file to import as this. */
  extensions: readonly string[];
  import: boolean;
  export: boolean;
  /** Read from, and exported to, a folder of files rather than one file. */
  folder?: boolean;
}

/** In the order they are offered. */
export const FORMATS = [
  { id: 'gexf', name: 'GEXF', label: 'GEXF 1.3 (Gephi)', extensions: ['gexf'], import: true, export: true },
  { id: 'graphml', name: 'GraphML', label: 'GraphML (yEd, Cytoscape, igraph)', extensions: ['graphml'], import: true, export: true },
  {
    id: 'csv',
    name: 'CSV',
    label: 'CSV files (Excel, any tool)',
    extensions: ['csv', 'tsv', 'txt'],
    import: true,
    export: true,
    folder: true,
  },
  { id: 'xlsx', name: 'XLSX', label: 'Excel workbook', extensions: ['xlsx'], import: true, export: true },
  { id: 'cyjs', name: 'Cytoscape JSON', label: 'Cytoscape JSON', extensions: ['cyjs', 'json'], import: true, export: true },
  // Recognised by its content (its nodes have keys), since it ends in .json as Cytoscape's does.
  {
    id: 'graphology',
    name: 'graphology JSON',
    label: 'Gephi Lite / graphology JSON',
    extensions: ['json'],
    import: true,
    export: false,
  },
  {
    id: 'snapshot',
    name: 'snapshot',
    label: 'Snapshot for another copy of the app',
    extensions: ['atlas', 'sqlite'],
    import: true,
    export: true,
  },
] as const satisfies readonly FormatInfo[];

type Format = (typeof FORMATS)[number];
type Importable = Extract<Format, { import: true }>;
type Exportable = Extract<Format, { export: true }>;
export type ImportFormatId = Importable['id'];
export type ExportFormatId = Exportable['id'];

/** The formats a file can be imported from, and exported to, in the order they are offered. */
export const IMPORTABLE = FORMATS.filter((f): f is Importable => f.import);
export const EXPORTABLE = FORMATS.filter((f): f is Exportable => f.export);

/** Their ids, for z.enum and for checking arguments. */
export const IMPORT_FORMATS = IMPORTABLE.map((f) => f.id) as unknown as readonly [ImportFormatId, ...ImportFormatId[]];
export const EXPORT_FORMATS = EXPORTABLE.map((f) => f.id) as unknown as readonly [ExportFormatId, ...ExportFormatId[]];

/** Whether the format is read from, and written to, a folder of files. */
export const isFolderFormat = (f: FormatInfo): boolean => f.folder === true;

/** The extension an exported file is given. */
export const exportExtension = (id: ExportFormatId): string => EXPORTABLE.find((f) => f.id === id)!.extensions[0];

/** For a file input's `accept`: every extension an import recognises. */
export const IMPORT_ACCEPT = IMPORTABLE.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
