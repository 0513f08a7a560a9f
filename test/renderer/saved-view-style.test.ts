// A saved view's style read back by the window: what it wrote comes back whole, and anything else
// (missing keys, values an older version or a hand edit left) falls back key by key.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STYLE, restoreStyle, type SavedViewStyle } from '../../shared/saved-view-style';

const DEFAULTS = {
  ...DEFAULT_STYLE,
  ego: null,
  hidden: [],
  faded: [],
  isolated: null,
  aggregateBy: 'region',
  layoutOptions: { metric: 'degree', groupBy: 'region' },
};

describe('restoreStyle', () => {
  it('gives back what the window wrote', () => {
    const written: SavedViewStyle = {
      colourBy: 'community',
      sizeBy: 'betweenness',
      edgeWidth: 'uniform',
      edgeColour: 'uniform',
      colourAttribute: 'family',
      sizeAttribute: null,
      widthAttribute: 'weight',
      ego: { id: 'A', name: 'Alpha', depth: 2 },
      hidden: ['B'],
      faded: ['C', 'D'],
      isolated: ['A', 'E'],
      aggregateBy: 'subRegion',
      layoutOptions: { metric: 'pagerank' },
    };
    expect(restoreStyle(written)).toEqual({ ...written, layoutOptions: { metric: 'pagerank', groupBy: 'region' } });
  });

  it('falls back to the defaults for an empty or unreadable style', () => {
    expect(restoreStyle({})).toEqual(DEFAULTS);
    expect(restoreStyle(null)).toEqual(DEFAULTS);
    expect(restoreStyle(['colourBy'])).toEqual(DEFAULTS);
  });

  it('falls back key by key, keeping what it understands', () => {
    const restored = restoreStyle({
      colourBy: 'rainbow',
      sizeBy: 'partnerships',
      ego: { id: 'A' },
      hidden: 'B',
      faded: ['C', 3],
      isolated: ['E'],
      aggregateBy: 'continent',
      layoutOptions: { groupBy: 'sector', metric: 'eigenvector' },
      extra: true,
    });
    expect(restored).toEqual({
      ...DEFAULTS,
      sizeBy: 'partnerships',
      isolated: ['E'],
      layoutOptions: { metric: 'degree', groupBy: 'sector' },
    });
  });
});
