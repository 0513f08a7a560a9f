// `atlas export --omit FIELD` (repeatable): a workshop file that leaves out the descriptions and
// an attribute, written in four formats and read back by readers that are not ours (papaparse,
// exceljs, networkx through /usr/bin/python3), which must find neither, the rest still there; and
// the command says what it left out.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineFailure, run, tempDatabases } from './helpers';

const FIXTURE = fileURLToPath(new URL('../fixtures/graphml/networkx-attributes-weighted.graphml', import.meta.url));
const PYTHON_READER = fileURLToPath(new URL('../interchange/read-with-python.py', import.meta.url));
const { dir, freshDb } = tempDatabases();
let db = '';
/** A description the seed network carries, which no file may hold once descriptions are left out. */
const DESCRIPTION = 'Aims to promote inclusive and informed participation';

beforeAll(async () => {
  db = freshDb();
  expect((await run('seed', '--db', db)).code).toBe(0);
  expect((await run('import', FIXTURE, '--db', db)).code).toBe(0);
});

async function exportOmitting(format: string, out: string) {
  const r = await run('export', '--db', db, '--format', format, '--out', out, '--omit', 'description', '--omit', 'budget');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Left out: description, attribute budget\n');
  return r;
}

const csvRows = (path: string) =>
  Papa.parse<Record<string, unknown>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    dynamicTyping: true,
    skipEmptyLines: true,
  });

function networkxNodes(path: string, format: 'gexf' | 'graphml'): Record<string, unknown>[] {
  const r = spawnSync('/usr/bin/python3', [PYTHON_READER, path, format], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`networkx could not read ${path}: ${r.stderr}`);
  const seen = JSON.parse(r.stdout) as { networkx: { ok: boolean; error?: string; nodes: Record<string, Record<string, unknown>> } };
  expect(seen.networkx.error).toBeUndefined();
  return Object.values(seen.networkx.nodes);
}

describe('atlas export --omit', () => {
  it('the full export carries the description and the attribute (what the omissions are measured against)', async () => {
    const out = join(dir, 'full.gexf');
    expect((await run('export', '--db', db, '--format', 'gexf', '--out', out)).code).toBe(0);
    const nodes = networkxNodes(out, 'gexf');
    expect(nodes.some((n) => String(n.description ?? '').startsWith(DESCRIPTION))).toBe(true);
    expect(nodes.filter((n) => typeof n.budget === 'number')).toHaveLength(9);
  });

  it('CSV: papaparse finds no budget column and no description in any table, the family still there', async () => {
    const out = join(dir, 'csv');
    const r = await exportOmitting('csv', out);
    expect(r.stdout).toContain(join(out, 'organisations.csv'));
    for (const table of ['organisations.csv', 'partnerships.csv', 'events.csv', 'nodes.csv']) {
      const { data, meta } = csvRows(join(out, table));
      expect(meta.fields).not.toContain('budget');
      expect(data.every((row) => row.description === undefined || row.description === null)).toBe(true);
    }
    const nodes = csvRows(join(out, 'nodes.csv')).data;
    expect(nodes.filter((n) => n.family === 'cert')).toHaveLength(3);
    expect(nodes.filter((n) => typeof n.staff === 'number')).toHaveLength(9);
    expect(readFileSync(join(out, 'organisations.csv'), 'utf8')).not.toContain(DESCRIPTION);
  });

  it('XLSX: exceljs finds no budget column and no description cell', async () => {
    const out = join(dir, 'workshop.xlsx');
    await exportOmitting('xlsx', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Organisations')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    expect(header).not.toContain('budget');
    expect(header).toContain('family');
    const rows = sheet.getRows(2, sheet.rowCount - 1)!;
    const at = header.indexOf('description');
    expect(rows.every((row) => at < 0 || row.getCell(at).value === null)).toBe(true);
    expect(rows.filter((row) => row.getCell(header.indexOf('family')).value === 'law enforcement')).toHaveLength(2);
  });

  for (const format of ['gexf', 'graphml'] as const) {
    it(`${format === 'gexf' ? 'GEXF' : 'GraphML'}: networkx reads no node with a description or a budget, the staff and family kept`, async () => {
      const out = join(dir, `workshop.${format}`);
      await exportOmitting(format, out);
      const nodes = networkxNodes(out, format);
      expect(nodes.length).toBeGreaterThan(10);
      expect(nodes.filter((n) => n.description !== undefined && n.description !== null && n.description !== '')).toEqual([]);
      expect(nodes.filter((n) => n.budget !== undefined)).toEqual([]);
      expect(nodes.filter((n) => n.family === 'cert')).toHaveLength(3);
      expect(nodes.filter((n) => typeof n.staff === 'number')).toHaveLength(9);
      expect(readFileSync(out, 'utf8')).not.toContain(DESCRIPTION);
    });
  }

  it('says so with --json, and refuses a name that is neither a field nor an attribute', async () => {
    const r = await run('export', '--db', db, '--format', 'cyjs', '--out', join(dir, 'w.cyjs'), '--omit', 'contact', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { omitted: string[] }).omitted).toEqual(['website', 'city', 'attribute contact']);
    expectOneLineFailure(
      await run('export', '--db', db, '--format', 'gexf', '--out', join(dir, 'x.gexf'), '--omit', 'budgett'),
      1,
      /"budgett" is neither a field an export can leave out .* nor an attribute of these records/,
    );
  });
});
