// A saved view's `style`: what the window keeps of a view besides the filters, view, layout name
// and positions that have columns of their own (styling, ego network, hidden, faded and isolated
// nodes, aggregation level, the layout's options). The engine stores it as a JSON object and gives
// it back as stored, so a view saved by an older version, merged from a snapshot or written by
// hand may hold anything: the window reads every stored style through `restoreStyle`, where a
// value that is missing or not understood falls back to its default instead of losing the view.
//
// zod's mini build, which bundles only what is used: the renderer parses with this module, and
// it depends on nothing else but the vocabularies (not on the contract).
import * as z from 'zod/mini';
import { AGGREGATE_LEVELS } from './domain';

// `attribute`: by the organisation (or, for widths, relation) attribute named in the matching
// `…Attribute` field: a partition for colours, a ranking for sizes and widths.
export const ColourBy = z.enum(['sector', 'region', 'community', 'attribute']);
export type ColourBy = z.infer<typeof ColourBy>;
export const SizeBy = z.enum(['degree', 'betweenness', 'partnerships', 'uniform', 'attribute']);
export type SizeBy = z.infer<typeof SizeBy>;
const EdgeWidth = z.enum(['weight', 'uniform', 'attribute']);
const EdgeColour = z.enum(['type', 'uniform']);
const AttributeName = z.nullable(z.string());

/** How the nodes and ties are drawn. */
export const StyleSettings = z.object({
  colourBy: ColourBy,
  sizeBy: SizeBy,
  edgeWidth: EdgeWidth,
  edgeColour: EdgeColour,
  colourAttribute: AttributeName,
  sizeAttribute: AttributeName,
  widthAttribute: AttributeName,
});
export type StyleSettings = z.infer<typeof StyleSettings>;
export const DEFAULT_STYLE: StyleSettings = {
  colourBy: 'sector',
  sizeBy: 'degree',
  edgeWidth: 'weight',
  edgeColour: 'type',
  colourAttribute: null,
  sizeAttribute: null,
  widthAttribute: null,
};

/** What the concentric layout rings by, and what the grouped layout groups by. */
export const ConcentricMetric = z.enum(['degree', 'betweenness', 'pagerank']);
export type ConcentricMetric = z.infer<typeof ConcentricMetric>;
export const GroupBy = z.enum(['region', 'sector']);
export type GroupBy = z.infer<typeof GroupBy>;

const Ego = z.object({ id: z.string(), name: z.string(), depth: z.literal([1, 2, 3]) });
const NodeIds = z.array(z.string());
const AggregateBy = z.enum(AGGREGATE_LEVELS);

/** A style as the window writes it. */
export const SavedViewStyle = z.extend(StyleSettings, {
  ego: z.nullable(Ego),
  hidden: NodeIds,
  faded: NodeIds,
  /** When set, only these nodes are drawn. */
  isolated: z.nullable(NodeIds),
  aggregateBy: AggregateBy,
  /** The concentric layout's metric or the grouped layout's grouping; null for the other layouts. */
  layoutOptions: z.nullable(z.object({ metric: z.optional(ConcentricMetric), groupBy: z.optional(GroupBy) })),
});
export type SavedViewStyle = z.infer<typeof SavedViewStyle>;

/** A stored style read key by key, each falling back on its own. */
const Restored = z.object({
  colourBy: z.catch(ColourBy, DEFAULT_STYLE.colourBy),
  sizeBy: z.catch(SizeBy, DEFAULT_STYLE.sizeBy),
  edgeWidth: z.catch(EdgeWidth, DEFAULT_STYLE.edgeWidth),
  edgeColour: z.catch(EdgeColour, DEFAULT_STYLE.edgeColour),
  colourAttribute: z.catch(AttributeName, null),
  sizeAttribute: z.catch(AttributeName, null),
  widthAttribute: z.catch(AttributeName, null),
  ego: z.catch(z.nullable(Ego), null),
  hidden: z.catch(NodeIds, []),
  faded: z.catch(NodeIds, []),
  isolated: z.catch(z.nullable(NodeIds), null),
  aggregateBy: z.catch(AggregateBy, 'region'),
  layoutOptions: z.catch(z.object({ metric: z.catch(ConcentricMetric, 'degree'), groupBy: z.catch(GroupBy, 'region') }), {
    metric: 'degree',
    groupBy: 'region',
  }),
});
type RestoredStyle = z.infer<typeof Restored>;

/** Any stored style (or anything at all) as a whole style, with defaults where it says nothing usable. */
export function restoreStyle(style: unknown): RestoredStyle {
  return Restored.parse(typeof style === 'object' && style !== null && !Array.isArray(style) ? style : {});
}
