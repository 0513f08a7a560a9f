// The filters as a person names them: which keys of Filters make up each filter of the panel, and
// how a filter's values read, for the messages that say what a filter hides or what was cleared.
import { SECTOR_LABELS, type Sector } from '../../../../shared/domain';
import type { Filters } from '../../../../shared/schemas';

export interface FilterGroup {
  /** As in the panel: "Sector". */
  name: string;
  keys: (keyof Filters)[];
}

const FILTER_GROUPS: FilterGroup[] = [
  { name: 'Dates', keys: ['dateFrom', 'dateTo'] },
  { name: 'Region', keys: ['regions', 'subRegions'] },
  { name: 'Country', keys: ['countries'] },
  { name: 'Sector', keys: ['sectors'] },
  { name: 'Partnership kind', keys: ['partnershipKinds'] },
  { name: 'Focus area', keys: ['focusAreas'] },
  { name: 'Event kind', keys: ['eventKinds'] },
  { name: 'Tags', keys: ['tags'] },
  { name: 'Text', keys: ['text'] },
  { name: 'Tie weight', keys: ['minWeight'] },
  { name: 'Sources', keys: ['unsourced'] },
];

/** The filter groups `f` sets. */
export function activeGroups(f: Filters): FilterGroup[] {
  return FILTER_GROUPS.filter((g) => g.keys.some((k) => f[k] !== undefined));
}

/** `f` without the group's keys. */
export function without(f: Filters, group: FilterGroup): Filters {
  const out = { ...f };
  for (const k of group.keys) delete out[k];
  return out;
}

/** What a group of `f` is set to, in words: "Africa", "Government, Academia", "from 2019". */
function groupValues(f: Filters, group: FilterGroup): string {
  if (group.name === 'Dates') return [f.dateFrom && `from ${f.dateFrom}`, f.dateTo && `to ${f.dateTo}`].filter(Boolean).join(' ');
  if (group.name === 'Tie weight') return `at least ${f.minWeight}`;
  if (group.name === 'Sources') return 'citing none';
  const values: string[] = [];
  for (const k of group.keys) {
    const v = f[k];
    if (Array.isArray(v)) values.push(...v.map((x) => (k === 'sectors' ? (SECTOR_LABELS[x as Sector] ?? x) : String(x))));
    else if (v !== undefined) values.push(String(v));
  }
  return values.join(', ');
}

/** "a, b and c". */
function listed(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** What "Clear all" cleared, as a sentence; null when there was nothing to clear. */
export function clearedText(
  f: Filters,
  other: { search: string; ego: string | null; hidden: number; faded: number; isolated: boolean },
): string | null {
  const parts = activeGroups(f).map((g) => `the ${g.name.toLowerCase()} (${groupValues(f, g)})`);
  if (other.ego) parts.push(`the ego network of ${other.ego}`);
  if (other.hidden) parts.push(`${other.hidden} hidden ${other.hidden === 1 ? 'node' : 'nodes'}`);
  if (other.faded) parts.push(`${other.faded} faded ${other.faded === 1 ? 'node' : 'nodes'}`);
  if (other.isolated) parts.push('the isolated selection');
  if (other.search.trim()) parts.push(`the search “${other.search.trim()}”`);
  return parts.length ? `Cleared ${listed(parts)}.` : null;
}
