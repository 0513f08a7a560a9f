// What the colours, sizes and lines mean, for the styling chosen; it reads the same mapping
// (appearance.ts) the canvas uses. Every sector or region keeps its place, dimmed when none is
// drawn: a legend that grew and shrank with each filter also resized the graph above it, which
// fitted and painted it again, and moved every key a reader had learnt.
import { SECTORS } from '../../../../shared/domain';
import {
  EVENT_COLOUR,
  NO_REGION_COLOUR,
  PARTNERSHIP_COLOUR,
  REGION_COLOURS,
  SECTOR_COLOURS,
  TIE_COLOURS,
} from '../../../../shared/palette';
import { useAtlas } from '../../store/atlas';
import { sectorLabel } from '../details/format';
import { valueKey, useAttributes } from '../attributes/store';
import { useAttributeLooks } from '../attributes/use-looks';
import { communityColour, LINKS_DRAWN_UP_TO } from '../graph/appearance';
import { partitionItems, rangeText } from './attribute-legend';

const SIZE_TEXT = {
  degree: 'Size: number of ties.',
  betweenness: 'Size: betweenness (how often it lies between others).',
  partnerships: 'Size: number of partnerships.',
  uniform: '',
  attribute: '',
};

function Item({ colour, label, shape = '', absent = false }: { colour: string; label: string; shape?: string; absent?: boolean }) {
  return (
    <li className={absent ? 'absent' : undefined} title={absent ? 'None drawn now' : undefined}>
      <span className={`swatch ${shape}`} style={{ background: colour }} />
      {label}
    </li>
  );
}

export function Legend() {
  const slice = useAtlas((s) => s.slice);
  const aggregate = useAtlas((s) => s.aggregate);
  const style = useAtlas((s) => s.vs.style);
  const metrics = useAtlas((s) => s.metrics);
  const attrLooks = useAttributeLooks();
  const attrValues = useAttributes((s) => s.values);
  if (aggregate) {
    return (
      <section className="legend" aria-label="Legend" data-testid="legend">
        <p>
          Each circle is a {aggregate.by === 'subRegion' ? 'sub-region' : aggregate.by}, sized by its organisations and coloured by its
          region; lines are as wide as the ties between them
          {aggregate.links.length > LINKS_DRAWN_UP_TO ? ' (each group’s three strongest, of many)' : ''}. Click one for what it holds,
          double-click to open it.
        </p>
      </section>
    );
  }
  const nodes = slice?.nodes ?? [];
  const present = new Set(nodes.map((n) => (style.colourBy === 'region' ? (n.region ?? 'none') : (n.sector ?? n.type))));
  let colours: { colour: string; label: string; absent?: boolean }[];
  if (style.colourBy === 'region') {
    colours = Object.keys(REGION_COLOURS).map((r) => ({ colour: REGION_COLOURS[r]!, label: r, absent: !present.has(r) }));
    colours.push({ colour: NO_REGION_COLOUR, label: 'No country (international)', absent: !present.has('none') });
  } else if (style.colourBy === 'attribute' && attrLooks) {
    const values = style.colourAttribute ? attrValues[valueKey('organisation', style.colourAttribute)] : undefined;
    colours = partitionItems(attrLooks, values, nodes);
  } else if (style.colourBy === 'community') {
    const sizes = new Map<number, number>();
    for (const m of metrics?.nodes ?? []) sizes.set(m.community, (sizes.get(m.community) ?? 0) + 1);
    const top = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 12);
    colours = top.map(([c, n]) => ({ colour: communityColour(c), label: `Community ${c + 1} (${n})` }));
    if (!metrics) colours = [{ colour: NO_REGION_COLOUR, label: 'Computing communities…' }];
  } else {
    colours = SECTORS.map((s) => ({ colour: SECTOR_COLOURS[s], label: sectorLabel(s), absent: !present.has(s) }));
  }
  const types = new Set(nodes.map((n) => n.type));
  return (
    <section className="legend" aria-label="Legend" data-testid="legend">
      <h3>
        {style.colourBy === 'region'
          ? 'Region'
          : style.colourBy === 'community'
            ? 'Community'
            : style.colourBy === 'attribute'
              ? (style.colourAttribute ?? 'Attribute')
              : 'Sector'}
      </h3>
      <ul>
        {colours.map((c) => (
          <Item key={c.label} {...c} />
        ))}
        {slice?.view === 'full' && (
          <>
            <Item colour={PARTNERSHIP_COLOUR} label="Partnership" shape="diamond" absent={!types.has('partnership')} />
            <Item colour={EVENT_COLOUR} label="Event" shape="square" absent={!types.has('event')} />
          </>
        )}
      </ul>
      {style.edgeColour === 'type' && (
        <>
          <h3>Ties</h3>
          <ul>
            <Item colour={TIE_COLOURS.partnership} label="shared partnership" shape="line" />
            <Item colour={TIE_COLOURS.event} label="shared event" shape="line" />
            <Item colour={TIE_COLOURS.relation} label="direct relation" shape="line" />
          </ul>
        </>
      )}
      <p className="muted">
        {style.sizeBy === 'attribute' ? rangeText('Size', attrLooks?.size ?? null) : SIZE_TEXT[style.sizeBy]}{' '}
        {style.edgeWidth === 'weight' ? 'Line width: how many partnerships, events and relations two organisations share.' : ''}
        {style.edgeWidth === 'attribute' ? rangeText('Line width', attrLooks?.width ?? null) : ''}
      </p>
    </section>
  );
}
