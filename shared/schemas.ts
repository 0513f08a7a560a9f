// zod schemas for every record and every call input. No defaults live here: a create fills what is
// missing in the engine, so the same field schemas serve both create (whole) and update (partial).
import { z } from 'zod';
import {
  ACTION_KINDS,
  ACTION_STATES,
  AGGREGATE_LEVELS,
  CITABLE_TYPES,
  COUNT_QUALIFIERS,
  EVENT_KINDS,
  EVENT_MODES,
  GRAPH_VIEWS,
  MEMBER_ROLES,
  PARTICIPANT_ROLES,
  PARTNERSHIP_KINDS,
  PARTNERSHIP_STATUSES,
  RECORD_TYPES,
  RELATION_TYPES,
  SECTORS,
} from './domain';
import { ATTRIBUTE_KINDS, ATTRIBUTE_TYPES } from './attributes';
import { EXPORT_FORMATS, IMPORT_FORMATS } from './formats';
import { SavedViewStyle } from './saved-view-style';

/** Record IDs: UUIDv7 when born here; imports may keep other tools' IDs if they are plain tokens. */
export const Id = z
  .string()
  .min(1, 'An ID cannot be empty')
  .max(128, 'An ID is at most 128 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:~-]*$/, 'An ID may only hold letters, digits and . _ : ~ -');

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** A date as precise as the source states it: YYYY, YYYY-MM or YYYY-MM-DD. */
export const PartialDate = z
  .string()
  // abort: the day check below assumes the pattern matched, so a malformed date stops here.
  .regex(DATE_RE, { message: 'Dates are written YYYY, YYYY-MM or YYYY-MM-DD', abort: true })
  .refine((s) => {
    const m = DATE_RE.exec(s)!;
    const month = m[2] ? Number(m[2]) : 1;
    const day = m[3] ? Number(m[3]) : 1;
    if (month < 1 || month > 12) return false;
    const daysInMonth = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
    return day >= 1 && day <= daysInMonth;
  }, 'This date does not exist');

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const name = z.string().trim().min(1, 'A name is required').max(300, 'At most 300 characters');
const optText = (max: number) => text(max).nullable().optional();
const Tag = z.string().trim().min(1, 'A tag cannot be empty').max(80, 'A tag is at most 80 characters');
const Tags = z.array(Tag).max(200, 'At most 200 tags');
const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'A country is its ISO 3166-1 alpha-2 code, such as GH or US');
const JsonValue: z.ZodType<unknown> = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])),
]);
/** Lengths the schemas allow, named for code that checks the commonest cases by hand first (interchange/import/plan-graph.ts). */
export const DESCRIPTION_MAX = 20000;
export const ATTRIBUTE_NAME_MAX = 200;
/** Fields a record has that have no column of their own (kept from imports, for example). */
const Attributes = z.record(z.string().min(1).max(ATTRIBUTE_NAME_MAX), JsonValue);
const Website = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/\S+$/i, 'A website starts with http:// or https://');
const Synthetic = z.boolean();

const timestamps = { createdAt: z.string(), updatedAt: z.string() };

// ---------- organisations ----------
export const OrganisationFields = z.strictObject({
  name,
  acronym: optText(60),
  sector: z.enum(SECTORS),
  country: CountryCode.nullable().optional(),
  city: optText(200),
  website: Website.nullable().optional(),
  description: optText(DESCRIPTION_MAX),
  tags: Tags.optional(),
  attributes: Attributes.optional(),
  synthetic: Synthetic.optional(),
});
export const Organisation = z.object({
  id: Id,
  name: z.string(),
  acronym: z.string().nullable(),
  sector: z.enum(SECTORS),
  country: z.string().nullable(),
  city: z.string().nullable(),
  website: z.string().nullable(),
  description: z.string().nullable(),
  tags: z.array(z.string()),
  attributes: Attributes,
  synthetic: z.boolean(),
  ...timestamps,
});
export type Organisation = z.infer<typeof Organisation>;

// ---------- partnerships ----------
export const PartnershipFields = z.strictObject({
  name,
  kind: z.enum(PARTNERSHIP_KINDS),
  focusAreas: Tags.optional(),
  regionalScope: Tags.optional(),
  startDate: PartialDate.nullable().optional(),
  endDate: PartialDate.nullable().optional(),
  status: z.enum(PARTNERSHIP_STATUSES).nullable().optional(),
  description: optText(DESCRIPTION_MAX),
  tags: Tags.optional(),
  attributes: Attributes.optional(),
  synthetic: Synthetic.optional(),
});
export const Partnership = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(PARTNERSHIP_KINDS),
  focusAreas: z.array(z.string()),
  regionalScope: z.array(z.string()),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  status: z.enum(PARTNERSHIP_STATUSES).nullable(),
  description: z.string().nullable(),
  tags: z.array(z.string()),
  attributes: Attributes,
  synthetic: z.boolean(),
  ...timestamps,
});
export type Partnership = z.infer<typeof Partnership>;

export const MembershipFields = z.strictObject({
  partnershipId: Id,
  organisationId: Id,
  role: z.enum(MEMBER_ROLES),
  startDate: PartialDate.nullable().optional(),
  endDate: PartialDate.nullable().optional(),
});
export const Membership = z.object({
  id: Id,
  partnershipId: Id,
  organisationId: Id,
  role: z.enum(MEMBER_ROLES),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  ...timestamps,
});
export type Membership = z.infer<typeof Membership>;

