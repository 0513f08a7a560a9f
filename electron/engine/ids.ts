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

export const newId = (): string => generator.generate().toString();
