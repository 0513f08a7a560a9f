// A zip archive (an .xlsx) is checked before any library inflates it: a 1 MB workbook can inflate
// to gigabytes (a zip bomb), and the zip library exceljs uses inflates every entry whole into
// memory, whatever its size. The archive's central directory gives each entry's sizes; they may
// lie, so each entry is also inflated here as a stream that keeps nothing and stops the moment the
// total passes the cap: the refusal comes before memory grows.
import { createInflateRaw } from 'node:zlib';
import { ImportRefused } from '../../model/parsed';

/** The most an archive may inflate to, as a multiple of its own size (workbooks are 5 to 20 times). */
export const MAX_RATIO = 100;
/** Small archives may inflate to this much whatever their ratio. */
const RATIO_FLOOR = 16 * 1024 * 1024;
/** The most any archive may inflate to: about what exceljs can hold as cells on a laptop. */
export const MAX_INFLATED = 512 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

interface Entry {
  name: string;
  method: number;
  packed: number;
  size: number;
  offset: number;
}

const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/** How much an archive of `bytes` may inflate to. */
export const inflateCap = (bytes: number) => Math.min(MAX_INFLATED, Math.max(RATIO_FLOOR, bytes * MAX_RATIO));

function centralDirectory(buf: Buffer): Entry[] {
  // The end record is in the last 64 KB + 22 bytes (its comment is at most 64 KB).
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ImportRefused('it has no central directory (it is damaged or cut short)');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ImportRefused('it is a ZIP64 archive, which a workbook never needs');
  if (count > MAX_ENTRIES) throw new ImportRefused(`it has ${count} entries, where a workbook has a few dozen`);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw new ImportRefused('its central directory is cut short');
    const nameLength = buf.readUInt16LE(at + 28);
    entries.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      method: buf.readUInt16LE(at + 10),
      packed: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      offset: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

/** Inflates `data` into nothing, counting: rejects as soon as more than `budget` bytes come out. */
function inflatedSize(data: Buffer, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        inflate.destroy();
        resolve(size);
      }
    });
    inflate.on('end', () => resolve(size));
    inflate.on('error', (e) => reject(new ImportRefused(`an entry does not inflate (${e.message})`)));
    inflate.end(data);
  });
}

/** An archive over its cap; every other ImportRefused here says, in a few words, how it is damaged. */
export class ZipBomb extends ImportRefused {}

/**
 * Refuses an archive that would inflate to more than its cap (MAX_RATIO times its size, at most
 * MAX_INFLATED), by what it declares and by what its entries really inflate to.
 */
export async function checkInflatedSize(buf: Buffer): Promise<void> {
  const cap = inflateCap(buf.length);
  const refuse = () =>
    new ZipBomb(
      `This zip archive would inflate to more than ${mb(cap)} (the limit is ${MAX_RATIO} times its size, ` +
        `${mb(MAX_INFLATED)} at most), so it was refused as a likely zip bomb before it was unpacked`,
    );
  const entries = centralDirectory(buf);
  if (entries.reduce((n, e) => n + e.size, 0) > cap) throw refuse();
  let total = 0;
  for (const e of entries) {
    if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== 0x04034b50) {
      throw new ImportRefused(`its entry ${e.name.slice(0, 80)} is not where its directory says`);
    }
    const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
    const data = buf.subarray(start, start + e.packed);
    if (e.method === 0) total += data.length;
    else if (e.method === 8) total += await inflatedSize(data, cap - total);
    else throw new ImportRefused(`it uses compression method ${e.method}, which a workbook never uses`);
    if (total > cap) throw refuse();
  }
}
