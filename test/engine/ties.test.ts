// The tie table's pair lookup (slice.ts, TieTable) against a Map, past several growths of its table
// and with organisation indices far above 2^15, where pair keys stop fitting in small integers.
import { describe, expect, it } from 'vitest';
import { TieTable } from '../../electron/engine/graph/ties';

describe('TieTable', () => {
  it('gives each unordered pair one slot, whichever way round it is asked', () => {
    const ties = new TieTable();
    const expected = new Map<string, number>();
    let x = 12345;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % 200_000;
    for (let k = 0; k < 20_000; k++) {
      const a = next();
      const b = next() % 50; // many pairs share an organisation, as hubs do
      if (a === b) continue;
      const key = a < b ? `${a}-${b}` : `${b}-${a}`;
      const s = ties.slot(a, b);
      expect(ties.slot(b, a)).toBe(s);
      if (expected.has(key)) expect(s).toBe(expected.get(key));
      else expected.set(key, s);
    }
    expect(ties.size).toBe(expected.size);
    for (const [key, s] of expected) {
      const [a, b] = key.split('-').map(Number) as [number, number];
      expect(ties.find(b, a)).toBe(s);
      expect([ties.a[s], ties.b[s]]).toEqual([a, b]);
    }
    expect(ties.find(199_999, 199_998)).toBe(-1);
  });
});
