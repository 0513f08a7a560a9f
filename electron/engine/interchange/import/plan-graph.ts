// From a parsed graph to a plan: which organisations and relations an import would create, merge
// or skip, matched against the network already in the database, with every warning and error
// located in the file. The preview shows the plan; running the import carries it out unchanged.
import type { Database } from 'better-sqlite3';
import { RELATION_TYPES, type Sector } from '../../../../shared/domain';

type RelationType = (typeof RELATION_TYPES)[number];
import { ATTRIBUTE_NAME_MAX, DESCRIPTION_MAX, OrganisationFields, RelationFields, type ImportInput } from '../../../../shared/schemas';
import { columnKey, COUNTRY_COLUMNS, NAME_COLUMNS, SECTOR_COLUMNS } from '../model/column-names';
import { CountryMatcher } from './countries';
import { listItems } from './list-cells';
import { existingOrganisations, nameKey } from './matching';
import { CountryColumn, sectorOf, type SectorHow } from './values';
import type { AttrValue, ImportIssue, Location, ParsedEdges, ParsedGraph, ParsedNode } from '../model/parsed';
import type { RecordObject } from '../../store/tables';
import { fillGaps } from './fill-gaps';
import { PlannedRelations } from './planned-relations';

export type OnDuplicate = 'merge' | 'skip' | 'create';

/** What the person importing chose on the preview; every field has a default. */
export interface PlanChoices {
  onDuplicate?: OnDuplicate;
  skipBadRows?: boolean;
  inFileDuplicates?: 'apart' | 'merge';
  values?: ImportInput['values'];
}

export interface PlannedOrganisation {
  nodeId: string;
  id: string;
  /** `merge` into another node of this file (`inFile`) is carried out in the plan: nothing to write. */
  action: 'create' | 'merge' | 'skip';
  matchedBy: 'id' | 'name' | 'acronym' | null;
  inFile?: true;
  fields: Record<string, unknown>;
  location: Location;
}
export interface InFileGroup {
  name: string;
  country: string | null;
  count: number;
  lines: number[];
}
export interface ImportPlan {
  organisations: PlannedOrganisation[];
  /** The relations' checked fields, by columns: each becomes a record once it has an ID and timestamps. */
  relations: PlannedRelations;
  /** Edges left out because the same relation is already in the network. */
  repeatedRelations: number;
  positions: Record<string, { x: number; y: number }>;
  warnings: ImportIssue[];
  /** Rows that fail: refused unless skipped (`skipBadRows`), when they are among the warnings instead. */
  errors: ImportIssue[];
  /** Whether the errors are a few bad rows (skippable) rather than a file broken as a whole. */
  badRowsSkippable: boolean;
  skippedRows: number;
  inFileGroups: InFileGroup[];
  unknownCountries: { value: string; count: number }[];
  sectorValues: { value: string; count: number; sector: Sector; how: SectorHow }[];
  countryValues: { value: string; count: number; country: string | null; how: 'chosen' | 'none' }[];
}

