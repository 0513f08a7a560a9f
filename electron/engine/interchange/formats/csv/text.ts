// Reading and writing delimited text. papaparse does the quoting; this module adds what an import
// needs on top: the delimiter chosen by how well it fits the header, the line each row starts on
// (quoted cells may span lines), refusals that say where, and output that Excel opens safely.
import Papa from 'papaparse';
import { neutralise, type CellValue } from '../../model/atlas-tables';
import { ImportRefused } from '../../model/parsed';

export interface CsvRow {
  /** 1-based line in the file where the row starts. */
  line: number;
  cells: Record<string, string>;
}

export interface CsvTable {
  name: string;
  delimiter: string;
  headers: string[];
  rows: CsvRow[];
}

/** Rows as the file has them, before any header is applied. */
export interface RawCsv {
  name: string;
  delimiter: string;
  rows: { line: number; cells: string[] }[];
}

const DELIMITERS = [',', ';', '\t', '|'] as const;
/** More columns than any table a person keeps; a header wider than this is refused before parsing. */
const MAX_COLUMNS = 2000;
const BOM = '\ufeff';
const LINE_BREAK = /\r\n|\r|\n/g;
// NUL and the other C0 controls never occur in text a person typed; they mean a binary file.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const countBreaks = (s: string): number => s.match(LINE_BREAK)?.length ?? 0;

function refuseBinary(text: string, name: string): void {
  const at = text.slice(0, 1024).search(CONTROL);
  if (at >= 0) {
    const line = countBreaks(text.slice(0, at)) + 1;
    throw new ImportRefused(`${name} is not a text file (control character found)`, { line });
  }
}

/**
 * Refuses a first line with more than MAX_COLUMNS fields by any delimiter, before papaparse splits
 * it (five million cells on one 10 MB line took 24 s to refuse after parsing).
 */
function refuseWideHeader(text: string, name: string): void {
  const end = text.search(/\r|\n/);
  const header = end < 0 ? text : text.slice(0, end);
  for (const d of DELIMITERS) {
    let fields = 1;
    for (let at = header.indexOf(d); at >= 0 && fields <= MAX_COLUMNS; at = header.indexOf(d, at + 1)) fields++;
    if (fields > MAX_COLUMNS) {
      throw new ImportRefused(`${name}: the header has more than ${MAX_COLUMNS} columns, more than any table this app reads`, { line: 1 });
    }
  }
}

function fieldsOfFirstRows(text: string, delimiter: string): number[] {
  const { data } = Papa.parse<string[]>(text, { delimiter, preview: 50, skipEmptyLines: 'greedy' });
  return data.map((r) => r.length);
}

/**
 * The delimiter that splits the header into the most agreeing rows. papaparse's own guess gives up
 * as soon as rows differ in length, which files with optional trailing columns do.
 */
function guessDelimiter(text: string): string {
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = fieldsOfFirstRows(text, delimiter);
    const header = counts[0] ?? 0;
    if (header < 2) continue;
    const score = counts.filter((n) => n === header).length * 1000 + header;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** Every non-empty row with the line it starts on; the first row is not treated specially. */
export function readCsvRows(input: string, name = 'file'): RawCsv {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  refuseBinary(text, name);
  if (text.trim() === '') throw new ImportRefused(`${name} is empty`, { line: 1 });
  refuseWideHeader(text, name);
  const delimiter = guessDelimiter(text);
  const rows: RawCsv['rows'] = [];
  let line = 1;
  let cursor = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: 'greedy',
    step: (result) => {
      const chunk = text.slice(cursor, result.meta.cursor);
      const lead = /^\s*/.exec(chunk)![0];
      line += countBreaks(lead);
      const error = result.errors[0];
      if (error) throw new ImportRefused(`${name}: ${error.message.toLowerCase()}`, { line });
      rows.push({ line, cells: result.data });
      line += countBreaks(chunk.slice(lead.length));
      cursor = result.meta.cursor;
    },
  });
  return { name, delimiter, rows };
}

function checkHeaders(headers: string[], name: string, line: number): void {
  const seen = new Map<string, number>();
  headers.forEach((h, i) => {
    const column = i + 1;
    if (h.trim() === '') throw new ImportRefused(`${name}: column ${column} of the header has no name`, { line, column });
    const before = seen.get(h);
    if (before !== undefined) {
      throw new ImportRefused(`${name}: the header names "${h}" twice (columns ${before} and ${column})`, { line, column });
    }
    seen.set(h, column);
  });
}

/** The raw rows with the first one as header; every other row becomes named cells. */
export function tableFromRows(raw: RawCsv): CsvTable {
  const [first, ...body] = raw.rows;
  if (!first) throw new ImportRefused(`${raw.name} has no header row`, { line: 1 });
  const headers = first.cells.map((h) => h.trim());
  checkHeaders(headers, raw.name, first.line);
  const rows = body.map(({ line, cells }) => {
    if (cells.length > headers.length) {
      throw new ImportRefused(`${raw.name}: this row has ${cells.length} cells but the header names only ${headers.length} columns`, {
        line,
      });
    }
    return { line, cells: Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])) };
  });
  return { name: raw.name, delimiter: raw.delimiter, headers, rows };
}

export function parseCsv(text: string, name = 'file'): CsvTable {
  return tableFromRows(readCsvRows(text, name));
}

// ---------- writing ----------

function csvCell(value: CellValue): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = neutralise(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 with CRLF and a BOM, so Excel reads it as UTF-8 without an import dialog. */
export function writeCsv(headers: string[], rows: CellValue[][]): string {
  const lines = new Array<string>(rows.length + 1);
  lines[0] = csvLine(headers);
  for (let i = 0; i < rows.length; i++) lines[i + 1] = csvLine(rows[i]!);
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** The start of what `writeCsv` writes, for writing a file row by row. */
export const csvHead = (headers: string[]): string => `${BOM}${csvLine(headers)}\r\n`;

/** One row with its line break, as `writeCsv` writes it. */
export const csvRow = (row: CellValue[]): string => `${csvLine(row)}\r\n`;

function csvLine(row: CellValue[]): string {
  let line = row.length ? csvCell(row[0]!) : '';
  for (let i = 1; i < row.length; i++) line += `,${csvCell(row[i]!)}`;
  return line;
}
