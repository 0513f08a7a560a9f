// Record IDs: UUIDv7, born where a record is created (so snapshots from two laptops merge), from
// random bits drawn 64 KB at a time. uuidv7's own source asks the system for 32 bytes at a time,
// which was a second of a 250,000-element import.
import { randomFillSync } from 'node:crypto';
import { V7Generator } from 'uuidv7';

const pool = new Uint32Array(16384);
let next = pool.length;

const generator = new V7Generator({
  nextUint32(): number {
    if (next === pool.length) {
      randomFillSync(pool);
      next = 0;
    }
    return pool[next++]!;
  },
});

const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** Where each byte's two hex digits go in the 36 characters; the hyphens stay in place. */
const AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const text = Buffer.alloc(36, '-');

/**
 * The same text as uuidv7's toString, written as one flat string: its toString joins 36 pieces,
 * and an ID kept by a large import stayed a chain of those pieces for the collector to copy (about
 * 5 µs an ID, a second of a 250,000-element import) until something flattened it.
 */
export const newId = (): string => {
  const bytes = generator.generate().bytes;
  for (let i = 0; i < 16; i++) {
    const b = bytes[i]!;
    text[AT[i]!] = HEX[b >>> 4]!;
    text[AT[i]! + 1] = HEX[b & 15]!;
  }
  return text.toString('latin1', 0, 36);
};
