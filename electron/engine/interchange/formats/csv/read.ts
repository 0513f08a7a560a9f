// Reading CSV files: Atlas's own per-record-type files come back as records with their IDs; any
// other file, or pair of files, is a node and edge list from another tool.
import { emptyBundle, type Bundle } from '../../model/bundle';
import {
  columnsOf,
  fieldColumnsOf,
  hasAttributes,
  RECORD_TABLES,
  tableToRecords,
  type RecordTable,
  type TablePart,
} from '../../model/atlas-tables';
import { ImportRefused, type ParsedGraph } from '../../model/parsed';
import { readCsvGraphFile, readCsvGraphFiles, type ColumnMapping, type CsvFile, type CsvGraphRead } from './node-edge-lists';
import { parseCsv, type CsvTable } from './text';

/** For CSV node and edge lists: the columns found and which role each was given. */
export interface CsvColumns {
  nodes: string[] | null;
  edges: string[] | null;
  mapping: ColumnMapping;
}

type CsvRead = { graph: ParsedGraph; bundle: null; columns: CsvColumns; skippedLines: number } | { graph: null; bundle: Bundle };

export function readCsvFiles(files: CsvFile[], mapping: ColumnMapping | undefined, skipLines?: number): CsvRead {
  if (files.length === 0) throw new ImportRefused('the folder holds no .csv file');
  const atlasFiles = files.filter(isAtlasRecordFile);
  if (atlasFiles.length) {
    // An Atlas export folder also holds nodes.csv and edges.csv for other tools; the record files say it all.
    return { graph: null, bundle: csvFilesToBundle(Object.fromEntries(atlasFiles.map((f) => [f.name, parseCsv(f.text, f.name)]))) };
  }
  let read: CsvGraphRead;
  if (files.length === 1) read = readCsvGraphFile(files[0]!, mapping, skipLines);
  else read = readCsvGraphFiles(files, mapping, skipLines);
  return {
    graph: read.graph,
    bundle: null,
    skippedLines: read.skippedLines,
    columns: { nodes: read.nodes?.headers ?? null, edges: read.edges?.headers ?? null, mapping: read.mapping },
  };
}

/** Whether a file's name says it holds `table` (`organisations.csv`, `2024 organisations.csv`). */
const namedFor = (file: string, table: RecordTable): boolean => file.split(/[\\/]/).pop()!.toLowerCase().endsWith(`${table.part}.csv`);

/**
 * Whether a file is one of this app's record files, judged by its header, not only its name: a
 * foreign `organisations.csv` is somebody's node list. Ours has exactly a table's columns, or, named
 * for a table, an `id` and none but that table's columns (a file from an older version lacks the
 * columns added since).
 */
function isAtlasRecordFile(file: CsvFile): boolean {
  const end = file.text.search(/\r?\n/);
  const headers = parseCsv(end < 0 ? file.text : file.text.slice(0, end), file.name).headers;
  return RECORD_TABLES.some((t) => {
    const columns = columnsOf(t);
    if (sameSet(columns, headers) || withAttributeColumns(t, headers)) return true;
    return namedFor(file.name, t) && headers.includes('id') && headers.every((h) => columns.includes(h));
  });
}
/** Every field column of a table with attributes, followed by its attribute columns (no other table's file has them all). */
const withAttributeColumns = (t: RecordTable, headers: string[]): boolean =>
  hasAttributes(t) && fieldColumnsOf(t).every((c) => headers.includes(c));
const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

function tableForFile(file: string, csv: CsvTable): RecordTable {
  const found =
    RECORD_TABLES.find((t) => namedFor(file, t)) ??
    RECORD_TABLES.find((t) => sameSet(columnsOf(t), csv.headers) || withAttributeColumns(t, csv.headers));
  if (!found) {
    const names = RECORD_TABLES.map((t) => `${t.part}.csv`).join(', ');
    throw new ImportRefused(`${file} is not one of Atlas's record files (${names}) and its columns match none of them`);
  }
  return found;
}

export function csvFilesToBundle(files: Record<string, CsvTable>): Bundle {
  const bundle = emptyBundle();
  const seen = new Map<TablePart, string>();
  for (const [file, csv] of Object.entries(files)) {
    const table = tableForFile(file, csv);
    const before = seen.get(table.part);
    if (before) throw new ImportRefused(`${before} and ${file} both hold ${table.part}; import one of them`);
    seen.set(table.part, file);
    (bundle[table.part] as unknown[]) = tableToRecords(table, csv, file);
  }
  return bundle;
}