// ---------- events ----------
export const EventFields = z.strictObject({
  name,
  kind: z.enum(EVENT_KINDS),
  startDate: PartialDate.nullable().optional(),
  endDate: PartialDate.nullable().optional(),
  city: optText(200),
  country: CountryCode.nullable().optional(),
  mode: z.enum(EVENT_MODES).nullable().optional(),
  participantCount: z.number().int().min(0).max(10_000_000).nullable().optional(),
  participantCountQualifier: z.enum(COUNT_QUALIFIERS).optional(),
  description: optText(DESCRIPTION_MAX),
  tags: Tags.optional(),
  attributes: Attributes.optional(),
  synthetic: Synthetic.optional(),
});
export const Event = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(EVENT_KINDS),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  mode: z.enum(EVENT_MODES).nullable(),
  participantCount: z.number().nullable(),
  participantCountQualifier: z.enum(COUNT_QUALIFIERS),
  description: z.string().nullable(),
  tags: z.array(z.string()),
  attributes: Attributes,
  synthetic: z.boolean(),
  ...timestamps,
});
export type Event = z.infer<typeof Event>;

export const ParticipationFields = z.strictObject({
  eventId: Id,
  organisationId: Id,
  role: z.enum(PARTICIPANT_ROLES),
});
export const Participation = z.object({
  id: Id,
  eventId: Id,
  organisationId: Id,
  role: z.enum(PARTICIPANT_ROLES),
  ...timestamps,
});
export type Participation = z.infer<typeof Participation>;

// ---------- direct relations ----------
export const RelationFields = z.strictObject({
  sourceId: Id,
  targetId: Id,
  type: z.enum(RELATION_TYPES),
  startDate: PartialDate.nullable().optional(),
  endDate: PartialDate.nullable().optional(),
  description: optText(DESCRIPTION_MAX),
  attributes: Attributes.optional(),
  synthetic: Synthetic.optional(),
});
export const Relation = z.object({
  id: Id,
  sourceId: Id,
  targetId: Id,
  type: z.enum(RELATION_TYPES),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  description: z.string().nullable(),
  attributes: Attributes,
  synthetic: z.boolean(),
  ...timestamps,
});
export type Relation = z.infer<typeof Relation>;

// ---------- sources and citations ----------
export const SourceFields = z.strictObject({
  title: z.string().trim().min(1, 'A title is required').max(1000),
  url: Website.nullable().optional(),
  document: optText(1000),
  publisher: optText(500),
  publishedDate: PartialDate.nullable().optional(),
  notes: optText(20000),
});
export const Source = z.object({
  id: Id,
  title: z.string(),
  url: z.string().nullable(),
  document: z.string().nullable(),
  publisher: z.string().nullable(),
  publishedDate: z.string().nullable(),
  notes: z.string().nullable(),
  ...timestamps,
});
export type Source = z.infer<typeof Source>;

export const CitationFields = z.strictObject({
  sourceId: Id,
  recordType: z.enum(CITABLE_TYPES),
  recordId: Id,
  locator: optText(2000),
});
export const Citation = z.object({
  id: Id,
  sourceId: Id,
  recordType: z.enum(CITABLE_TYPES),
  recordId: Id,
  locator: z.string().nullable(),
  ...timestamps,
});
export type Citation = z.infer<typeof Citation>;

// ---------- attributes ----------
const AttributeKind = z.enum(ATTRIBUTE_KINDS);
const AttributeType = z.enum(ATTRIBUTE_TYPES);
const AttributeName = z.string().min(1).max(ATTRIBUTE_NAME_MAX);
const Bound = z.union([z.number().finite(), PartialDate]);
/**
 * A filter on one attribute: categorical ones keep records with any of `values` (compared as text,
 * a list matching by any item); numeric and date ones keep records within [min, max]. Records
 * without a value are left out while the filter is on.
 */
export const AttributeFilter = z
  .strictObject({
    kind: AttributeKind,
    name: AttributeName,
    values: z.array(z.string().max(1000)).max(1000).optional(),
    min: Bound.optional(),
    max: Bound.optional(),
  })
  .refine((f) => f.values !== undefined || f.min !== undefined || f.max !== undefined, 'An attribute filter needs values or a range');
export type AttributeFilter = z.infer<typeof AttributeFilter>;
export const AttributeInfo = z.object({
  kind: AttributeKind,
  name: z.string(),
  /** The type used everywhere: the user's correction if there is one, else the inferred one. */
  type: AttributeType,
  inferred: AttributeType,
  corrected: z.boolean(),
  /** Records of the kind that have a value. */
  count: z.number().int(),
});
export type AttributeInfo = z.infer<typeof AttributeInfo>;
export const AttributeRef = z.strictObject({ kind: AttributeKind, name: AttributeName });
export const SetAttributeTypeInput = z.strictObject({
  kind: AttributeKind,
  name: AttributeName,
  /** null: back to the inferred type. */
  type: AttributeType.nullable(),
});
export const AttributeValuesOutput = z.object({
  kind: AttributeKind,
  name: z.string(),
  type: AttributeType,
  /** Record ID → value, for the records that have one. */
  values: z.record(z.string(), JsonValue),
  /**
   * Relations only: the numeric values summed per pair of organisations ("idA idB", the smaller
   * ID first, a space between), so a tie of the organisation view can be drawn by its relations'.
   */
  pairs: z.record(z.string(), z.number()).optional(),
});

