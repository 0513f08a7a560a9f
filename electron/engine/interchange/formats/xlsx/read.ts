// Atlas records as an Excel workbook: one sheet per record type with the same columns and cell
// encoding as the per-record-type CSV files, so either can be edited and read back. Written by
// write.ts; read with exceljs.
import type ExcelJS from 'exceljs';
import { emptyBundle, type Bundle } from '../../model/bundle';
import { RECORD_TABLES, tableToRecords, type CellTable } from '../../model/atlas-tables';
import { ImportRefused } from '../../model/parsed';
import { checkInflatedSize, ZipBomb } from '../zip/inflate-limits';

// Every xlsx is a zip archive; checking the signature first gives a clear refusal instead of a
// zip library's error.
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** What a person sees in the cell, whatever exceljs's representation of it. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  return '';
}

function sheetTable(sheet: ExcelJS.Worksheet): CellTable {
  const header = sheet.getRow(1);
  const headers: string[] = [];
  header.eachCell({ includeEmpty: true }, (c, col) => (headers[col - 1] = cellText(c.value).trim()));
  const rows: CellTable['rows'] = [];
  sheet.eachRow((row, line) => {
    if (line === 1) return;
    const cells = Object.fromEntries(headers.map((h, i) => [h, cellText(row.getCell(i + 1).value)]));
    if (Object.values(cells).some((v) => v !== '')) rows.push({ line, cells });
  });
  return { headers, rows };
}

async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  if (!buf.subarray(0, 4).equals(ZIP_SIGNATURE)) {
    throw new ImportRefused('This is not an Excel workbook (.xlsx): an .xlsx file is a zip archive and this file is not one');
  }
  try {
    await checkInflatedSize(buf);
  } catch (e) {
    if (e instanceof ZipBomb || !(e instanceof ImportRefused)) throw e;
    throw new ImportRefused(`This zip archive is not a readable Excel workbook (.xlsx): ${e.message}`);
  }
  // Loaded on first use: evaluating exceljs costs more than half a second of every engine start.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new ImportRefused(`This zip archive is not a readable Excel workbook (.xlsx): ${(e as Error).message}`);
  }
  return workbook;
}

export async function xlsxToBundle(buf: Buffer): Promise<Bundle> {
  const workbook = await loadWorkbook(buf);
  const sheets = workbook.worksheets;
  const bundle = emptyBundle();
  let found = 0;
  for (const table of RECORD_TABLES) {
    const sheet = sheets.find((s) => s.name.toLowerCase() === table.sheet.toLowerCase());
    if (!sheet) continue;
    found++;
    (bundle[table.part] as unknown[]) = tableToRecords(table, sheetTable(sheet), `sheet ${sheet.name}`);
  }
  if (!found) {
    const wanted = RECORD_TABLES.map((t) => t.sheet).join(', ');
    const has = sheets.map((s) => s.name).join(', ') || 'none';
    throw new ImportRefused(`This workbook has none of Atlas's sheets (${wanted}); its sheets are: ${has}`);
  }
  return bundle;
}
