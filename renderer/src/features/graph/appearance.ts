// How each node and edge looks under the chosen styling: colour by sector, region or community;
// size by degree, betweenness or partnerships; edge width by weight, edge colour by what the tie
// mostly runs through. Pure functions of the slice and the metrics, so the legend can show
// exactly the mapping the canvas uses.
import type { Aggregate, GraphEdge, GraphNode, Metrics, Slice } from '../../../../shared/schemas';
import {
  COMMUNITY_COLOURS,
  EVENT_COLOUR,
  NO_REGION_COLOUR,
  PARTNERSHIP_COLOUR,
  REGION_COLOURS,
  SECTOR_COLOURS,
  TIE_COLOURS,
  type TieKind,
} from '../../../../shared/palette';
import type { StyleSettings } from '../../../../shared/saved-view-style';
import { share, type AttributeLooks } from '../attributes/looks';
import { shortLabel } from './labels';
import { countText } from '../../../../shared/count-text';

export interface NodeLook {
  colour: string;
  size: number;
  degree: number;
}

/** The smallest node's diameter, in model pixels. */
export const MIN_SIZE = 14;
const MAX_SIZE = 64;

/** What a tie mostly runs through: its colour when ties are coloured by type, and its key in the legend. */
export function tieKind(e: GraphEdge): TieKind {
  if (e.type === 'relation') return 'relation';
  if (e.type === 'participation') return 'event';
  if (e.type === 'membership') return 'partnership';
  if (e.relations >= e.partnerships && e.relations >= e.events && e.relations > 0) return 'relation';
  return e.partnerships >= e.events ? 'partnership' : 'event';
}

export function communityColour(community: number | undefined): string {
  return community === undefined ? NO_REGION_COLOUR : (COMMUNITY_COLOURS[community] ?? NO_REGION_COLOUR);
}

function regionColour(region: string | null): string {
  return (region && REGION_COLOURS[region]) || NO_REGION_COLOUR;
}

/** Per node: colour, size and degree (ties drawn), for the current style. */
export function nodeLooks(
  slice: Slice,
  style: StyleSettings,
  metrics: Metrics | null,
  attrs: AttributeLooks | null = null,
): Map<string, NodeLook> {
  // Counted by the nodes' places (typed arrays), not in maps keyed by ID: this runs on every
  // filter change, over every tie.
  const place = new Map<string, number>();
  slice.nodes.forEach((n, i) => place.set(n.id, i));
  const degree = new Uint32Array(slice.nodes.length);
  const partnerships = new Uint32Array(slice.nodes.length);
  for (const e of slice.edges) {
    const s = place.get(e.source);
    const t = place.get(e.target);
    if (s !== undefined) {
      degree[s]!++;
      if (e.type === 'membership') partnerships[s]!++;
    }
    if (t !== undefined) degree[t]!++;
  }
  const byId = new Map(metrics?.nodes.map((m) => [m.id, m]));
  const raw = (n: GraphNode, i: number): number => {
    if (style.sizeBy === 'uniform') return 0;
    if (style.sizeBy === 'betweenness') return byId.get(n.id)?.betweenness ?? 0;
    if (style.sizeBy === 'partnerships') return n.type === 'organisation' ? (n.partnerships ?? partnerships[i]!) : 0;
    return degree[i]!;
  };
  let max = 0;
  slice.nodes.forEach((n, i) => (max = Math.max(max, raw(n, i))));
  // By an attribute: a ranking over the attribute's whole range; nodes without a value are smallest.
  const sizeRank = style.sizeBy === 'attribute' ? (attrs?.size ?? null) : null;
  const looks = new Map<string, NodeLook>();
  for (let i = 0; i < slice.nodes.length; i++) {
    const n = slice.nodes[i]!;
    let colour: string;
    if (n.type === 'partnership') colour = PARTNERSHIP_COLOUR;
    else if (n.type === 'event') colour = EVENT_COLOUR;
    else if (style.colourBy === 'region') colour = regionColour(n.region);
    else if (style.colourBy === 'community') colour = communityColour(byId.get(n.id)?.community);
    else if (style.colourBy === 'attribute') colour = attrs?.colour?.colourOf(n.id) ?? NO_REGION_COLOUR;
    else colour = SECTOR_COLOURS[n.sector ?? 'other'];
    let part = max > 0 ? Math.sqrt(raw(n, i) / max) : 0;
    if (style.sizeBy === 'attribute') {
      const v = sizeRank?.valueOf(n.id) ?? null;
      part = sizeRank && v !== null ? Math.sqrt(share(sizeRank, v)) : 0;
    }
    const size = style.sizeBy === 'uniform' ? 22 : Math.round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * part);
    looks.set(n.id, { colour, size, degree: degree[i]! });
  }
  return looks;
}

