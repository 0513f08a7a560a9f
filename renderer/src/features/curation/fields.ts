// What each form asks for: the fields of every record type a person edits, how each is typed
// (text, a choice, a partial date, a country, a list, an organisation), and how the typed text
// becomes the record's value. Validation is the shared zod schema of the record's fields
// (shared/schemas.ts), the same one the engine checks, so a form never accepts what the engine
// would refuse; each issue is shown beside the field it names.
import {
  EVENT_KINDS,
  EVENT_MODES,
  MEMBER_ROLES,
  PARTICIPANT_ROLES,
  PARTNERSHIP_KINDS,
  PARTNERSHIP_STATUSES,
  RELATION_TYPES,
  SECTOR_LABELS,
  SECTORS,
} from '../../../../shared/domain';
import { EventFields, OrganisationFields, PartnershipFields, RelationFields, SourceFields, type Country } from '../../../../shared/schemas';
import { humanise } from '../details/format';

export type EditableType = 'organisation' | 'partnership' | 'event' | 'relation' | 'source';

export type FieldKind = 'text' | 'long' | 'choice' | 'date' | 'country' | 'list' | 'number' | 'organisation';
export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  options?: { value: string; label: string }[];
  required?: boolean;
  hint?: string;
}

const choice = (values: readonly string[], labels: Record<string, string> = {}) =>
  values.map((v) => ({ value: v, label: labels[v] ?? humanise(v) }));
const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';

export const FORM_FIELDS: Record<EditableType, FieldSpec[]> = {
  organisation: [
    { key: 'name', label: 'Name', kind: 'text', required: true },
    { key: 'acronym', label: 'Acronym', kind: 'text' },
    { key: 'sector', label: 'Sector', kind: 'choice', options: choice(SECTORS, SECTOR_LABELS), required: true },
    { key: 'country', label: 'Country', kind: 'country', hint: 'A name or a code; empty for an international body' },
    { key: 'city', label: 'City', kind: 'text' },
    { key: 'website', label: 'Website', kind: 'text', hint: 'https://…' },
    { key: 'tags', label: 'Tags', kind: 'list', hint: 'Separated by commas' },
    { key: 'description', label: 'Description', kind: 'long' },
  ],
  partnership: [
    { key: 'name', label: 'Name', kind: 'text', required: true },
    { key: 'kind', label: 'Kind', kind: 'choice', options: choice(PARTNERSHIP_KINDS), required: true },
    { key: 'status', label: 'Status', kind: 'choice', options: choice(PARTNERSHIP_STATUSES) },
    { key: 'startDate', label: 'Start', kind: 'date', hint: DATE_HINT },
    { key: 'endDate', label: 'End', kind: 'date', hint: DATE_HINT },
    { key: 'focusAreas', label: 'Focus areas', kind: 'list', hint: 'Separated by commas' },
    { key: 'regionalScope', label: 'Regional scope', kind: 'list', hint: 'Separated by commas' },
    { key: 'tags', label: 'Tags', kind: 'list', hint: 'Separated by commas' },
    { key: 'description', label: 'Description', kind: 'long' },
  ],
  event: [
    { key: 'name', label: 'Name', kind: 'text', required: true },
    { key: 'kind', label: 'Kind', kind: 'choice', options: choice(EVENT_KINDS), required: true },
    { key: 'startDate', label: 'Start', kind: 'date', hint: DATE_HINT },
    { key: 'endDate', label: 'End', kind: 'date', hint: DATE_HINT },
    { key: 'mode', label: 'Mode', kind: 'choice', options: choice(EVENT_MODES) },
    { key: 'city', label: 'City', kind: 'text' },
    { key: 'country', label: 'Country', kind: 'country', hint: 'A name or a code' },
    { key: 'participantCount', label: 'Participants', kind: 'number' },
    { key: 'tags', label: 'Tags', kind: 'list', hint: 'Separated by commas' },
    { key: 'description', label: 'Description', kind: 'long' },
  ],
  relation: [
    { key: 'sourceId', label: 'From', kind: 'organisation', required: true },
    { key: 'type', label: 'Type', kind: 'choice', options: choice(RELATION_TYPES), required: true },
    { key: 'targetId', label: 'To', kind: 'organisation', required: true },
    { key: 'startDate', label: 'Start', kind: 'date', hint: DATE_HINT },
    { key: 'endDate', label: 'End', kind: 'date', hint: DATE_HINT },
    { key: 'description', label: 'Description', kind: 'long' },
  ],
  source: [
    { key: 'title', label: 'Title', kind: 'text', required: true },
    { key: 'url', label: 'Web address', kind: 'text', hint: 'https://…' },
    { key: 'document', label: 'Document', kind: 'text' },
    { key: 'publisher', label: 'Publisher', kind: 'text' },
    { key: 'publishedDate', label: 'Published', kind: 'date', hint: DATE_HINT },
    { key: 'notes', label: 'Notes', kind: 'long' },
  ],
};

