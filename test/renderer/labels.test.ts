// Which nodes get a label: the one-pass choice must pick exactly what sorting every node would.
import { describe, expect, it } from 'vitest';
import { chooseLabelled } from '../../renderer/src/features/graph/labels';

describe('labels by level of detail', () => {
  it('labels every node when few are in view', () => {
    const few = Array.from({ length: 150 }, (_, i) => ({ id: i, size: i % 7 }));
    expect(chooseLabelled(few, (n) => n.size)).toHaveLength(150);
  });

  it('labels only the 40 largest when many are, largest first and equals in view order', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const count of [151, 1000, 5000]) {
      // Few distinct sizes, so many nodes tie at the cut.
      const nodes = Array.from({ length: count }, (_, i) => ({ id: i, size: Math.floor(random() * 12) }));
      const bySort = [...nodes].sort((a, b) => b.size - a.size).slice(0, 40);
      expect(chooseLabelled([...nodes], (n) => n.size).map((n) => n.id)).toEqual(bySort.map((n) => n.id));
    }
  });
});