// ---------- graph filters and slices ----------
export const Filters = z.strictObject({
  regions: z.array(z.string().min(1)).max(20).optional(),
  subRegions: z.array(z.string().min(1)).max(50).optional(),
  countries: z.array(CountryCode).max(300).optional(),
  sectors: z.array(z.enum(SECTORS)).optional(),
  partnershipKinds: z.array(z.enum(PARTNERSHIP_KINDS)).optional(),
  focusAreas: z.array(Tag).max(200).optional(),
  eventKinds: z.array(z.enum(EVENT_KINDS)).optional(),
  dateFrom: PartialDate.optional(),
  dateTo: PartialDate.optional(),
  tags: z.array(Tag).max(200).optional(),
  text: z.string().trim().max(200).optional(),
  /** Only organisations that cite no source (neither a citation of their own nor by an import). */
  unsourced: z.literal(true).optional(),
  /** Ties weaker than this (fewer shared partnerships, events and relations) are not drawn. */
  minWeight: z.number().int().min(1, 'The minimum tie weight is at least 1').max(10_000).optional(),
  /** Filters on attributes, each narrowing what its record kind keeps (see graph/attribute-filters.ts). */
  attributes: z.array(AttributeFilter).max(30).optional(),
});
export type Filters = z.infer<typeof Filters>;

export const AttributeFacetInput = z.strictObject({ kind: AttributeKind, name: AttributeName, filters: Filters.optional() });
export const AttributeFacet = z.object({
  kind: AttributeKind,
  name: z.string(),
  type: AttributeType,
  /** Records (of those the filters keep) that have a value. */
  count: z.number().int(),
  /** Categorical: each value with how many records have it, commonest first (the first 500). */
  values: z.array(z.object({ value: z.string(), count: z.number().int() })),
  /** Distinct values past the first 500. */
  more: z.number().int(),
  /** Numbers and dates: the smallest and largest value. */
  range: z.object({ min: z.union([z.number(), z.string()]), max: z.union([z.number(), z.string()]) }).nullable(),
});
export type AttributeFacet = z.infer<typeof AttributeFacet>;

const GraphView = z.enum(GRAPH_VIEWS);

export const AggregateLevel = z.enum(AGGREGATE_LEVELS);
export type AggregateLevel = z.infer<typeof AggregateLevel>;

export const SliceInput = z.strictObject({
  filters: Filters.optional(),
  view: GraphView.optional(),
  /**
   * Above this many organisations in the filter, answer with an aggregated view (one node per
   * region, sub-region or country) instead of the organisations themselves.
   */
  aggregate: z.strictObject({ above: z.number().int().min(0).max(10_000_000), by: AggregateLevel }).optional(),
});
export const EgoInput = z.strictObject({
  organisationId: Id,
  depth: z.number().int().min(1, 'Depth is 1, 2 or 3').max(3, 'Depth is 1, 2 or 3'),
  filters: Filters.optional(),
  view: GraphView.optional(),
});

export const GraphNode = z.object({
  id: z.string(),
  type: z.enum(['organisation', 'partnership', 'event']),
  label: z.string(),
  name: z.string(),
  acronym: z.string().nullable(),
  sector: z.enum(SECTORS).nullable(),
  kind: z.string().nullable(),
  country: z.string().nullable(),
  countryName: z.string().nullable(),
  region: z.string().nullable(),
  subRegion: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  synthetic: z.boolean(),
  /** For an organisation: how many of the slice's partnerships it belongs to. */
  partnerships: z.number().int().optional(),
});
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphEdge = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  /** tie: organisation view; membership, participation, relation: full view. */
  type: z.enum(['tie', 'membership', 'participation', 'relation']),
  weight: z.number(),
  partnerships: z.number(),
  events: z.number(),
  relations: z.number(),
  role: z.string().nullable(),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
});
export type GraphEdge = z.infer<typeof GraphEdge>;

const Count = z.object({ shown: z.number(), total: z.number() });
export const SliceCounts = z.object({
  organisations: Count,
  ties: Count,
  partnerships: Count,
  events: Count,
  relations: Count,
});
export type SliceCounts = z.infer<typeof SliceCounts>;

/** One region, sub-region or country of an aggregated view. */
export const AggregateGroup = z.object({
  /** "region:Africa", "subRegion:Northern Africa", "country:KE"; "none" for organisations without a country. */
  id: z.string(),
  by: AggregateLevel,
  /** The filter value that expands the group: the region or sub-region name, or the country code; null for none. */
  key: z.string().nullable(),
  label: z.string(),
  /** The UN M49 region the group lies in (its own name for a region); null for no country. */
  region: z.string().nullable(),
  organisations: z.number().int(),
  /** Ties between organisations inside the group. */
  innerTies: z.number().int(),
  /** Its organisations by sector. */
  sectors: z.record(z.string(), z.number().int()),
});
const AggregateLink = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  /** Ties between organisations of the two groups, and the sum of their weights. */
  ties: z.number().int(),
  weight: z.number(),
});
export const Aggregate = z.object({ by: AggregateLevel, groups: z.array(AggregateGroup), links: z.array(AggregateLink) });
export type Aggregate = z.infer<typeof Aggregate>;
export type AggregateGroup = z.infer<typeof AggregateGroup>;

