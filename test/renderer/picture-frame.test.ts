// Where a picture's title, legend and caption go around the drawing: never over it, beside a
// square drawing and below a wide one, sized for the picture seen whole; and text SVG can hold.
import { describe, expect, it } from 'vitest';
import type { LegendModel } from '../../renderer/src/features/legend/legend-model';
import { frameLayout, wrap, xmlText } from '../../renderer/src/features/interchange/picture-frame';

// Every character as wide as 0.6 of the font's size, as a sans-serif's average.
const measure = (text: string, font: string) => text.length * 0.6 * Number(/([\d.]+)px/.exec(font)![1]);
const legend: LegendModel = {
  sections: [
    {
      title: 'family',
      items: [
        { colour: '#0072B2', label: 'cert (3)' },
        { colour: '#E69F00', label: 'law enforcement (2)' },
        { colour: '#999999', label: 'no value (0)', absent: true },
      ],
    },
    { title: 'Ties', items: [{ colour: '#7B61FF', label: 'direct relation', shape: 'dashed' }] },
  ],
  notes: ['Size: budget, from 0.4 (smallest) to 40.25 (largest); none where there is no value.'],
};
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the frame around a picture', () => {
  it('adds nothing when there is no title, caption or legend', () => {
    expect(frameLayout({ title: ' ', caption: '', legend: null }, 800, 600, measure)).toBeNull();
    expect(frameLayout({ title: '', caption: '', legend: { sections: [], notes: [] } }, 800, 600, measure)).toBeNull();
  });

  it('puts the legend beside a squarish drawing, the title above and the caption below, none over the drawing', () => {
    const f = frameLayout({ title: 'Who works with whom', caption: 'Source: a networkx file.', legend }, 600, 500, measure)!;
    expect(f.legend).not.toBeNull();
    expect(overlaps(f.legend!, f.drawing)).toBe(false);
    expect(f.legend!.x).toBeGreaterThanOrEqual(f.drawing.x + f.drawing.width);
    const title = f.texts.find((t) => t.text === 'Who works with whom')!;
    const caption = f.texts.find((t) => t.text === 'Source: a networkx file.')!;
    expect(title.y).toBeLessThan(f.drawing.y);
    expect(caption.y - caption.size).toBeGreaterThan(f.drawing.y + f.drawing.height);
    expect(f.texts.map((t) => t.text)).toEqual(expect.arrayContaining(['family', 'cert (3)', 'law enforcement (2)', 'no value (0)']));
    expect(f.texts.find((t) => t.text === 'no value (0)')!.absent).toBe(true);
    for (const t of f.texts) {
      expect(t.x).toBeGreaterThan(0);
      expect(t.x + measure(t.text, `${t.size}px x`)).toBeLessThanOrEqual(f.width + 0.01);
      expect(t.y).toBeLessThan(f.height);
    }
    for (const k of f.keys)
      expect(overlaps({ x: k.x - k.size / 2, y: k.y - k.size / 2, width: k.size, height: k.size }, f.drawing)).toBe(false);
  });

  it('puts the legend below a wide drawing', () => {
    const f = frameLayout({ title: '', caption: '', legend }, 1600, 500, measure)!;
    expect(f.legend!.y).toBeGreaterThanOrEqual(f.drawing.y + f.drawing.height);
    expect(overlaps(f.legend!, f.drawing)).toBe(false);
  });

  it('sizes its text for a large drawing seen whole', () => {
    const small = frameLayout({ title: 'T', caption: '', legend }, 800, 800, measure)!;
    const large = frameLayout({ title: 'T', caption: '', legend }, 8000, 8000, measure)!;
    expect(large.texts[0]!.size).toBeCloseTo(small.texts[0]!.size * 8, 5);
  });

  it('wraps a long title at spaces, and Chinese between characters', () => {
    const m = (t: string) => t.length * 10;
    expect(wrap('Партнёрства против киберпреступности в Африке', 200, m)).toEqual(['Партнёрства против', 'киберпреступности в', 'Африке']);
    const zh = wrap('打击网络犯罪的公私伙伴关系区域观点与最佳实践', 100, m);
    expect(zh.join('')).toBe('打击网络犯罪的公私伙伴关系区域观点与最佳实践');
    expect(zh.every((l) => l.length <= 10)).toBe(true);
  });

  it('writes text SVG can hold: escaped, without the control characters XML forbids', () => {
    expect(xmlText('R&D <lab> "x"\u0001\u000b\ud800 شبكة')).toBe('R&amp;D &lt;lab&gt; &quot;x&quot; شبكة');
    expect(xmlText('😀 ok')).toBe('😀 ok');
  });
});
