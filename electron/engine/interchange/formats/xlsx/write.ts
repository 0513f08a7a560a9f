// Writing the workbook: the SpreadsheetML parts exceljs's streaming writer makes (string cells as
// t="str", a bold frozen header row), written directly. exceljs spent most of an export in
// per-cell style and XML bookkeeping; here a row is one string.
import { layoutCells, neutralise, RECORD_TABLES, tableLayout, type CellValue, type TableLayout } from '../../model/atlas-tables';
import { statsOf, type AttributeStats } from '../../model/attribute-columns';
import { bundleReader, type Bundle, type BundleReader } from '../../model/bundle';
import { collectBytes, type TextOut } from '../../export/sink';
import { xmlSafe } from '../xml/escape';
import { ZipWriter, type ZipOut } from '../zip/writer';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

// As exceljs encodes: the five markup characters escaped, DEL dropped; and, as every XML writer
// here, what XML cannot hold at all (C0 controls, lone surrogates, U+FFFE/FFFF) removed, or no
// spreadsheet program nor our own importer could open the workbook.
const NEEDS_ENCODING = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const MARKUP = /[<>&'"\x7F]/g;
const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };
const encode = (text: string): string => (NEEDS_ENCODING.test(text) ? xmlSafe(text).replace(MARKUP, (c) => ENTITIES[c] ?? '') : text);

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// Spreadsheets run a cell that starts with "=" as a formula once it is copied or saved as CSV;
// the apostrophe keeps it text everywhere.
function cellXml(ref: string, value: CellValue, style: string): string {
  if (value === null) return '';
  if (typeof value === 'number') return `<c r="${ref}"${style}><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${style} t="str"><v>${encode(neutralise(value))}</v></c>`;
}

function rowXml(r: number, cells: CellValue[], columns: string[], header: boolean): string {
  const style = header ? ' s="1"' : '';
  let out = `<row r="${r}" spans="1:${cells.length}"${header ? ' s="1" customFormat="1"' : ''}>`;
  for (let i = 0; i < cells.length; i++) out += cellXml(`${columns[i]}${r}`, cells[i]!, style);
  return `${out}</row>`;
}

function writeSheet(out: TextOut, layout: TableLayout, records: Iterable<object>): void {
  const header = layout.headers;
  const columns = header.map((_, i) => columnName(i));
  out.write(
    `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0">` +
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>' +
      '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>',
  );
  out.write(rowXml(1, header, columns, true));
  let r = 1;
  for (const record of records) out.write(rowXml(++r, layoutCells(layout, record), columns, false));
  out.write('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
}

const STYLES =
  `${XML}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function packageParts(sheets: string[]): [string, string][] {
  const each = (fn: (i: number) => string): string => sheets.map((_, i) => fn(i)).join('');
  const now = `${new Date().toISOString().slice(0, 19)}Z`;
  return [
    [
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
        each((i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`) +
        `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `${XML}<Relationships xmlns="${PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        '</Relationships>',
    ],
    [
      'docProps/core.xml',
      `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<dc:creator>Stakeholder Atlas</dc:creator>' +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified>` +
        '</cp:coreProperties>',
    ],
    [
      'xl/workbook.xml',
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
        each((i) => `<sheet name="${encode(sheets[i]!)}" sheetId="${i + 1}" r:id="rId${i + 2}"/>`) +
        '</sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
        each((i) => `<Relationship Id="rId${i + 2}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`) +
        '</Relationships>',
    ],
    ['xl/styles.xml', STYLES],
  ];
}

/**
 * One sheet per record type. Sheets are read and written one after another, synchronously, so a
 * table reader's statement is never left open while other calls run.
 */
export function writeXlsx(reader: BundleReader, out: ZipOut, stats: readonly AttributeStats[] = statsOf(reader)): void {
  const zip = new ZipWriter(out);
  for (const [name, text] of packageParts(RECORD_TABLES.map((t) => t.sheet))) zip.add(name, Buffer.from(text));
  RECORD_TABLES.forEach((table, i) => {
    zip.add(
      `xl/worksheets/sheet${i + 1}.xml`,
      collectBytes((sheet) => writeSheet(sheet, tableLayout(table, stats), reader.records(table.part))),
    );
  });
  zip.finish();
}

/** The workbook of `bundle`, in memory. */
export async function bundleToXlsx(bundle: Bundle): Promise<Buffer> {
  const chunks: Buffer[] = [];
  writeXlsx(bundleReader(bundle), { writeBuffer: (data) => chunks.push(data) });
  return Buffer.concat(chunks);
}
