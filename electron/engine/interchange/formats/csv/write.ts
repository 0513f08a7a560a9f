// The CSV export written as it is read: one file per record type, and the node and edge lists
// filled from the same pass, so each table is read once and no file is held whole in memory.
import { columnsOf, EDGE_COLUMNS, EDGE_ROWS, NODE_COLUMNS, NODE_ROWS, RECORD_TABLES, recordCells, asCell } from '../../model/atlas-tables';
import { csvHead, csvRow } from './text';
import type { Bundle } from '../../model/bundle';
import { bundleReader, type BundleReader } from '../../export/reader';
import type { TextOut } from '../../export/sink';

export interface OutFile extends TextOut {
  commit(): void;
  abort(): void;
}

/** Writes every file through `open`; a failure aborts the files still open and is thrown on. */
export function streamCsvFiles(reader: BundleReader, open: (name: string) => OutFile): string[] {
  const opened: OutFile[] = [];
  const start = (name: string, headers: string[]): OutFile => {
    const file = open(name);
    opened.push(file);
    file.write(csvHead(headers));
    return file;
  };
  try {
    const nodes = start('nodes.csv', NODE_COLUMNS);
    const edges = start('edges.csv', EDGE_COLUMNS);
    const names: string[] = [];
    for (const table of RECORD_TABLES) {
      const name = `${table.part}.csv`;
      const file = start(name, columnsOf(table));
      const nodeRow = NODE_ROWS[table.part];
      const edgeRow = EDGE_ROWS[table.part];
      for (const record of reader.records(table.part)) {
        file.write(csvRow(recordCells(table, record)));
        if (nodeRow) nodes.write(csvRow(asCell(nodeRow(record as never))));
        if (edgeRow) edges.write(csvRow(asCell(edgeRow(record as never))));
      }
      file.commit();
      opened.splice(opened.indexOf(file), 1);
      names.push(name);
    }
    nodes.commit();
    edges.commit();
    opened.length = 0;
    return [...names, 'nodes.csv', 'edges.csv'];
  } catch (err) {
    for (const file of opened) file.abort();
    throw err;
  }
}

/** The files a CSV export of `bundle` holds, in memory: name → text. */
export function csvFilesOf(bundle: Bundle): Record<string, string> {
  const files: Record<string, string> = {};
  streamCsvFiles(bundleReader(bundle), (name) => {
    const parts: string[] = [];
    return { write: (text) => parts.push(text), commit: () => (files[name] = parts.join('')), abort: () => {} };
  });
  return files;
}