/** An edge with its look, written out field by field: spreading two objects per tie cost twice as much at 23,000 ties. */
export function edgeWithLook(e: GraphEdge, style: StyleSettings, maxWeight: number, attrs: AttributeLooks | null = null) {
  let width = style.edgeWidth === 'uniform' ? 1.5 : 1 + 7 * Math.sqrt((e.weight - 1) / Math.max(1, maxWeight - 1));
  if (style.edgeWidth === 'attribute') {
    const w = attrs?.width;
    const v = w ? (e.type === 'tie' ? w.pairOf(e.source, e.target) : w.valueOf(e.id)) : null;
    // Ties without a value are the thinnest; the rest by where they lie in the attribute's range.
    width = w && v !== null ? 1 + 7 * Math.sqrt(share(w, v)) : 0.75;
  }
  const kind = tieKind(e);
  return {
    id: e.id,
    source: e.source,
    target: e.target,
    type: e.type,
    weight: e.weight,
    partnerships: e.partnerships,
    events: e.events,
    relations: e.relations,
    role: e.role,
    firstDate: e.firstDate,
    lastDate: e.lastDate,
    width: Math.round(width * 10) / 10,
    edgeColour: TIE_COLOURS[kind],
    // `typed` switches the colour on in the stylesheet; otherwise the theme's neutral line is used.
    typed: style.edgeColour === 'type',
    tieKind: kind,
  };
}

/** An aggregated view as nodes and edges: groups sized by organisations and coloured by region, links by ties. */
export function aggregateElements(a: Aggregate) {
  const maxOrgs = Math.max(1, ...a.groups.map((g) => g.organisations));
  const maxTies = Math.max(1, ...a.links.map((l) => l.ties));
  const nodes = a.groups.map((g) => ({
    id: g.id,
    label: `${shortLabel(g.label)}\n${countText(g.organisations)}`,
    name: g.label,
    type: 'group',
    by: g.by,
    key: g.key,
    organisations: g.organisations,
    group: g,
    // A country or sub-region in its region's colour, as the legend of regions shows them.
    colour: regionColour(g.region),
    size: Math.round(30 + 90 * Math.sqrt(g.organisations / maxOrgs)),
  }));
  const edges = strongestLinks(a).map((l) => ({
    id: l.id,
    source: l.source,
    target: l.target,
    ties: l.ties,
    weight: l.weight,
    width: Math.round((1 + 14 * Math.sqrt(l.ties / maxTies)) * 10) / 10,
  }));
  return { nodes, edges };
}

/** Above this many links between groups, each group keeps only its strongest few (the rest would grey the drawing over). */
export const LINKS_DRAWN_UP_TO = 400;
const LINKS_PER_GROUP = 3;

/** The links drawn: all of them, or above LINKS_DRAWN_UP_TO each group's LINKS_PER_GROUP strongest. */
function strongestLinks(a: Aggregate): Aggregate['links'] {
  if (a.links.length <= LINKS_DRAWN_UP_TO) return a.links;
  const taken = new Map<string, number>();
  // Links come strongest first (aggregate.ts).
  return a.links.filter((l) => {
    const s = taken.get(l.source) ?? 0;
    const t = taken.get(l.target) ?? 0;
    if (s >= LINKS_PER_GROUP && t >= LINKS_PER_GROUP) return false;
    taken.set(l.source, s + 1);
    taken.set(l.target, t + 1);
    return true;
  });
}
