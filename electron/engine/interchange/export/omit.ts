// Fields an export leaves out (`omit` in export.run, `atlas export --omit FIELD`): a workshop
// snapshot shared outside the team carries nothing that was meant to stay. A name is a record
// field (description, website, city…: any field a record can be without), an attribute's name,
// or `contact`, which stands for every contact and personal field: websites, cities, and
// attributes whose names say they hold e-mail addresses, phone numbers, addresses or people.
import { AtlasError } from '../../../../shared/errors';
import type { AttributeStats } from '../model/attribute-columns';
import type { BundleReader, Part } from '../model/bundle';

/** Fields a record can be without, and what it holds instead. */
const OPTIONAL_FIELDS: Record<string, null | []> = {
  acronym: null,
  country: null,
  city: null,
  website: null,
  description: null,
  tags: [],
  focusAreas: [],
  regionalScope: [],
  status: null,
  mode: null,
  participantCount: null,
  locator: null,
  notes: null,
  publisher: null,
  url: null,
  document: null,
};

const CONTACT_FIELDS = ['website', 'city'];
const CONTACT = 'contact';
const PERSONAL_ATTRIBUTE = /e-?mail|phone|mobile|\btel\b|telephone|fax|contact|address|person|people|linkedin|twitter|whatsapp|signal/i;

export interface Omission {
  fields: string[];
  attributes: Set<string>;
  /** What the export says it left out. */
  names: string[];
}

/** Which fields and attributes the names stand for; an unknown name is refused rather than ignored. */
export function resolveOmit(names: readonly string[], attributes: readonly AttributeStats[]): Omission {
  const fields = new Set<string>();
  const attrs = new Set<string>();
  const known = new Set(attributes.map((a) => a.name));
  for (const name of names) {
    if (name === CONTACT) {
      for (const f of CONTACT_FIELDS) fields.add(f);
      for (const a of known) if (PERSONAL_ATTRIBUTE.test(a)) attrs.add(a);
    } else if (Object.hasOwn(OPTIONAL_FIELDS, name)) fields.add(name);
    else if (known.has(name)) attrs.add(name);
    else {
      throw new AtlasError(
        'validation',
        `"${name}" is neither a field an export can leave out (${Object.keys(OPTIONAL_FIELDS).join(', ')}, ${CONTACT}) nor an attribute of these records`,
        'omit',
      );
    }
  }
  return { fields: [...fields], attributes: attrs, names: [...fields, ...[...attrs].map((a) => `attribute ${a}`)] };
}

function without(record: Record<string, unknown>, o: Omission): Record<string, unknown> {
  let out = record;
  for (const f of o.fields) {
    if (f in record) {
      if (out === record) out = { ...record };
      out[f] = OPTIONAL_FIELDS[f] === null ? null : [];
    }
  }
  const attrs = record.attributes as Record<string, unknown> | undefined;
  if (attrs && o.attributes.size > 0 && Object.keys(attrs).some((k) => o.attributes.has(k))) {
    if (out === record) out = { ...record };
    out.attributes = Object.fromEntries(Object.entries(attrs).filter(([k]) => !o.attributes.has(k)));
  }
  return out;
}

/** The same records without the omitted fields. */
export function omitting(reader: BundleReader, o: Omission): BundleReader {
  if (o.fields.length === 0 && o.attributes.size === 0) return reader;
  return {
    count: (part) => reader.count(part),
    dates: (part) => reader.dates(part),
    directedRelations: () => reader.directedRelations(),
    records: function* <K extends Part>(part: K) {
      for (const r of reader.records(part)) yield without(r as Record<string, unknown>, o) as never;
    } as BundleReader['records'],
  };
}
