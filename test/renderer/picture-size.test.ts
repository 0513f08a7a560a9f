// How large a PNG of the drawing will be: what the export dialog tells before it is made, capped
// so the canvas stays within what browsers allocate (beyond that they silently give a blank image).
import { describe, expect, it } from 'vitest';
import { pngSizeOf } from '../../renderer/src/features/graph/large/picture';
import { fitScale, MAX_AREA, MAX_SIDE } from '../../renderer/src/features/interchange/picture-limits';

const bare = (scale: number) => ({ scale, frame: { title: '', caption: '', legend: null } });

describe('picture sizes', () => {
  it('is the bounds times the scale asked for, when that fits', () => {
    expect(pngSizeOf({ width: 1200, height: 800 }, bare(2))).toEqual({ width: 2400, height: 1600 });
    expect(pngSizeOf({ width: 1200, height: 800 }, bare(8))).toEqual({ width: 9600, height: 6400 });
  });

  it('caps the scale at the longest side and the largest area browsers allocate', () => {
    const long = pngSizeOf({ width: 10_000, height: 500 }, bare(8));
    expect(long.width).toBeLessThanOrEqual(MAX_SIDE);
    expect(long.height).toBe(800);
    const big = pngSizeOf({ width: 8000, height: 8000 }, bare(8));
    expect(big.width * big.height).toBeLessThanOrEqual(MAX_AREA);
    expect(big.width).toBe(big.height);
    expect(fitScale(1e6, 1e6, 4, 0.05)).toBe(0.05);
  });
});
