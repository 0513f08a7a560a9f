// From a parsed graph to a plan: which organisations and relations an import would create, merge
// or skip, matched against the network already in the database, with every warning and error
// located in the file. The preview shows the plan; running the import carries it out unchanged.
import type { Database } from 'better-sqlite3';
import { RELATION_TYPES, SECTORS, type Sector } from '../../../../shared/domain';
import { ATTRIBUTE_NAME_MAX, DESCRIPTION_MAX, OrganisationFields, RelationFields } from '../../../../shared/schemas';
import { matchKey } from '../../../../shared/text-fold';
import { CountryMatcher } from './countries';
import { listItems } from './list-cells';
import { existingOrganisations, nameKey } from './matching';
import type { AttrValue, ImportIssue, Location, ParsedEdge, ParsedGraph, ParsedNode } from '../model/parsed';

export type OnDuplicate = 'merge' | 'skip' | 'create';

export interface PlannedOrganisation {
  nodeId: string;
  id: string;
  action: 'create' | 'merge' | 'skip';
  matchedBy: 'id' | 'name' | 'acronym' | null;
  fields: Record<string, unknown>;
  location: Location;
}
/** A relation's fields, checked: the record it becomes once it has an ID and timestamps. */
export type PlannedRelation = Record<string, unknown>;
export interface ImportPlan {
  organisations: PlannedOrganisation[];
  relations: PlannedRelation[];
  /** Edges left out because the same relation is already in the network. */
  repeatedRelations: number;
  positions: Record<string, { x: number; y: number }>;
  warnings: ImportIssue[];
  errors: ImportIssue[];
  unknownCountries: { value: string; count: number }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const SECTOR_WORDS: Record<string, Sector> = {
  government: 'government',
  governmental: 'government',
  public: 'government',
  'public sector': 'government',
  state: 'government',
  intergovernmental: 'intergovernmental',
  igo: 'intergovernmental',
  'international organisation': 'intergovernmental',
  'international organization': 'intergovernmental',
  'civil society': 'civil_society',
  ngo: 'civil_society',
  cso: 'civil_society',
  'non governmental': 'civil_society',
  'non profit': 'civil_society',
  academia: 'academia',
  academic: 'academia',
  university: 'academia',
  research: 'academia',
  'private sector': 'private_sector',
  private: 'private_sector',
  business: 'private_sector',
  industry: 'private_sector',
  company: 'private_sector',
  other: 'other',
};

/**
 * An attribute name as `take` compares it. A file repeats a handful of names on every element, so
 * each is normalised once: normalising them afresh for every lookup of every element was a fifth
 * of planning a 250,000-element file.
 */
const keyForms = new Map<string, string>();
function keyForm(key: string): string {
  let form = keyForms.get(key);
  if (form === undefined) {
    form = matchKey(key).replace(/ /g, '_');
    if (keyForms.size < 10_000) keyForms.set(key, form);
  }
  return form;
}

/** The attribute whose name, case and punctuation aside, is one of `names`. */
function take(attrs: Record<string, AttrValue>, names: string[]): { key: string; value: AttrValue } | null {
  for (const key in attrs) {
    if (names.includes(keyForm(key))) return { key, value: attrs[key]! };
  }
  return null;
}
/** Takes the attribute `take` finds out of `attrs`, as text. */
function popText(attrs: Record<string, AttrValue>, names: string[]): string | null {
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

export function planImport(
  db: Database,
  graph: ParsedGraph,
  onDuplicate: OnDuplicate,
  newId: () => string,
  progress: (done: number, total: number) => void = () => {},
): ImportPlan {
  const total = graph.nodes.length + graph.edges.length;
  let done = 0;
  const countries = new CountryMatcher(db);
  const warnings: ImportIssue[] = [...graph.warnings];
  const errors: ImportIssue[] = [];
  const unknown = new Map<string, number>();
  const { ids: byId, byName, byAcronym } = existingOrganisations(db);
  const claimed = new Set<string>();
  // Nodes of this file by name key, to warn of likely duplicates inside it; never matched on.
  // Places in `organisations`, by name key.
  const inFile = new Map<string, number[]>();

  let unsectored = 0;
  const organisations: PlannedOrganisation[] = [];
  const idOfNode = new Map<string, string>();
  const positions: ImportPlan['positions'] = {};
  for (const node of graph.nodes) {
    progress(++done, total);
    const { sectorGuessed, ...fields } = organisationFields(node, countries, unknown, warnings);
    if (sectorGuessed) unsectored++;
    const check = OrganisationFields.safeParse(fields);
    if (!check.success) {
      const issue = check.error.issues[0]!;
      errors.push({ ...loc(node), message: `node '${node.id}': ${issue.path.join('.')}: ${issue.message}` });
      continue;
    }
    // A file's own IDs are kept only when they are global (UUID, ULID): "n0" in one file and "n0"
    // in another are different organisations.
    const globalId = UUID.test(node.id) || ULID.test(node.id);
    const key = nameKey(String(check.data.name), check.data.country);
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
      const same = inFile.get(key);
      if (same) same.push(organisations.length);
      else inFile.set(key, [organisations.length]);
    }
    idOfNode.set(node.id, id);
    if (node.position) positions[id] = node.position;
    organisations.push({ nodeId: node.id, id, action, matchedBy, fields: check.data as Record<string, unknown>, location: loc(node) });
  }
  for (const same of inFile.values()) {
    if (same.length < 2) continue;
    const first = organisations[same[0]!]!;
    const lines = same.map((k) => organisations[k]!.location.line).filter((l) => l !== undefined);
    const shown = lines.slice(0, 5);
    const where = shown.length ? ` (line${shown.length > 1 ? 's' : ''} ${shown.join(', ')}${same.length > shown.length ? ', …' : ''})` : '';
    const country = first.fields.country as string | null | undefined;
    warnings.push({
      message: `${same.length} nodes of this file are named "${String(first.fields.name)}"${country ? ` in ${country}` : ''}${where}, with different IDs: they may be one organisation, and are kept apart`,
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
  const relations: PlannedRelation[] = [];
  for (const edge of graph.edges) {
    progress(++done, total);
    const sourceId = idOfNode.get(edge.source);
    const targetId = idOfNode.get(edge.target);
    if (!sourceId || !targetId) {
      const missing = !sourceId ? edge.source : edge.target;
      warnings.push({
        ...loc(edge),
        message: `${edgeName(edge)} refers to node '${missing}', which the file does not declare or which was refused; the edge is skipped`,
      });
      continue;
    }
    if (sourceId === targetId) {
      warnings.push({ ...loc(edge), message: `${edgeName(edge)} joins a node to itself; skipped` });
      continue;
    }
    // Most edges carry no attribute or only a weight: copy only when there is something to change.
    let attrs = edge.attributes;
    let copied = false;
    const typed = take(attrs, ['type', 'relation', 'relation_type']);
    const type = typed && RELATION_TYPES.includes(String(typed.value) as never) ? String(typed.value) : 'other';
    if (typed && type !== 'other') {
      attrs = { ...attrs };
      copied = true;
      delete attrs[typed.key];
    }
    if (edge.weight !== null || !edge.directed) {
      if (!copied) attrs = { ...attrs };
      if (edge.weight !== null) attrs.weight = edge.weight;
      if (!edge.directed) attrs.directed = false;
    }
    const fields = {
      sourceId,
      targetId,
      type,
      startDate: edge.start,
      endDate: edge.end && edge.start && edge.end < edge.start ? null : edge.end,
      description: edge.label,
      attributes: cleanAttributes(attrs),
    };
    let valid: Record<string, unknown> = fields;
    if (!plainRelation(fields)) {
      const check = RelationFields.safeParse(fields);
      if (!check.success) {
        const issue = check.error.issues[0]!;
        errors.push({ ...loc(edge), message: `${edgeName(edge)}: ${issue.path.join('.')}: ${issue.message}` });
        continue;
      }
      valid = check.data as Record<string, unknown>;
    }
    if (existingRelations.size && onDuplicate !== 'create' && existingRelations.has(`${sourceId}|${targetId}|${type}`)) {
      repeated++;
      continue;
    }
    relations.push(valid);
  }
  if (repeated) warnings.push({ message: `${repeated} edge(s) repeat relations already in the network; skipped` });
  for (const [value, count] of unknown) {
    warnings.push({
      message: `Unknown country "${value}" on ${count} organisation(s); kept in their attributes as "country (as written)"`,
    });
  }
  return {
    organisations,
    relations,
    repeatedRelations: repeated,
    positions,
    warnings,
    errors,
    unknownCountries: [...unknown].map(([value, count]) => ({ value, count })),
  };
}

const edgeName = (edge: ParsedEdge): string => (edge.id ? `edge '${edge.id}'` : `edge ${edge.source} → ${edge.target}`);

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
  countries: CountryMatcher,
  unknown: Map<string, number>,
  warnings: ImportIssue[],
): Record<string, unknown> {
  const attrs = { ...node.attributes };
  const named = popText(attrs, ['name', 'label', 'title', 'organisation', 'organization']);
  const name = node.label?.trim() || named || node.id;
  if (named && named !== name) attrs['other name'] = named;
  // Parsers leave the position's own columns in the attributes; the position is kept as a layout.
  if (node.position) for (const k of Object.keys(attrs)) if (/^(x|y)$/i.test(k)) delete attrs[k];
  const acronym = popText(attrs, ['acronym', 'abbreviation', 'short_name']);
  const sectorText = popText(attrs, ['sector', 'type', 'category', 'kind']);
  const sector = sectorText
    ? SECTORS.includes(sectorText as Sector)
      ? (sectorText as Sector)
      : SECTOR_WORDS[matchKey(sectorText)]
    : undefined;
  if (sectorText && !sector) attrs['sector (as written)'] = sectorText;
  const countryText = popText(attrs, ['country', 'country_code', 'iso', 'iso2', 'iso3', 'nation']);
  let country: string | null = null;
  if (countryText) {
    country = countries.match(countryText);
    if (!country) {
      attrs['country (as written)'] = countryText;
      unknown.set(countryText, (unknown.get(countryText) ?? 0) + 1);
    }
  }
  const city = popText(attrs, ['city', 'town']);
  let website = popText(attrs, ['website', 'url', 'homepage', 'web']);
  if (website && !/^https?:\/\/\S+$/i.test(website)) {
    attrs['website (as written)'] = website;
    website = null;
  }
  const description = popText(attrs, ['description', 'notes', 'about']);
  const tagsAttr = take(attrs, ['tags', 'tag', 'keywords']);
  let tags: string[] = [];
  if (tagsAttr) {
    delete attrs[tagsAttr.key];
    tags = [...new Set(listItems(tagsAttr.value))].slice(0, 200);
  }
  if (node.start) attrs.active_from = node.start;
  if (node.end) attrs.active_until = node.end;
  if (node.parent) attrs.group = node.parent;
  if (!UUID.test(node.id) && !ULID.test(node.id)) attrs['id in file'] = node.id;
  if (name.length > 300) warnings.push({ ...loc(node), message: `node '${node.id}': name longer than 300 characters` });
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