const SCHEMAS = {
  organisation: OrganisationFields,
  partnership: PartnershipFields,
  event: EventFields,
  relation: RelationFields,
  source: SourceFields,
};

export const NOUNS: Record<EditableType, string> = {
  organisation: 'organisation',
  partnership: 'partnership',
  event: 'event',
  relation: 'relation',
  source: 'source',
};

export const ROLES = { partnership: choice(MEMBER_ROLES), event: choice(PARTICIPANT_ROLES) };

/** "Ghana (GH)": how a country is offered, and read back. */
export const countryOption = (c: Country) => `${c.name} (${c.code})`;

/**
 * A country typed by name or code: "GH", "gh", "Ghana", "ghana", "Ghana (GH)". Null when empty;
 * undefined when nothing matches (the form says so beside the field).
 */
export function readCountry(text: string, countries: Country[]): string | null | undefined {
  const t = text.trim();
  if (!t) return null;
  const inBrackets = /\(([A-Za-z]{2})\)\s*$/.exec(t);
  const code = (inBrackets ? inBrackets[1]! : t).toUpperCase();
  if (countries.some((c) => c.code === code)) return code;
  const lower = t.toLowerCase();
  const byName = countries.find((c) => c.name.toLowerCase() === lower || c.alpha3.toLowerCase() === lower);
  return byName ? byName.code : undefined;
}

/** The text a field shows for a record's value. */
export function shown(spec: FieldSpec, value: unknown, countries: Country[]): string {
  if (value === null || value === undefined) return '';
  if (spec.kind === 'list') return (value as string[]).join(', ');
  if (spec.kind === 'country') {
    const c = countries.find((x) => x.code === value);
    return c ? countryOption(c) : String(value);
  }
  return String(value);
}

/** The typed texts as the record's fields, and the issues that stop them before any schema sees them. */
export function readForm(
  type: EditableType,
  texts: Record<string, string>,
  countries: Country[],
): { values: Record<string, unknown>; issues: Record<string, string> } {
  const values: Record<string, unknown> = {};
  const issues: Record<string, string> = {};
  for (const spec of FORM_FIELDS[type]) {
    const t = (texts[spec.key] ?? '').trim();
    switch (spec.kind) {
      case 'list':
        values[spec.key] = t
          ? t
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean)
          : [];
        break;
      case 'country': {
        const code = readCountry(t, countries);
        if (code === undefined) issues[spec.key] = `No country is called “${t}”: choose one from the list, or type its two-letter code`;
        else values[spec.key] = code;
        break;
      }
      case 'number':
        if (!t) values[spec.key] = null;
        else if (!/^\d+$/.test(t)) issues[spec.key] = 'A whole number, such as 50';
        else values[spec.key] = Number(t);
        break;
      case 'choice':
      case 'organisation':
        if (t) values[spec.key] = t;
        else if (!spec.required) values[spec.key] = null;
        break;
      default:
        // Required text stays as typed (empty), so the schema's own message says it is required.
        values[spec.key] = t || (spec.required ? '' : null);
    }
  }
  return { values, issues };
}

/** The shared schema's verdict, one message per field. */
export function validate(type: EditableType, values: Record<string, unknown>): Record<string, string> {
  const result = SCHEMAS[type].safeParse(values);
  const issues: Record<string, string> = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (issues[key]) continue;
      issues[key] =
        values[key] === undefined || values[key] === null
          ? 'This is required'
          : issue.code === 'invalid_value'
            ? 'Choose one from the list'
            : issue.message;
    }
  }
  if (type === 'relation' && values.sourceId && values.sourceId === values.targetId)
    issues.targetId = 'A relation joins two different organisations';
  return issues;
}
