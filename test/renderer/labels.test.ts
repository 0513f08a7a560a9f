// Which nodes get a label: the one-pass choice must pick exactly what sorting every node would.
import { describe, expect, it } from 'vitest';
import { chooseLabelled, labelBudget } from '../../renderer/src/features/graph/labels';

describe('labels by level of detail', () => {
  it('has room for about one label per 12,000 px² of screen, from 12 to 150', () => {
    expect(labelBudget(620, 560)).toBe(29);
    expect(labelBudget(200, 100)).toBe(12);
    expect(labelBudget(2560, 1400)).toBe(150);
    expect(labelBudget(1300, 900)).toBe(98);
  });

  it('labels every node when they fit the budget', () => {
    const few = Array.from({ length: 29 }, (_, i) => ({ id: i, size: i % 7 }));
    expect(chooseLabelled(few, (n) => n.size, 29)).toHaveLength(29);
  });

  it('labels only the largest the budget allows when more are in view, largest first and equals in view order', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const count of [41, 151, 1000, 5000]) {
      // Few distinct sizes, so many nodes tie at the cut.
      const nodes = Array.from({ length: count }, (_, i) => ({ id: i, size: Math.floor(random() * 12) }));
      const bySort = [...nodes].sort((a, b) => b.size - a.size).slice(0, 40);
      expect(chooseLabelled([...nodes], (n) => n.size, 40).map((n) => n.id)).toEqual(bySort.map((n) => n.id));
    }
  });
});
