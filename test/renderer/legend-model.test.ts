// What the legend says (the window's and every picture's): node colours, tie types with their
// lines, sizes; keys for nothing drawn dimmed.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STYLE } from '../../shared/saved-view-style';
import type { GraphEdge, GraphNode, Slice } from '../../shared/schemas';
import { legendOf, type LegendInput } from '../../renderer/src/features/legend/legend-model';

const node = (id: string, type: GraphNode['type'], sector: GraphNode['sector'] = null): GraphNode => ({
  id,
  type,
  label: id,
  name: id,
  acronym: null,
  sector,
  kind: null,
  country: null,
  countryName: null,
  region: null,
  subRegion: null,
  startDate: null,
  endDate: null,
  synthetic: false,
});
const edge = (id: string, type: GraphEdge['type'], s: string, t: string, counts: Partial<GraphEdge> = {}): GraphEdge => ({
  id,
  source: s,
  target: t,
  type,
  weight: 1,
  partnerships: 0,
  events: 0,
  relations: 0,
  role: null,
  firstDate: null,
  lastDate: null,
  ...counts,
});
const count = { shown: 0, total: 0 };
const slice = (view: Slice['view'], nodes: GraphNode[], edges: GraphEdge[]): Slice => ({
  view,
  nodes,
  edges,
  counts: { organisations: count, ties: count, partnerships: count, events: count, relations: count },
});
const input = (s: Slice, style = DEFAULT_STYLE): LegendInput => ({
  slice: s,
  aggregate: null,
  style,
  metrics: null,
  attrLooks: null,
  colourValues: undefined,
  neutralTie: '#a3a8b4',
});

describe('the legend model', () => {
  it('lists every sector, dimming those none drawn has, and the ties by type, dimming those no tie runs through', () => {
    const s = slice(
      'organisations',
      [node('a', 'organisation', 'government'), node('b', 'organisation', 'academia')],
      [edge('t', 'tie', 'a', 'b', { partnerships: 2 })],
    );
    const l = legendOf(input(s));
    const [sectors, ties] = l.sections;
    expect(sectors!.title).toBe('Sector');
    expect(sectors!.items.filter((i) => !i.absent).map((i) => i.label)).toEqual(['Government', 'Academia']);
    expect(ties!.items.map((i) => [i.label, i.shape, !!i.absent])).toEqual([
      ['shared partnership', 'line', false],
      ['shared event', 'line', true],
      ['direct relation', 'line', true],
    ]);
    expect(l.notes).toContain('Size: number of ties.');
  });

  it('in the full view: partnerships and events as their shapes, direct relations dashed, in the neutral line when ties are one colour', () => {
    const s = slice(
      'full',
      [node('a', 'organisation', 'government'), node('b', 'organisation'), node('p', 'partnership')],
      [edge('m', 'membership', 'a', 'p'), edge('r', 'relation', 'a', 'b')],
    );
    const typed = legendOf(input(s));
    expect(typed.sections[0]!.items.slice(-2).map((i) => [i.label, i.shape, !!i.absent])).toEqual([
      ['Partnership', 'diamond', false],
      ['Event', 'square', true],
    ]);
    expect(typed.sections[1]!.items.find((i) => i.label === 'direct relation')!.shape).toBe('dashed');
    const plain = legendOf(input(s, { ...DEFAULT_STYLE, edgeColour: 'uniform' }));
    expect(plain.sections[1]!.items.map((i) => [i.label, i.colour, i.shape])).toEqual([
      ['membership or participation', '#a3a8b4', 'line'],
      ['direct relation', '#a3a8b4', 'dashed'],
    ]);
  });
});
