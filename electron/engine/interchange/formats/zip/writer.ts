// A zip archive written entry by entry (deflated, no zip64: entries and archive under 4 GB). Just
// what an .xlsx needs; exceljs's own writer spends most of an export in per-cell bookkeeping.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipOut {
  writeBuffer(data: Buffer): void;
}

// Measured on 117 MB of sheets: level 3 deflates in about half the time of the default (6) for an
// archive 9% larger (14.0 MB against 12.8 MB; exceljs made 15.0 MB).
const LEVEL = 3;

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export class ZipWriter {
  private offset = 0;
  private readonly central: Buffer[] = [];
  private readonly stamp = dosTime(new Date());

  constructor(private readonly out: ZipOut) {}

  add(name: string, data: Buffer): void {
    const packed = deflateRawSync(data, { level: LEVEL });
    const file = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    this.common(local, 4, crc, packed.length, data.length, file.length);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: zip 2.0
    this.common(entry, 6, crc, packed.length, data.length, file.length);
    entry.writeUInt32LE(this.offset, 42);
    this.central.push(entry, file);
    this.out.writeBuffer(local);
    this.out.writeBuffer(file);
    this.out.writeBuffer(packed);
    this.offset += local.length + file.length + packed.length;
  }

  finish(): void {
    const directory = Buffer.concat(this.central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.central.length / 2, 8);
    end.writeUInt16LE(this.central.length / 2, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(this.offset, 16);
    this.out.writeBuffer(directory);
    this.out.writeBuffer(end);
  }

  /** The fields local and central headers share, from "version needed" to the name's length. */
  private common(b: Buffer, at: number, crc: number, packed: number, size: number, nameLength: number): void {
    b.writeUInt16LE(20, at); // version needed: deflate
    b.writeUInt16LE(0x0800, at + 2); // names are UTF-8
    b.writeUInt16LE(8, at + 4); // deflate
    b.writeUInt16LE(this.stamp.time, at + 6);
    b.writeUInt16LE(this.stamp.date, at + 8);
    b.writeUInt32LE(crc >>> 0, at + 10);
    b.writeUInt32LE(packed, at + 14);
    b.writeUInt32LE(size, at + 18);
    b.writeUInt16LE(nameLength, at + 22);
  }
}
