// Counts are grouped by hand (shared/count-text.ts) to keep ICU off the open's first render; they
// must read exactly as Intl's English format writes them.
import { describe, expect, it } from 'vitest';
import { countText } from '../../shared/count-text';

describe('countText', () => {
  it('groups thousands as English does', () => {
    expect(countText(0)).toBe('0');
    expect(countText(999)).toBe('999');
    expect(countText(1000)).toBe('1,000');
    expect(countText(40_000)).toBe('40,000');
    expect(countText(1_000_000)).toBe('1,000,000');
    expect(countText(-1234)).toBe('-1,234');
  });

  it('agrees with Intl on integers of every length, and leaves fractions to it', () => {
    const intl = new Intl.NumberFormat('en');
    let x = 7;
    for (let i = 0; i < 2000; i++) {
      x = (x * 48271) % 2147483647;
      const n = (i % 2 ? -1 : 1) * Math.floor(x / 10 ** (i % 10));
      expect(countText(n)).toBe(intl.format(n === 0 ? 0 : n)); // never "-0"
    }
    expect(countText(Number.MAX_SAFE_INTEGER)).toBe(intl.format(Number.MAX_SAFE_INTEGER));
    expect(countText(1234.5678)).toBe(intl.format(1234.5678));
  });
});