const RELATION_TYPE_NAMES = ['type', 'relation', 'relation_type'];
const ACRONYM_NAMES = ['acronym', 'abbreviation', 'short_name', 'sigle', 'sigla'];
const CITY_NAMES = ['city', 'town', 'ville', 'ciudad'];
const WEBSITE_NAMES = ['website', 'url', 'homepage', 'web'];
const DESCRIPTION_NAMES = ['description', 'notes', 'about'];
const TAG_NAMES = ['tags', 'tag', 'keywords'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
/** Each list of names as a set, made once: the lists are long (names in several languages) and asked of every attribute. */
const nameSets = new Map<readonly string[], Set<string>>();
function setOf(names: readonly string[]): Set<string> {
  let set = nameSets.get(names);
  if (!set) nameSets.set(names, (set = new Set(names)));
  return set;
}

/** The attribute whose name, case and punctuation aside, is one of `names`. */
function take(attrs: Record<string, AttrValue>, names: readonly string[]): { key: string; value: AttrValue } | null {
  const set = setOf(names);
  for (const key in attrs) {
    if (set.has(columnKey(key))) return { key, value: attrs[key]! };
  }
  return null;
}
/** Takes the attribute `take` finds out of `attrs`, as text. */
function popText(attrs: Record<string, AttrValue>, names: readonly string[]): string | null {
  const t = take(attrs, names);
  if (!t) return null;
  delete attrs[t.key];
  return str(t.value);
}

const str = (v: AttrValue | undefined): string | null =>
  v === null || v === undefined ? null : Array.isArray(v) ? v.join(', ') : String(v).trim() || null;

function firstUnclaimed(ids: string[] | undefined, claimed: Set<string>): string | undefined {
  if (ids === undefined) return undefined;
  for (const id of ids) if (!claimed.has(id)) return id;
  return undefined;
}

/** A value's count, in a map of counts. */
const tally = (m: Map<string, number>, v: string | null): void => {
  if (v !== null) m.set(v, (m.get(v) ?? 0) + 1);
};

/** How each sector value of the file reads, and how each country value does, before any node is planned. */
function readValues(graph: ParsedGraph, countries: CountryMatcher, values: PlanChoices['values']) {
  const sectorCounts = new Map<string, number>();
  const countryCounts = new Map<string, number>();
  for (const node of graph.nodes) {
    const s = take(node.attributes, SECTOR_COLUMNS);
    if (s) tally(sectorCounts, str(s.value));
    const c = take(node.attributes, COUNTRY_COLUMNS);
    if (c) tally(countryCounts, str(c.value));
  }
  const chosenSectors = values?.sectors ?? {};
  const sectors = new Map<string, { sector: Sector; how: SectorHow }>();
  for (const value of sectorCounts.keys()) {
    const chosen = chosenSectors[value];
    sectors.set(value, chosen ? { sector: chosen, how: 'chosen' } : sectorOf(value));
  }
  const country = new CountryColumn(countries, countryCounts, values?.countries);
  return { sectors, sectorCounts, country, countryCounts };
}

export function planImport(
  db: Database,
  graph: ParsedGraph,
  choices: PlanChoices,
  newId: () => string,
  progress: (done: number, total: number) => void = () => {},
): ImportPlan {
  const onDuplicate = choices.onDuplicate ?? 'merge';
  const mergeInFile = choices.inFileDuplicates === 'merge';
  const total = graph.nodes.length + graph.edges.length;
  let done = 0;
  const warnings: ImportIssue[] = [...graph.warnings];
  const errors: ImportIssue[] = [...(graph.rejected ?? [])];
  const unknown = new Map<string, number>();
  const values = readValues(graph, new CountryMatcher(db), choices.values);
  const { ids: byId, byName, byAcronym } = existingOrganisations(db);
  const claimed = new Set<string>();
  // Nodes of this file by name key, to warn of likely duplicates inside it; matched on only when
  // the person chose to merge them. Places in `organisations`, by name key.
  const inFile = new Map<string, number[]>();

  let unsectored = 0;
  const organisations: PlannedOrganisation[] = [];
  // Each node's place in `organisations`, whose ID its edges take (a node merged in the file has its first's).
  const placeOfNode = new Map<string, number>();
  const positions: ImportPlan['positions'] = {};
  for (const node of graph.nodes) {
    progress(++done, total);
    const { sectorGuessed, ...fields } = organisationFields(node, values, unknown);
    if (sectorGuessed) unsectored++;
    const check = OrganisationFields.safeParse(fields);
    if (!check.success) {
      const issue = check.error.issues[0]!;
      errors.push({ ...loc(node), message: `node '${shortId(node.id)}': ${issue.path.join('.')}: ${issue.message}` });
      continue;
    }
    const key = nameKey(String(check.data.name), check.data.country);
    const same = key === null ? undefined : inFile.get(key);
    if (mergeInFile && same) {
      // Merged into the first node of that name: its fields fill the first's gaps, its edges join the first.
      const first = organisations[same[0]!]!;
      Object.assign(first.fields, fillGaps(first.fields as RecordObject, check.data as Record<string, unknown>));
      placeOfNode.set(node.id, organisations.length);
      same.push(organisations.length);
      organisations.push({
        nodeId: node.id,
        id: first.id,
        action: 'merge',
        matchedBy: 'name',
        inFile: true,
        fields: {},
        location: loc(node),
      });
      continue;
    }
    // A file's own IDs are kept only when they are global (UUID, ULID): "n0" in one file and "n0"
    // in another are different organisations.
    const globalId = UUID.test(node.id) || ULID.test(node.id);
    // Each organisation already here is matched by one node of the file at most: two nodes of one
    // file are two records, and merging both into one would merge them into each other.
    const byOwnId = globalId && byId.has(node.id) && !claimed.has(node.id) ? node.id : undefined;
    const byItsName = key === null ? undefined : firstUnclaimed(byName.get(key), claimed);
    const acronymOf = key === null ? undefined : byAcronym.get(key);
    const byItsAcronym = acronymOf !== undefined && !claimed.has(acronymOf) ? acronymOf : undefined;
    const existing = byOwnId ?? byItsName ?? byItsAcronym;
    const matchedBy = existing === undefined ? null : byOwnId ? 'id' : byItsName ? 'name' : 'acronym';
    let action: PlannedOrganisation['action'] = 'create';
    let id = globalId && !byId.has(node.id) ? node.id : newId();
    if (existing !== undefined && onDuplicate !== 'create') {
      action = onDuplicate;
      id = existing;
      claimed.add(existing);
    }
    if (key !== null) {
      if (same) same.push(organisations.length);
      else inFile.set(key, [organisations.length]);
    }
    placeOfNode.set(node.id, organisations.length);
    if (node.position) positions[id] = node.position;
    organisations.push({ nodeId: node.id, id, action, matchedBy, fields: check.data as Record<string, unknown>, location: loc(node) });
  }
  const inFileGroups: InFileGroup[] = [];
  for (const same of inFile.values()) {
    if (same.length < 2) continue;
    const first = organisations[same[0]!]!;
    const lines = same.map((k) => organisations[k]!.location.line).filter((l) => l !== undefined);
    const country = (first.fields.country as string | null | undefined) ?? null;
    inFileGroups.push({ name: String(first.fields.name), country, count: same.length, lines });
    const shown = lines.slice(0, 5);
    const where = shown.length ? ` (line${shown.length > 1 ? 's' : ''} ${shown.join(', ')}${same.length > shown.length ? ', …' : ''})` : '';
    warnings.push({
      message: `${same.length} nodes of this file are named "${String(first.fields.name)}"${country ? ` in ${country}` : ''}${where}, with different IDs: ${mergeInFile ? 'they are merged into one organisation' : 'they may be one organisation, and are kept apart'}`,
    });
  }
  if (unsectored) {
    warnings.push({ message: `${unsectored} organisation(s) have no recognised sector and were set to "other"` });
  }

  // A relation already present (same ends, same type) is not added twice: importing a file again
  // must not double its edges.
  const existingRelations = new Set(
    (db.prepare('SELECT source_id, target_id, type FROM relation').raw().all() as string[][]).map((r) => r.join('|')),
  );
  let repeated = 0;
  const relations = new PlannedRelations();
  const edges = graph.edges;
  // Each end's place in `organisations`, by the end's place in the edges' names (-1: no such node).
  const placeOfEnd = Int32Array.from(edges.endNames, (name) => placeOfNode.get(name) ?? -1);
  for (let k = 0; k < edges.length; k++) {
    progress(++done, total);
    const source = placeOfEnd[edges.sourcePlace(k)]!;
    const target = placeOfEnd[edges.targetPlace(k)]!;
    if (source < 0 || target < 0) {
      const missing = source < 0 ? edges.sourceOf(k) : edges.targetOf(k);
      warnings.push({
        ...edges.locationOf(k),
        message: `${edgeName(edges, k)} refers to node '${missing}', which the file does not declare or which was refused; the edge is skipped`,
      });
      continue;
    }
    const sourceId = organisations[source]!.id;
    const targetId = organisations[target]!.id;
    if (sourceId === targetId) {
      warnings.push({ ...edges.locationOf(k), message: `${edgeName(edges, k)} joins a node to itself; skipped` });
      continue;
    }
    const weight = edges.weightOf(k);
    const directed = edges.directedOf(k);
    // Most edges are their ends, a weight and a direction: a few numbers in the plan.
    if (edges.isBare(k) && (weight === null || Number.isFinite(weight))) {
      if (existingRelations.size && onDuplicate !== 'create' && existingRelations.has(`${sourceId}|${targetId}|other`)) repeated++;
      else relations.addPlain(source, target, 'other', weight, directed);
      continue;
    }
    let attrs = edges.attributesOf(k) as Record<string, AttrValue>;
    let copied = false;
    const typed = take(attrs, RELATION_TYPE_NAMES);
    const type = typed && RELATION_TYPES.includes(String(typed.value) as never) ? (String(typed.value) as RelationType) : 'other';
    const [start, end, label] = [edges.startOf(k), edges.endOf(k), edges.labelOf(k)];
    // So are edges whose only attribute is a known relation type.
    if (start === null && end === null && label === null && (weight === null || Number.isFinite(weight))) {
      let n = 0;
      for (const key in attrs) if (key !== typed?.key || type === 'other') n++;
      if (n === 0) {
        if (existingRelations.size && onDuplicate !== 'create' && existingRelations.has(`${sourceId}|${targetId}|${type}`)) repeated++;
        else relations.addPlain(source, target, type, weight, directed);
        continue;
      }
    }
    // Anything else is checked field by field: copy the attributes only when there is something to change.
    if (typed && type !== 'other') {
      attrs = { ...attrs };
      copied = true;
      delete attrs[typed.key];
    }
    if (weight !== null || !directed) {
      if (!copied) attrs = { ...attrs };
      if (weight !== null) attrs.weight = weight;
      if (!directed) attrs.directed = false;
    }
    const fields = {
      sourceId,
      targetId,
      type,
      startDate: start,
      endDate: end && start && end < start ? null : end,
      description: label,
      attributes: cleanAttributes(attrs),
    };
    let valid: Record<string, unknown> = fields;
    if (!plainRelation(fields)) {
      const check = RelationFields.safeParse(fields);
      if (!check.success) {
        const issue = check.error.issues[0]!;
        errors.push({ ...edges.locationOf(k), message: `${edgeName(edges, k)}: ${issue.path.join('.')}: ${issue.message}` });
        continue;
      }
      valid = check.data as Record<string, unknown>;
    }
    if (existingRelations.size && onDuplicate !== 'create' && existingRelations.has(`${sourceId}|${targetId}|${type}`)) {
      repeated++;
      continue;
    }
    relations.addFields(valid);
  }
  if (repeated) warnings.push({ message: `${repeated} edge(s) repeat relations already in the network; skipped` });
  for (const [value, count] of unknown) {
    warnings.push({
      message: `Unknown country "${value}" on ${count} organisation(s); kept in their attributes as "country (as written)"`,
    });
  }
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  // A few bad rows can be left out; a file where as many rows fail as pass is broken as a whole.
  const badRowsSkippable = errors.length > 0 && errors.length * 2 < total + (graph.rejected?.length ?? 0);
  let skippedRows = 0;
  if (choices.skipBadRows && badRowsSkippable) {
    skippedRows = errors.length;
    warnings.unshift(...errors.map((e) => ({ ...e, message: `${e.message}; this row is skipped` })));
    errors.length = 0;
  }
  const { sectors, sectorCounts, country, countryCounts } = values;
  return {
    organisations,
    relations,
    repeatedRelations: repeated,
    positions,
    warnings,
    errors,
    badRowsSkippable,
    skippedRows,
    inFileGroups,
    unknownCountries: [...unknown].map(([value, count]) => ({ value, count })),
    sectorValues: [...sectorCounts].map(([value, count]) => ({ value, count, ...sectors.get(value)! })).sort((a, b) => b.count - a.count),
    countryValues: [...countryCounts]
      .filter(([value]) => choices.values?.countries?.[value] !== undefined || country.resolve(value) === null)
      .map(([value, count]) => ({
        value,
        count,
        country: country.resolve(value),
        how: choices.values?.countries?.[value] !== undefined ? ('chosen' as const) : ('none' as const),
      }))
      .sort((a, b) => b.count - a.count),
  };
}

/** An ID as a message quotes it: a name used as an ID may be far too long to read. */
const shortId = (id: string): string => (id.length > 60 ? `${id.slice(0, 57)}…` : id);

function edgeName(edges: ParsedEdges, k: number): string {
  const id = edges.idOf(k);
  return id ? `edge '${id}'` : `edge ${edges.sourceOf(k)} → ${edges.targetOf(k)}`;
}

/**
 * Whether a relation's fields are certainly what RelationFields would accept and return unchanged:
 * the IDs are ours, the type is from the list, so only dates, the description and the attributes
 * need a look. Anything else goes through the schema, whose answer (and message) stays the rule;
 * the schema, run on every one of 200,000 edges, was a tenth of planning them.
 */
function plainRelation(f: {
  startDate: string | null;
  endDate: string | null;
  description: string | null;
  attributes: Record<string, AttrValue>;
}): boolean {
  if (f.startDate !== null || f.endDate !== null) return false;
  if (f.description !== null && (f.description.length > DESCRIPTION_MAX || f.description !== f.description.trim())) return false;
  for (const k in f.attributes) {
    const v = f.attributes[k];
    if (k.length === 0 || k.length > ATTRIBUTE_NAME_MAX) return false;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number' && Number.isFinite(v)) continue;
    return false;
  }
  return true;
}

function loc(x: Location): Location {
  const l: Location = {};
  if (x.line !== undefined) l.line = x.line;
  if (x.column !== undefined) l.column = x.column;
  if (x.element !== undefined) l.element = x.element;
  return l;
}

function organisationFields(
  node: ParsedNode,
  values: ReturnType<typeof readValues>,
  unknown: Map<string, number>,
): Record<string, unknown> {
  const attrs = { ...node.attributes };
  const named = popText(attrs, NAME_COLUMNS);
  const name = node.label?.trim() || named || node.id;
  if (named && named !== name) attrs['other name'] = named;
  // Parsers leave the position's own columns in the attributes; the position is kept as a layout.
  if (node.position) for (const k of Object.keys(attrs)) if (/^(x|y)$/i.test(k)) delete attrs[k];
  const acronym = popText(attrs, ACRONYM_NAMES);
  const sectorText = popText(attrs, SECTOR_COLUMNS);
  const read = sectorText === null ? undefined : values.sectors.get(sectorText);
  const sector = read && read.how !== 'none' ? read.sector : undefined;
  if (sectorText && read?.how !== 'exact') attrs['sector (as written)'] = sectorText;
  const countryText = popText(attrs, COUNTRY_COLUMNS);
  let country: string | null = null;
  if (countryText) {
    country = values.country.resolve(countryText);
    if (!country && !values.country.isMissing(countryText)) {
      attrs['country (as written)'] = countryText;
      unknown.set(countryText, (unknown.get(countryText) ?? 0) + 1);
    }
  }
  const city = popText(attrs, CITY_NAMES);
  let website = popText(attrs, WEBSITE_NAMES);
  if (website && !/^https?:\/\/\S+$/i.test(website)) {
    attrs['website (as written)'] = website;
    website = null;
  }
  const description = popText(attrs, DESCRIPTION_NAMES);
  const tagsAttr = take(attrs, TAG_NAMES);
  let tags: string[] = [];
  if (tagsAttr) {
    delete attrs[tagsAttr.key];
    tags = [...new Set(listItems(tagsAttr.value))].slice(0, 200);
  }
  if (node.start) attrs.active_from = node.start;
  if (node.end) attrs.active_until = node.end;
  if (node.parent) attrs.group = node.parent;
  if (!UUID.test(node.id) && !ULID.test(node.id)) attrs['id in file'] = node.id;
  return {
    name,
    acronym,
    sector: sector ?? 'other',
    sectorGuessed: !sector,
    country,
    city,
    website,
    description,
    tags,
    attributes: cleanAttributes(attrs),
  };
}

/**
 * Attribute names and values as the schema accepts them: short keys, JSON primitives or lists.
 * Attributes that already are come back as they are: a copy for each of 200,000 edges was garbage.
 */
function cleanAttributes(attrs: Record<string, AttrValue>): Record<string, AttrValue> {
  if (isClean(attrs)) return attrs;
  const out: Record<string, AttrValue> = {};
  for (const [k, v] of Object.entries(attrs)) {
    const key = k.trim().slice(0, ATTRIBUTE_NAME_MAX);
    if (!key) continue;
    out[key] = typeof v === 'number' && !Number.isFinite(v) ? String(v) : v;
  }
  return out;
}

function isClean(attrs: Record<string, AttrValue>): boolean {
  for (const k in attrs) {
    const v = attrs[k];
    if (k.length === 0 || k.length > ATTRIBUTE_NAME_MAX || k.trim() !== k) return false;
    if (typeof v === 'number' && !Number.isFinite(v)) return false;
  }
  return true;
}
