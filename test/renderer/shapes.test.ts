// The large drawing's arrowheads and label lines, worked out by hand.
import { describe, expect, it } from 'vitest';
import { arrowhead, insideNode, labelLines, shapeOf } from '../../renderer/src/features/graph/large/shapes';

describe('large drawing shapes', () => {
  it('draws each kind of node in the shape the legend shows', () => {
    expect([shapeOf('organisation'), shapeOf('partnership'), shapeOf('event')]).toEqual(['disc', 'diamond', 'square']);
  });

  it('finds a point inside a node by its shape', () => {
    // (7, 7) from the centre of a node of radius 10: inside the square and the disc (9.9 from the
    // centre), outside the diamond (|7| + |7| = 14).
    expect(insideNode('square', 7, 7, 10)).toBe(true);
    expect(insideNode('disc', 7, 7, 10)).toBe(true);
    expect(insideNode('diamond', 7, 7, 10)).toBe(false);
    expect(insideNode('diamond', 9, 0, 10)).toBe(true);
    expect(insideNode('disc', 8, 8, 10)).toBe(false); // 11.3 from the centre
    expect(insideNode('square', 8, 8, 10)).toBe(true);
  });

  it('puts an arrowhead tip on the target node’s edge, pointing along the tie', () => {
    // From (0,0) to a node of radius 10 at (100,0): the tip at x = 90, the base 8 further back.
    expect(arrowhead(0, 0, 100, 0, 10, 8)).toEqual([90, 0, 82, 4.4, 82, -4.4]);
    // Too short to point anywhere: no arrowhead.
    expect(arrowhead(0, 0, 15, 0, 10, 8)).toBeNull();
  });

  it('wraps labels at 150 px between words, keeping a longer word whole', () => {
    const measure = (text: string) => text.length * 8; // 8 px a character
    expect(labelLines(measure, 'Alpha Ministry of Communications')).toEqual(['Alpha Ministry of', 'Communications']);
    expect(labelLines(measure, 'AMC')).toEqual(['AMC']);
    expect(labelLines(measure, 'Supercalifragilisticexpialidocious org')).toEqual(['Supercalifragilisticexpialidocious', 'org']);
  });
});