export const Slice = z.object({
  view: GraphView,
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
  counts: SliceCounts,
  /** Set instead of nodes and edges when the filter held more organisations than `aggregate.above`. */
  aggregate: Aggregate.optional(),
});
export type Slice = z.infer<typeof Slice>;

// ---------- explorer: timeline, facets, search, paths, metrics ----------
export const TimelineInput = z.strictObject({ filters: Filters.optional() });
/** Partnerships and events starting in each year, under every filter except the date range. */
export const Timeline = z.object({
  years: z.array(z.object({ year: z.number().int(), partnerships: z.number().int(), events: z.number().int() })),
  undated: z.object({ partnerships: z.number().int(), events: z.number().int() }),
});
export type Timeline = z.infer<typeof Timeline>;

const Facet = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
/** The values the filter panel offers, with how many organisations (or connectors) carry each. */
export const Facets = z.object({
  regions: z.array(Facet.extend({ subRegions: z.array(Facet) })),
  countries: z.array(Facet),
  sectors: z.array(Facet),
  partnershipKinds: z.array(Facet),
  eventKinds: z.array(Facet),
  focusAreas: z.array(Facet),
  tags: z.array(Facet),
  maxWeight: z.number().int(),
  years: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
});
export type Facets = z.infer<typeof Facets>;

