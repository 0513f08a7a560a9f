// Attributes: the fields a record brought from a file (or a person added) that have no column of
// their own, kept in the record's `attributes` object. Each name of each record kind has a type,
// inferred from its values and correctable by the user; filters, colouring, sizing, weights and
// exports read attributes through that type. Dependency-free, so the window can use it too.

export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'boolean', 'list'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** The record kinds that carry attributes. */
export const ATTRIBUTE_KINDS = ['organisation', 'partnership', 'event', 'relation'] as const;
export type AttributeKind = (typeof ATTRIBUTE_KINDS)[number];

/** What one value looks like; `numeric` and `boolish` are text that reads as a number or a truth value. */
export type ValueClass = 'integer' | 'real' | 'numeric' | 'boolean' | 'boolish' | 'date' | 'list' | 'text';

const NUMERIC_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
// A date as people write them in files: a full or partial ISO date (a bare year reads as a number).
const DATE_TEXT = /^\d{4}-\d{2}(-\d{2})?([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const BOOL_TEXT = /^(true|false|yes|no)$/i;

export function classify(value: unknown): ValueClass | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'real';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'list';
  const text = String(value);
  if (text.trim() === '') return null;
  if (NUMERIC_TEXT.test(text) && Number.isFinite(Number(text))) return 'numeric';
  if (DATE_TEXT.test(text.trim())) return 'date';
  if (BOOL_TEXT.test(text.trim())) return 'boolish';
  return 'text';
}

export type ClassCounts = Partial<Record<ValueClass, number>>;

/**
 * The type a column of values has: the narrowest type every value fits. Numbers written as text
 * (CSV cells) count as numbers; text that reads as true/false only when nothing else is mixed in.
 */
export function inferType(counts: ClassCounts): AttributeType {
  const has = (c: ValueClass) => (counts[c] ?? 0) > 0;
  const only = (...allowed: ValueClass[]) =>
    (Object.keys(counts) as ValueClass[]).every((c) => allowed.includes(c) || (counts[c] ?? 0) === 0);
  const any = (Object.values(counts) as number[]).some((n) => n > 0);
  if (!any) return 'text';
  if (only('list')) return 'list';
  if (only('integer', 'real', 'numeric')) return 'number';
  if (only('boolean', 'boolish')) return 'boolean';
  if (only('date') && has('date')) return 'date';
  return 'text';
}

/** A value read as a number, or null when it is not one. */
export function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && NUMERIC_TEXT.test(value)) {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** A value read as a truth value, or null. */
export function booleanOf(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const t = value.trim().toLowerCase();
    if (t === 'true' || t === 'yes') return true;
    if (t === 'false' || t === 'no') return false;
  }
  return null;
}

/** A value as the text a categorical filter and a legend show: lists are their items. */
export function categoriesOf(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(String);
  const text = String(value);
  return text.trim() === '' ? [] : [text];
}

/** A date value as a sortable key (YYYY-MM-DD…), or null. */
export function dateKeyOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 10000) return String(value).padStart(4, '0');
  if (typeof value !== 'string') return null;
  const t = value.trim();
  return /^\d{4}(-\d{2}(-\d{2})?)?/.test(t) ? t : null;
}

/** Whether the type is shown as a range (numbers, dates) rather than values to tick. */
export const isRangeType = (type: AttributeType): boolean => type === 'number' || type === 'date';
