// Zip bombs: workbooks whose entries inflate to hundreds of megabytes from a few hundred kilobytes,
// by their directory's word or lying about it, are refused with a message before anything is
// unpacked into memory; a real workbook still reads.
import { createDeflateRaw, crc32 } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { xlsxToBundle } from '../../electron/engine/interchange/formats/xlsx/read';
import { bundleToXlsx } from '../../electron/engine/interchange/formats/xlsx/write';
import { inflateCap, MAX_INFLATED, MAX_RATIO } from '../../electron/engine/interchange/formats/zip/inflate-limits';
import { emptyBundle } from '../../electron/engine/interchange/model/bundle';
import { useEngines } from './helpers';

const { dir, open } = useEngines();

interface Packed {
  name: string;
  packed: Buffer;
  crc: number;
  size: number;
}

/** `megabytes` of one repeated byte, deflated a megabyte at a time (nothing of that size is ever held). */
async function deflatedRun(name: string, megabytes: number): Promise<Packed> {
  const mb = Buffer.alloc(1024 * 1024, 0x20);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (d: Buffer) => out.push(d));
  const done = new Promise((r) => deflate.on('end', r));
  let crc = 0;
  for (let i = 0; i < megabytes; i++) {
    crc = crc32(mb, crc);
    if (!deflate.write(mb)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { name, packed: Buffer.concat(out), crc, size: megabytes * 1024 * 1024 };
}

/** A zip archive of these entries; `declare` overrides the uncompressed size its headers state. */
function zipOf(entries: Packed[], declare?: (e: Packed) => number): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = declare ? declare(e) : e.size;
    const header = (sig: number, len: number, at: number) => {
      const b = Buffer.alloc(len);
      b.writeUInt32LE(sig, 0);
      b.writeUInt16LE(20, at);
      b.writeUInt16LE(8, at + 4);
      b.writeUInt32LE(e.crc >>> 0, at + 10);
      b.writeUInt32LE(e.packed.length, at + 14);
      b.writeUInt32LE(size >>> 0, at + 18);
      b.writeUInt16LE(name.length, at + 22);
      return b;
    };
    const local = header(0x04034b50, 30, 4);
    const entry = header(0x02014b50, 46, 6);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    parts.push(local, name, e.packed);
    offset += 30 + name.length + e.packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

async function refusedFast(buf: Buffer) {
  const rss = process.memoryUsage().rss;
  const started = Date.now();
  const err = await xlsxToBundle(buf).then(
    () => null,
    (e: Error) => e,
  );
  expect(err?.message).toMatch(/would inflate to more than \d+ MB .*refused as a likely zip bomb/);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(process.memoryUsage().rss - rss).toBeLessThan(150 * 1024 * 1024);
}

describe('zip bombs', () => {
  it('a workbook whose sheet inflates 1,000 times its size is refused before it is unpacked', async () => {
    const sheet = await deflatedRun('xl/worksheets/sheet1.xml', 400);
    const bomb = zipOf([sheet]);
    expect(bomb.length * MAX_RATIO).toBeLessThan(sheet.size);
    await refusedFast(bomb);
  }, 60_000);

  it('one that lies about its sizes is refused as it inflates, and so is one over the absolute cap', async () => {
    const sheet = await deflatedRun('xl/worksheets/sheet1.xml', 400);
    await refusedFast(zipOf([sheet], () => 1000));
    expect(inflateCap(10 * 1024 * 1024 * 1024)).toBe(MAX_INFLATED);
  }, 60_000);

  it('is refused through the importer with the file named, the database unchanged', async () => {
    const engine = open('target');
    engine.seed();
    const path = `${dir()}/bomb.xlsx`;
    writeFileSync(path, zipOf([await deflatedRun('xl/worksheets/sheet1.xml', 300)]));
    await expect(engine.call('import.preview', { path })).rejects.toMatchObject({
      code: 'validation',
      message: /^bomb\.xlsx was refused: .*zip bomb/,
    });
    expect(engine.call('stats.get', {}).organisations).toBe(7);
  }, 60_000);

  it('a real workbook still reads', async () => {
    const bundle = emptyBundle();
    expect(await xlsxToBundle(await bundleToXlsx(bundle))).toEqual(bundle);
  });
});