export const SearchInput = z.strictObject({
  text: z.string().trim().min(1, 'Type something to search for').max(200),
  limit: z.number().int().min(1).max(200).optional(),
  types: z.array(z.enum(['organisation', 'partnership', 'event'])).optional(),
});
export const SearchHit = z.object({
  id: Id,
  type: z.enum(['organisation', 'partnership', 'event']),
  name: z.string(),
  acronym: z.string().nullable(),
  /** Country name for organisations, kind for partnerships and events. */
  detail: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;
export const SearchResult = z.object({ hits: z.array(SearchHit), total: z.number().int() });

export const PathInput = z.strictObject({
  from: Id,
  to: Id,
  filters: Filters.optional(),
  /**
   * A numeric relation attribute read as each tie's strength (weighed as graph.metrics does): the
   * path is then the one of least total length, a tie's length being 1 / its weight. Without it,
   * the path of fewest ties.
   */
  weight: AttributeName.optional(),
});
/** What one step of a path runs through: a shared partnership or event, or a direct relation. */
const PathVia = z.object({
  type: z.enum(['partnership', 'event', 'relation']),
  id: Id,
  name: z.string(),
  kind: z.string().nullable(),
});
const PathStep = z.object({
  from: z.object({ id: Id, name: z.string() }),
  to: z.object({ id: Id, name: z.string() }),
  via: z.array(PathVia),
});
export const PathResult = z.object({
  /** Organisation IDs from `from` to `to`; empty when no path exists within the filters. */
  nodes: z.array(Id),
  steps: z.array(PathStep),
  /** What the path was shortest by: the number of ties, or the sum of 1 / weight of the relation attribute `weight`. */
  by: z.object({ weight: z.string().nullable(), length: z.number() }),
});
export type PathResult = z.infer<typeof PathResult>;

export const MetricsInput = z.strictObject({
  filters: Filters.optional(),
  /** Metrics of an ego network rather than of the filtered slice. */
  ego: z.strictObject({ organisationId: Id, depth: z.number().int().min(1).max(3) }).optional(),
  /** Betweenness and closeness are exact up to this many organisations and sampled above. */
  exactUpTo: z.number().int().min(0).max(1_000_000).optional(),
  seed: z.number().int().optional(),
  /**
   * A numeric relation attribute to weigh ties by instead of counting them: a tie then weighs the
   * sum of that attribute over its direct relations, plus 1 for each partnership, event or relation
   * without a value. Weighted degree, PageRank and communities use it as it is; betweenness and
   * closeness then run over shortest paths whose tie lengths are 1 / weight (a strong tie is short).
   */
  weight: AttributeName.optional(),
});
/** What the estimate of sampled betweenness and closeness is worth, measured on generated networks (metrics/sampling-error.ts). */
const SamplingError = z.object({
  /** Pivots the figures were measured with (at most as many as this estimate used). */
  pivots: z.number().int(),
  /** Largest and mean absolute error of normalised betweenness over every organisation. */
  maxAbs: z.number(),
  meanAbs: z.number(),
  /** Spearman rank correlation, over the exact top 20, of their estimated and exact betweenness (worst seen). */
  top20Rank: z.number(),
  /** Of the exact top 20 by betweenness, how many the estimate also ranked in its top 20 (fewest seen). */
  top20Kept: z.number().int(),
  /** Largest relative error of closeness. */
  closenessRel: z.number(),
  /** The networks measured, in words. */
  graphs: z.string(),
});
export const NodeMetrics = z.object({
  id: Id,
  degree: z.number().int(),
  weightedDegree: z.number(),
  /** Normalised to [0, 1] as in networkx (divided by (n-1)(n-2)/2). */
  betweenness: z.number(),
  /** Wasserman-Faust closeness: reachable share times inverse mean distance. */
  closeness: z.number(),
  pagerank: z.number(),
  community: z.number().int(),
  component: z.number().int(),
});
export type NodeMetrics = z.infer<typeof NodeMetrics>;
export const Metrics = z.object({
  nodes: z.array(NodeMetrics),
  /** True when betweenness and closeness were estimated from a sample of sources. */
  estimated: z.boolean(),
  /** Sources searched when estimated (every node of a component under the pivot floor counts). */
  samples: z.number().int().nullable(),
  /** When estimated: pivots in the largest sampled component, of how many organisations, and the error measured at that many. */
  sampling: z.object({ pivots: z.number().int(), of: z.number().int(), error: SamplingError.nullable() }).nullable(),
  communities: z.number().int(),
  modularity: z.number(),
  components: z.number().int(),
  largestComponent: z.number().int(),
  /**
   * Organisation IDs that are the only link between some organisations and the rest (cut
   * vertices), the one joining most first (electron/engine/graph/metrics/brokers.ts).
   */
  brokers: z.array(Id),
  /** What the ties were weighed by: their count, or a relation attribute (with how many relations had a value). */
  weight: z.object({
    attribute: z.string().nullable(),
    relations: z.number().int(),
    /** Shortest paths (betweenness, closeness) count steps, or sum 1 / weight over the ties. */
    paths: z.enum(['steps', 'inverse']),
  }),
  /** For each broker, how many organisations it alone joins to the rest. */
  brokerJoins: z.array(z.number().int()),
  millis: z.number(),
});
export type Metrics = z.infer<typeof Metrics>;

// ---------- saved views ----------
const Position = z.object({ x: z.number().finite(), y: z.number().finite() });
/**
 * A saved view's style as stored. Earlier versions accepted any flat JSON under any key (and refused
 * the two objects the window writes, the ego network and the layout's options, so such views could
 * not be saved): a stored style is either, and readers go through `restoreStyle` (saved-view-style.ts).
 */
const StoredStyle = z
  .object({
    ego: z.union([SavedViewStyle.shape.ego, JsonValue]).optional(),
    layoutOptions: z.union([SavedViewStyle.shape.layoutOptions, JsonValue]).optional(),
  })
  .catchall(JsonValue);
export const SavedViewFields = z.strictObject({
  name: z.string().trim().min(1, 'A name is required').max(200),
  filters: Filters.optional(),
  view: GraphView.optional(),
  layout: z.string().max(100).nullable().optional(),
  positions: z.record(z.string(), Position).optional(),
  /** The keys the window writes are checked as it writes them; any other key holds flat JSON, as before. */
  style: z.object(SavedViewStyle.shape).partial().catchall(JsonValue).optional(),
});
export const SavedView = z.object({
  id: Id,
  name: z.string(),
  filters: Filters,
  view: GraphView,
  layout: z.string().nullable(),
  positions: z.record(z.string(), Position),
  style: StoredStyle,
  ...timestamps,
});
export type SavedView = z.infer<typeof SavedView>;

// ---------- generic CRUD inputs ----------
export const GetInput = z.strictObject({ id: Id });
export const DeleteInput = z.strictObject({ id: Id });
export const ListInput = z.strictObject({
  limit: z.number().int().min(1).max(10_000).optional(),
  offset: z.number().int().min(0).optional(),
  sort: z.string().max(60).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  /** Restrict to rows whose named reference equals this ID (e.g. partnershipId for memberships). */
  where: z.record(z.string().max(60), z.string().max(128)).optional(),
  text: z.string().trim().max(200).optional(),
});
export type ListInput = z.infer<typeof ListInput>;
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

// ---------- countries, details, stats, changes ----------
export const Country = z.object({
  code: z.string(),
  alpha3: z.string(),
  numeric: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  subRegion: z.string().nullable(),
  intermediateRegion: z.string().nullable(),
});
export type Country = z.infer<typeof Country>;

export const DetailsInput = z.strictObject({
  type: z.enum(['organisation', 'partnership', 'event']),
  id: Id,
});
const CitedSource = z.object({
  citationId: Id,
  locator: z.string().nullable(),
  recordType: z.enum(CITABLE_TYPES),
  recordId: Id,
  source: Source,
});
const Connection = z.object({
  id: Id,
  type: z.enum(['partnership', 'event', 'organisation']),
  name: z.string(),
  kind: z.string().nullable(),
  role: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});
export const Details = z.object({
  type: z.enum(['organisation', 'partnership', 'event']),
  record: z.union([Organisation, Partnership, Event]),
  country: Country.nullable(),
  connections: z.array(Connection),
  relations: z.array(
    z.object({
      id: Id,
      type: z.enum(RELATION_TYPES),
      direction: z.enum(['out', 'in']),
      other: z.object({ id: Id, name: z.string() }),
      /** For type 'other': the type the file it came from named ("cooperation"), if any. */
      typeName: z.string().nullable(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      /** Every attribute the relation carries (a weight, a channel…). */
      attributes: Attributes,
    }),
  ),
  sources: z.array(CitedSource),
  /** For an organisation: the organisations it is tied to, strongest tie first. Empty otherwise. */
  neighbours: z.array(
    z.object({
      id: Id,
      name: z.string(),
      weight: z.number(),
      partnerships: z.number().int(),
      events: z.number().int(),
      relations: z.number().int(),
    }),
  ),
});
export type Details = z.infer<typeof Details>;

const Tally = z.record(z.string(), z.number());
export const Stats = z.object({
  organisations: z.number(),
  partnerships: z.number(),
  memberships: z.number(),
  events: z.number(),
  participations: z.number(),
  relations: z.number(),
  sources: z.number(),
  citations: z.number(),
  savedViews: z.number(),
  ties: z.number(),
  synthetic: z.number(),
  organisationsByRegion: Tally,
  organisationsBySector: Tally,
  tiesByRegion: Tally,
  tiesBySector: Tally,
});
export type Stats = z.infer<typeof Stats>;

export const Change = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  importId: z.string().nullable(),
  recordType: z.enum(RECORD_TYPES),
  recordId: z.string(),
  op: z.enum(['create', 'update', 'delete']),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type Change = z.infer<typeof Change>;
export const ChangesInput = z.strictObject({
  recordId: z.string().max(128).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
  beforeSeq: z.number().int().min(1).optional(),
});

export const Info = z.object({
  appVersion: z.string(),
  schemaVersion: z.number(),
  dbPath: z.string(),
  organisations: z.number(),
  synthetic: z.boolean(),
  /** The snapshot file shown read-only instead of the network, or null for the network itself. */
  viewing: z.string().nullable(),
});
export type Info = z.infer<typeof Info>;
export const SnapshotViewInput = z.strictObject({ path: z.string().min(1).max(4096).nullable() });

// ---------- import ----------
const Column = z.string().min(1).max(500);
/** Which CSV column plays which part; guessed from the headers unless given. */
const ColumnMapping = z.strictObject({
  nodes: z
    .strictObject({
      id: Column.optional(),
      name: Column,
      country: Column.optional(),
      sector: Column.optional(),
      x: Column.optional(),
      y: Column.optional(),
    })
    .optional(),
  edges: z
    .strictObject({
      source: Column,
      target: Column,
      /** The node list's column the edge ends name (its ID column by default, else its name column). */
      refersTo: Column.optional(),
      id: Column.optional(),
      weight: Column.optional(),
      type: Column.optional(),
      start: Column.optional(),
      end: Column.optional(),
    })
    .optional(),
});
export const ImportInput = z.strictObject({
  /** A file, or for CSV a folder holding the per-record-type files or nodes.csv and edges.csv. */
  path: z.string().min(1, 'Which file?').max(4096),
  format: z.enum(IMPORT_FORMATS).optional(),
  onDuplicate: z.enum(['merge', 'skip', 'create']).optional(),
  /** Files larger than this are refused; the person importing can raise it. */
  maxBytes: z
    .number()
    .int()
    .min(1)
    .max(4 * 1024 * 1024 * 1024)
    .optional(),
  mapping: ColumnMapping.optional(),
  /** Rows the preview listed as bad (repeated IDs, failed checks) are left out and the rest imported. */
  skipBadRows: z.boolean().optional(),
  /** Nodes of the file with the same name and country: kept apart (the default) or merged into the first. */
  inFileDuplicates: z.enum(['apart', 'merge']).optional(),
  /** A column's values as the person mapped them: sector per value, country code (or '' for none) per value. */
  values: z
    .strictObject({
      sectors: z.record(z.string().max(500), z.enum(SECTORS)).optional(),
      countries: z.record(z.string().max(500), z.union([CountryCode, z.literal('')])).optional(),
    })
    .optional(),
  /** For CSV: lines before the header to skip; detected when not given. */
  skipLines: z.number().int().min(0).max(1000).optional(),
});
export type ImportInput = z.infer<typeof ImportInput>;
const ImportIssue = z.object({
  message: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
  element: z.string().optional(),
});
export const ImportSummary = z.object({
  file: z.string(),
  format: z.string(),
  nodes: z.number(),
  edges: z.number(),
  organisations: z.object({ create: z.number(), merge: z.number(), skip: z.number() }),
  relations: z.object({ create: z.number(), skip: z.number() }),
  /** Per record type, for imports of Atlas files (snapshots, per-type CSV, XLSX, Atlas-made graphs). */
  records: z.record(z.string(), z.object({ create: z.number(), merge: z.number(), skip: z.number() })),
  duplicates: z.array(
    z.object({
      name: z.string(),
      existingId: z.string(),
      matchedBy: z.enum(['id', 'name', 'acronym']),
      action: z.enum(['create', 'merge', 'skip']),
    }),
  ),
  warnings: z.array(ImportIssue),
  warningCount: z.number(),
  errors: z.array(ImportIssue),
  errorCount: z.number(),
  /**
   * Whether the errors are rows that can be left out (repeated IDs, rows failing a check) so the
   * rest imports with `skipBadRows`; false when the file is broken as a whole.
   */
  badRowsSkippable: z.boolean(),
  /** Bad rows left out because `skipBadRows` was set; each is among the warnings. */
  skippedRows: z.number(),
  /** How many of the file's records matched one already in the network (the list is capped). */
  duplicateCount: z.number(),
  /** Groups of nodes in this file with the same name and country but different IDs. */
  inFileDuplicates: z.array(z.object({ name: z.string(), country: z.string().nullable(), count: z.number(), lines: z.array(z.number()) })),
  inFileDuplicateCount: z.number(),
  unknownCountries: z.array(z.object({ value: z.string(), count: z.number() })),
  /** The sector column's values, how many nodes have each, the sector given and whether it was a guess. */
  sectorValues: z.array(
    z.object({ value: z.string(), count: z.number(), sector: z.enum(SECTORS), how: z.enum(['exact', 'guessed', 'chosen', 'none']) }),
  ),
  /** The country column's values that name no country, or that the person mapped. */
  countryValues: z.array(
    z.object({ value: z.string(), count: z.number(), country: z.string().nullable(), how: z.enum(['chosen', 'none']) }),
  ),
  /** CSV lines before the header that were skipped. */
  skippedLines: z.number(),
  /** Once imported: the organisations the import created or merged into (up to 100,000). */
  landed: z.object({ organisationIds: z.array(z.string()), organisations: z.number(), relations: z.number() }).nullable(),
  /** Whether the file carried node positions, kept as a saved view with a preset layout. */
  layout: z.boolean(),
  /** Once imported: the saved view holding those positions, if any. */
  layoutView: z.object({ id: z.string(), name: z.string() }).nullable(),
  importId: z.string().nullable(),
  /** For CSV node and edge lists: the columns found and the role each was given. */
  columns: z.object({ nodes: z.array(z.string()).nullable(), edges: z.array(z.string()).nullable(), mapping: ColumnMapping }).nullable(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

// ---------- export ----------
export const ExportScope = z.strictObject({
  filters: Filters.optional(),
  /** A selection: only these organisations (and what ties them). */
  organisationIds: z.array(Id).max(100_000).optional(),
  ego: z.strictObject({ organisationId: Id, depth: z.number().int().min(1).max(3) }).optional(),
  savedViewId: Id.optional(),
});
export type ExportScope = z.infer<typeof ExportScope>;

export const ExportInput = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  /** The file to write; for CSV, a folder that will hold one file per record type plus nodes.csv and edges.csv. */
  path: z.string().min(1, 'Where to?').max(4096),
  scope: ExportScope.optional(),
  /** Node positions to keep in formats that carry a layout. */
  positions: z.record(z.string(), Position).optional(),
  overwrite: z.boolean().optional(),
  /**
   * Fields left out of every record: a field name (description, website, city…), an attribute's
   * name, or `contact` for every contact and personal field (see interchange/export/omit.ts).
   */
  omit: z.array(z.string().trim().min(1).max(ATTRIBUTE_NAME_MAX)).max(200).optional(),
});
export type ExportInput = z.infer<typeof ExportInput>;
export const ExportResult = z.object({
  format: z.enum(EXPORT_FORMATS),
  files: z.array(z.string()),
  organisations: z.number(),
  partnerships: z.number(),
  events: z.number(),
  /** Memberships and participations written: with relations, the edges of a graph file. */
  links: z.number(),
  relations: z.number(),
  /** The fields the export left out, as the records had them (none when nothing was asked to be). */
  omitted: z.array(z.string()),
  /** Pairs of the organisations written that share a partnership or an event, or have a direct relation (the header's ties). */
  ties: z.number(),
});
export type ExportResult = z.infer<typeof ExportResult>;

// ---------- files crossing between the window and the engine ----------
export const StageInput = z.strictObject({
  name: z.string().min(1).max(255),
  /** The file's bytes, base64; 300 MB of base64 at most (a 200 MB file). */
  dataBase64: z.string().max(300 * 1024 * 1024),
  batch: Id.optional(),
});
export const Staged = z.object({ path: z.string(), folder: z.string(), batch: z.string() });
export const FetchInput = z.strictObject({ path: z.string().min(1).max(4096) });
export const Fetched = z.object({ name: z.string(), dataBase64: z.string() });
export const ExportStagedInput = ExportInput.omit({ path: true }).extend({ name: z.string().min(1).max(255) });

// ---------- undo, redo and imports ----------
/** One entry of the undo stack: everything one transaction wrote. */
export const Action = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  label: z.string(),
  importId: z.string().nullable(),
  /** How many places of the change log it took (records an import created in bulk included). */
  size: z.number().int(),
  kind: z.enum(ACTION_KINDS),
  state: z.enum(ACTION_STATES),
});
export type Action = z.infer<typeof Action>;
/** What Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z would do now. */
export const UndoState = z.object({ undo: Action.nullable(), redo: Action.nullable() });
export type UndoState = z.infer<typeof UndoState>;
export const UndoResult = UndoState.extend({
  /** The action undone or redone; null when there was nothing to do. */
  did: Action.nullable(),
  /** Organisations, partnerships and events the step touched, for the window to refresh what it shows. */
  touched: z.array(z.object({ type: z.enum(RECORD_TYPES), id: z.string() })).max(1000),
});
export type UndoResult = z.infer<typeof UndoResult>;
export const ActionsInput = z.strictObject({ limit: z.number().int().min(1).max(500).optional() });

export const ImportRun = z.object({
  id: z.string(),
  label: z.string(),
  format: z.string().nullable(),
  startedAt: z.string(),
  actor: z.string(),
  /** How many places in the change log the import took (about how many records it wrote). */
  size: z.number().int(),
  /** Whether it is taken back: undone from the stack or by "Undo this import". */
  undone: z.boolean(),
});
export type ImportRun = z.infer<typeof ImportRun>;
export const ImportUndoInput = z.strictObject({ importId: Id });
export const ImportUndone = z.object({ restored: z.number().int(), removed: z.number().int() });

// ---------- curation: duplicates, merges, impact, provenance, preferences, backups ----------
export const DuplicateReason = z.object({
  kind: z.enum(['same_name', 'same_acronym', 'same_domain', 'similar_name', 'name_is_acronym']),
  /** The name, acronym, domain or country the reason is about. */
  detail: z.string(),
  similarity: z.number().optional(),
  sameCountry: z.boolean().optional(),
});
export type DuplicateReason = z.infer<typeof DuplicateReason>;
const DuplicateSide = z.object({
  id: Id,
  name: z.string(),
  acronym: z.string().nullable(),
  country: z.string().nullable(),
  website: z.string().nullable(),
});
export const DuplicatePair = z.object({ a: DuplicateSide, b: DuplicateSide, reasons: z.array(DuplicateReason), score: z.number() });
export type DuplicatePair = z.infer<typeof DuplicatePair>;
export const DuplicatesInput = z.strictObject({ limit: z.number().int().min(1).max(5000).optional() });
export const Duplicates = z.object({ pairs: z.array(DuplicatePair), total: z.number().int(), millis: z.number() });
export const LikelyInput = z.strictObject({
  name: z.string().max(300),
  country: z.string().max(2).nullable().optional(),
  acronym: z.string().max(60).nullable().optional(),
});
export const Likely = z.array(DuplicateSide.extend({ why: z.string() }));

export const MergeInput = z.strictObject({
  /** The organisation that stays (its ID is kept). */
  keepId: Id,
  /** The organisation merged into it and then deleted; every tie and citation moves over. */
  mergeId: Id,
  /** For fields where the two differ: whose value the kept record takes (the kept one's by default). */
  choose: z.record(z.string().max(200), z.enum(['keep', 'merge'])).optional(),
  /** A source the merge is based on, cited by the kept organisation. */
  sourceId: Id.optional(),
});
export const MergeResult = z.object({
  organisation: Organisation,
  moved: z.object({
    memberships: z.number().int(),
    participations: z.number().int(),
    relations: z.number().int(),
    citations: z.number().int(),
  }),
  /** Ties the two shared (both in one partnership or event, a relation between them) folded into one. */
  folded: z.number().int(),
});

export const ImpactInput = z.strictObject({ type: z.enum(RECORD_TYPES), id: Id });
/** What deleting a record takes with it, by type, with a few names to show. */
export const Impact = z.object({
  total: z.number().int(),
  byType: z.record(z.string(), z.number().int()),
  examples: z.array(z.string()),
});

export const ProvenanceInput = z.strictObject({ type: z.enum(RECORD_TYPES), id: Id });
/** Who brought a record in and when: an import (named) or a person; and merges into it. */
export const Provenance = z.object({
  createdAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  importLabel: z.string().nullable(),
  importId: z.string().nullable(),
  lastChangedAt: z.string().nullable(),
  lastChangedBy: z.string().nullable(),
  merges: z.array(
    z.object({ mergedId: z.string(), mergedName: z.string(), at: z.string(), actor: z.string(), fields: z.record(z.string(), z.string()) }),
  ),
});
export type Provenance = z.infer<typeof Provenance>;

export const Preferences = z.object({ analystName: z.string().nullable() });
export const PreferencesInput = z.strictObject({
  analystName: z.string().trim().min(1, 'Your name, as changes will record it').max(120, 'At most 120 characters'),
});

export const Backup = z.object({
  name: z.string(),
  at: z.string(),
  reason: z.string(),
  bytes: z.number().int(),
  organisations: z.number().int().nullable(),
  /** Actions (undo steps) recorded after it, that restoring it would take away. */
  actionsSince: z.number().int().nullable(),
});
export type Backup = z.infer<typeof Backup>;
/** A backup is named, never given by path: the engine keeps them beside the database. */
export const BackupName = z.strictObject({ name: z.string().regex(/^atlas-[0-9TZ-]+-[a-z-]+\.sqlite$/, 'Not a backup of this network') });
export const UnsourcedInput = z.strictObject({
  type: z.enum(['organisation', 'partnership', 'event']).optional(),
  limit: z.number().int().min(1).max(10000).optional(),
});
export const Unsourced = z.object({ ids: z.array(Id), total: z.number().int() });
export const BulkInput = z.strictObject({
  ids: z.array(Id).min(1, 'Choose the records to change').max(100_000),
  set: z.strictObject({
    sector: z.enum(SECTORS).optional(),
    country: CountryCode.nullable().optional(),
    addTags: Tags.optional(),
    removeTags: Tags.optional(),
    attribute: z.strictObject({ name: z.string().min(1).max(ATTRIBUTE_NAME_MAX), value: JsonValue }).optional(),
  }),
  sourceId: Id.optional(),
});
export const BulkResult = z.object({ changed: z.number().int() });
