// Excel workbooks: whole networks round-trip through one sheet per record type, text that looks
// like a formula stays text, and files that are not Atlas workbooks are refused with the reason.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import { ImportRefused } from '../../electron/engine/interchange/model/parsed';
import { xlsxToBundle } from '../../electron/engine/interchange/formats/xlsx/read';
import { bundleToXlsx } from '../../electron/engine/interchange/formats/xlsx/write';
import { buildFixture, openEngine, tempDir } from '../engine/helpers';
import { networkBundle } from './helpers';

let engine: Engine;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  engine = openEngine(`${t.dir}/xlsx.sqlite`);
});
afterEach(() => {
  engine.close();
  cleanup();
});

async function refusal(p: Promise<unknown>): Promise<ImportRefused> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportRefused);
  return e as ImportRefused;
}

async function workbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

const SHEETS = ['Organisations', 'Partnerships', 'Memberships', 'Events', 'Participations', 'Relations', 'Sources', 'Citations'];

describe('xlsx', () => {
  it('round-trips the fixture network with tricky text, formulas kept as text', async () => {
    buildFixture(engine);
    engine.call('organisation.create', {
      id: 'TRICKY',
      name: '=1+1, "quoted"\nsecond line 🛡️ Ελληνικά 日本語',
      acronym: "'=already quoted",
      sector: 'other',
      description: '@SUM(1)',
      tags: ['a;b', '-minus'],
      attributes: { note: '+cmd', n: 2 },
    });
    const bundle = networkBundle(engine);
    const buf = await bundleToXlsx(bundle);
    const wb = await workbook(buf);
    expect(wb.worksheets.map((s) => s.name)).toEqual(SHEETS);
    const orgs = wb.getWorksheet('Organisations')!;
    expect(orgs.getRow(1).font?.bold).toBe(true);
    expect(orgs.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(orgs.getRow(1).values).toEqual([
      undefined,
      'id',
      'name',
      'acronym',
      'sector',
      'country',
      'city',
      'website',
      'description',
      'tags',
      'synthetic',
      'createdAt',
      'updatedAt',
      // Each attribute a column of its own, after the fields.
      'n',
      'note',
    ]);
    const cells = orgs.getColumn(2).values.filter((v): v is string => typeof v === 'string');
    expect(cells.some((v) => v.startsWith("'=1+1"))).toBe(true);
    expect(cells.every((v) => !/^[=+\-@]/.test(v))).toBe(true);
    expect(await xlsxToBundle(buf)).toEqual(bundle);
  });

  it('drops what XML cannot hold (U+FFFE, U+FFFF, C0 controls), so the workbook still opens', async () => {
    buildFixture(engine);
    engine.call('organisation.create', {
      id: 'ODD',
      name: 'Odd\uFFFE name\uFFFF here\u0001',
      sector: 'other',
      description: 'emoji 🛡️ kept',
    });
    const buf = await bundleToXlsx(networkBundle(engine));
    const back = await xlsxToBundle(buf);
    const odd = back.organisations.find((o) => o.id === 'ODD')!;
    expect(odd.name).toBe('Odd name here');
    expect(odd.description).toBe('emoji 🛡️ kept');
  });

  it('round-trips the seed network', async () => {
    engine.seed();
    const bundle = networkBundle(engine);
    expect(await xlsxToBundle(await bundleToXlsx(bundle))).toEqual(bundle);
  });

  it.each([1, 2, 3, 4, 5])('round-trips generated network %i', async (seed) => {
    engine.generate({ organisations: 80, seed });
    const bundle = networkBundle(engine);
    expect(bundle.organisations).toHaveLength(80);
    expect(await xlsxToBundle(await bundleToXlsx(bundle))).toEqual(bundle);
  });

  it('finds sheets whatever their case and leaves missing ones empty', async () => {
    buildFixture(engine);
    const bundle = networkBundle(engine);
    const original = (await workbook(await bundleToXlsx(bundle))).getWorksheet('Organisations')!;
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('ORGANISATIONS');
    original.eachRow((row) => sheet.addRow((row.values as ExcelJS.CellValue[]).slice(1)));
    wb.addWorksheet('Notes');
    const back = await xlsxToBundle(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(back.organisations).toEqual(bundle.organisations);
    expect(back.relations).toEqual([]);
  });

  it('refuses a row that breaks the schema, naming sheet, row and field', async () => {
    buildFixture(engine);
    const wb = await workbook(await bundleToXlsx(networkBundle(engine)));
    wb.getWorksheet('Organisations')!.getCell('E3').value = 'Ghana';
    const e = await refusal(xlsxToBundle(Buffer.from(await wb.xlsx.writeBuffer())));
    expect(e.message).toMatch(/^line 3, column 5: sheet Organisations: country: /);
  });

  it('refuses a workbook without Atlas sheets, naming the sheets it has', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Budget');
    wb.addWorksheet('Notes');
    const e = await refusal(xlsxToBundle(Buffer.from(await wb.xlsx.writeBuffer())));
    expect(e.message).toMatch(/none of Atlas's sheets .*its sheets are: Budget, Notes/);
  });

  it('refuses a file that is not an xlsx', async () => {
    expect((await refusal(xlsxToBundle(Buffer.from('id,name\n1,x\n')))).message).toMatch(/not an Excel workbook \(\.xlsx\)/);
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]);
    expect((await refusal(xlsxToBundle(zip))).message).toMatch(/not a readable Excel workbook/);
  });
});
