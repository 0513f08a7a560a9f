// What the legend says, as data: the on-screen legend (Legend.tsx) renders it, and pictures of
// the drawing (interchange/picture-frame.ts) paint it, so an exported PNG or SVG says exactly
// what the window said. Pure: a function of the slice, the style, the metrics and the attribute
// looks the canvas itself is drawn by.
import { SECTORS } from '../../../../shared/domain';
import {
  EVENT_COLOUR,
  NO_REGION_COLOUR,
  PARTNERSHIP_COLOUR,
  REGION_COLOURS,
  SECTOR_COLOURS,
  TIE_COLOURS,
} from '../../../../shared/palette';
import type { Aggregate, Metrics, Slice } from '../../../../shared/schemas';
import type { StyleSettings } from '../../../../shared/saved-view-style';
import type { AttributeLooks } from '../attributes/looks';
import type { AttributeValues } from '../attributes/store';
import { sectorLabel } from '../details/format';
import { communityColour, LINKS_DRAWN_UP_TO, tieKind } from '../graph/appearance';
import { partitionItems, rangeText } from './attribute-legend';

/** How a key is drawn: a node's shape, or a tie's line (dashed: a direct relation, with its arrowhead). */
export type LegendShape = 'disc' | 'diamond' | 'square' | 'line' | 'dashed';

export interface LegendItem {
  colour: string;
  label: string;
  shape?: LegendShape;
  /** None drawn now: shown dimmed, keeping its place. */
  absent?: boolean;
}

export interface LegendSection {
  title: string;
  items: LegendItem[];
}

export interface LegendModel {
  sections: LegendSection[];
  /** Sentences: what sizes and line widths mean, or what the aggregated view's circles are. */
  notes: string[];
}

export interface LegendInput {
  slice: Slice | null;
  aggregate: Aggregate | null;
  style: StyleSettings;
  metrics: Metrics | null;
  attrLooks: AttributeLooks | null;
  /** The values of the organisation attribute nodes are coloured by, when they are. */
  colourValues: AttributeValues | undefined;
  /** The neutral line the theme draws ties in when they are not coloured by type. */
  neutralTie: string;
}

const SIZE_TEXT = {
  degree: 'Size: number of ties.',
  betweenness: 'Size: betweenness (how often it lies between others).',
  partnerships: 'Size: number of partnerships.',
  uniform: '',
  attribute: '',
};

function colourSection(i: LegendInput): LegendSection {
  const { slice, style, metrics, attrLooks, colourValues } = i;
  const nodes = slice?.nodes ?? [];
  const present = new Set(nodes.map((n) => (style.colourBy === 'region' ? (n.region ?? 'none') : (n.sector ?? n.type))));
  let items: LegendItem[];
  let title = 'Sector';
  if (style.colourBy === 'region') {
    title = 'Region';
    items = Object.keys(REGION_COLOURS).map((r) => ({ colour: REGION_COLOURS[r]!, label: r, absent: !present.has(r) }));
    items.push({ colour: NO_REGION_COLOUR, label: 'No country (international)', absent: !present.has('none') });
  } else if (style.colourBy === 'attribute' && attrLooks) {
    title = style.colourAttribute ?? 'Attribute';
    items = partitionItems(attrLooks, colourValues, nodes);
  } else if (style.colourBy === 'community') {
    title = 'Community';
    const sizes = new Map<number, number>();
    for (const m of metrics?.nodes ?? []) sizes.set(m.community, (sizes.get(m.community) ?? 0) + 1);
    const top = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 12);
    items = top.map(([c, n]) => ({ colour: communityColour(c), label: `Community ${c + 1} (${n})` }));
    if (!metrics) items = [{ colour: NO_REGION_COLOUR, label: 'Computing communities…' }];
  } else {
    if (style.colourBy === 'attribute') title = style.colourAttribute ?? 'Attribute';
    items = SECTORS.map((s) => ({ colour: SECTOR_COLOURS[s], label: sectorLabel(s), absent: !present.has(s) }));
  }
  if (slice?.view === 'full') {
    const types = new Set(nodes.map((n) => n.type));
    items.push({ colour: PARTNERSHIP_COLOUR, label: 'Partnership', shape: 'diamond', absent: !types.has('partnership') });
    items.push({ colour: EVENT_COLOUR, label: 'Event', shape: 'square', absent: !types.has('event') });
  }
  return { title, items };
}

/** Ties: by what each mostly runs through, or one neutral line; direct relations of the full view dashed. */
function tieSection(i: LegendInput): LegendSection | null {
  const full = i.slice?.view === 'full';
  const drawn = new Set((i.slice?.edges ?? []).map(tieKind));
  if (i.style.edgeColour === 'type') {
    return {
      title: 'Ties',
      items: [
        {
          colour: TIE_COLOURS.partnership,
          label: full ? 'membership' : 'shared partnership',
          shape: 'line',
          absent: !drawn.has('partnership'),
        },
        { colour: TIE_COLOURS.event, label: full ? 'participation' : 'shared event', shape: 'line', absent: !drawn.has('event') },
        { colour: TIE_COLOURS.relation, label: 'direct relation', shape: full ? 'dashed' : 'line', absent: !drawn.has('relation') },
      ],
    };
  }
  if (!full) return null;
  return {
    title: 'Ties',
    items: [
      {
        colour: i.neutralTie,
        label: 'membership or participation',
        shape: 'line',
        absent: !drawn.has('partnership') && !drawn.has('event'),
      },
      { colour: i.neutralTie, label: 'direct relation', shape: 'dashed', absent: !drawn.has('relation') },
    ],
  };
}

export function legendOf(i: LegendInput): LegendModel {
  const { aggregate, style, attrLooks } = i;
  if (aggregate) {
    return {
      sections: [],
      notes: [
        `Each circle is a ${aggregate.by === 'subRegion' ? 'sub-region' : aggregate.by}, sized by its organisations and coloured by its ` +
          `region; lines are as wide as the ties between them` +
          `${aggregate.links.length > LINKS_DRAWN_UP_TO ? ' (each group’s three strongest, of many)' : ''}.`,
      ],
    };
  }
  const sections = [colourSection(i)];
  const ties = tieSection(i);
  if (ties) sections.push(ties);
  const notes = [
    style.sizeBy === 'attribute' ? rangeText('Size', attrLooks?.size ?? null) : SIZE_TEXT[style.sizeBy],
    style.edgeWidth === 'weight' ? 'Line width: how many partnerships, events and relations two organisations share.' : '',
    style.edgeWidth === 'attribute' ? rangeText('Line width', attrLooks?.width ?? null) : '',
  ].filter(Boolean);
  return { sections, notes };
}
