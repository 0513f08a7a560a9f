// The CSV export written as it is read: one file per record type, and the node and edge lists
// filled from the same pass, so each table is read once and no file is held whole in memory.
import type { Event, Membership, Organisation, Participation, Partnership, Relation } from '../../../../../shared/schemas';
import { attributeCellOf, layoutCells, RECORD_TABLES, tableLayout, toCell, type CellValue, type TablePart } from '../../model/atlas-tables';
import { attributeColumns, presentColumns, statsOf, type AttributeColumn, type AttributeStats } from '../../model/attribute-columns';
import { bundleReader, type Bundle, type BundleReader } from '../../model/bundle';
import type { TextOut } from '../../export/sink';
import { csvHead, csvRow } from './text';

// The node and edge lists, for tools that know nothing of Atlas's record types.
const NODE_COLUMNS = ['id', 'type', 'name', 'acronym', 'sector', 'kind', 'country', 'city', 'website', 'tags', 'start', 'end'];
const EDGE_COLUMNS = ['id', 'source', 'target', 'type', 'role', 'start', 'end'];

type Row = (record: never) => unknown[];

// One row per record, by part; nodes.csv holds the node parts in this order, edges.csv the edge parts.
const NODE_ROWS: Partial<Record<TablePart, Row>> = {
  organisations: (o: Organisation) => [
    o.id,
    'organisation',
    o.name,
    o.acronym,
    o.sector,
    null,
    o.country,
    o.city,
    o.website,
    o.tags,
    null,
    null,
  ],
  partnerships: (p: Partnership) => [p.id, 'partnership', p.name, null, null, p.kind, null, null, null, p.tags, p.startDate, p.endDate],
  events: (e: Event) => [e.id, 'event', e.name, null, null, e.kind, e.country, e.city, null, e.tags, e.startDate, e.endDate],
};
const EDGE_ROWS: Partial<Record<TablePart, Row>> = {
  memberships: (m: Membership) => [m.id, m.organisationId, m.partnershipId, 'membership', m.role, m.startDate, m.endDate],
  participations: (p: Participation) => [p.id, p.organisationId, p.eventId, 'participation', p.role, null, null],
  relations: (r: Relation) => [r.id, r.sourceId, r.targetId, r.type, null, r.startDate, r.endDate],
};

const asCell = (values: unknown[]): CellValue[] => values.map(toCell);

/** The list's row with the record's attribute columns after it. */
function withAttributes(row: unknown[], record: { attributes?: Record<string, unknown> }, columns: ListColumns): CellValue[] {
  const cells = asCell(row);
  const at = cells.length;
  const attrs = record.attributes;
  cells.length = at + columns.list.length;
  cells.fill(null, at);
  for (const j of columns.present(attrs)) cells[at + j] = attributeCellOf(columns.list[j]!, attrs![columns.list[j]!.name]);
  return cells;
}

/** A list's attribute columns, and which of them a record has (attribute-columns.ts). */
interface ListColumns {
  list: readonly AttributeColumn[];
  present: ReturnType<typeof presentColumns>;
}

export interface OutFile extends TextOut {
  commit(): void;
  abort(): void;
}

/** Writes every file through `open`; a failure aborts the files still open and is thrown on. */
export function streamCsvFiles(
  reader: BundleReader,
  open: (name: string) => OutFile,
  stats: readonly AttributeStats[] = statsOf(reader),
): string[] {
  const opened: OutFile[] = [];
  const start = (name: string, headers: string[]): OutFile => {
    const file = open(name);
    opened.push(file);
    file.write(csvHead(headers));
    return file;
  };
  try {
    // Each attribute a column of its own in the lists too, which is what other tools read.
    const listed = attributeColumns(stats, { node: new Set(NODE_COLUMNS), edge: new Set(EDGE_COLUMNS) });
    const listColumns = {
      node: { list: listed.node, present: presentColumns(listed.node) },
      edge: { list: listed.edge, present: presentColumns(listed.edge) },
    };
    const nodes = start('nodes.csv', [...NODE_COLUMNS, ...listed.node.map((c) => c.column)]);
    const edges = start('edges.csv', [...EDGE_COLUMNS, ...listed.edge.map((c) => c.column)]);
    const names: string[] = [];
    for (const table of RECORD_TABLES) {
      const name = `${table.part}.csv`;
      const layout = tableLayout(table, stats);
      const file = start(name, layout.headers);
      const nodeRow = NODE_ROWS[table.part];
      const edgeRow = EDGE_ROWS[table.part];
      for (const record of reader.records(table.part)) {
        file.write(csvRow(layoutCells(layout, record)));
        if (nodeRow) nodes.write(csvRow(withAttributes(nodeRow(record as never), record as never, listColumns.node)));
        if (edgeRow) edges.write(csvRow(withAttributes(edgeRow(record as never), record as never, listColumns.edge)));
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
