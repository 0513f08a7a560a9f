// Words for codes: how enum values, dates and counts read in the panels.
import { SECTOR_LABELS, type Sector } from '../../../../shared/domain';

export const humanise = (code: string | null | undefined): string =>
  code ? code.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()) : '';

export const sectorLabel = (s: string | null | undefined) => (s ? (SECTOR_LABELS[s as Sector] ?? humanise(s)) : '');

export function dateRange(start: string | null, end: string | null): string {
  if (!start && !end) return '';
  if (start && !end) return `from ${start}`;
  if (!start && end) return `until ${end}`;
  return start === end ? start! : `${start} – ${end}`;
}

export function participants(count: number | null, qualifier: string): string {
  if (count === null) return '';
  if (qualifier === 'more_than') return `more than ${count}`;
  if (qualifier === 'about') return `about ${count}`;
  return String(count);
}

type RelationType = 'funds' | 'member_of' | 'collaborates_with' | 'part_of' | 'supports' | 'other';

/** Each relation type as a verb: what the source does to the target. */
const RELATION_VERBS: Record<Exclude<RelationType, 'other'>, { out: string; in: string }> = {
  funds: { out: 'Funds', in: 'funds' },
  member_of: { out: 'Member of', in: 'is a member of' },
  collaborates_with: { out: 'Collaborates with', in: 'collaborates with' },
  part_of: { out: 'Part of', in: 'is part of' },
  supports: { out: 'Supports', in: 'supports' },
};

/**
 * A direct relation as a sentence about the organisation whose details are shown: "Funds X",
 * or "X funds this organisation"; a type this app has no verb for (other, or one a file named)
 * reads "Related to X (cooperation)". Returns the words before and after the other's name.
 */
export function relationSentence(rel: { type: RelationType; direction: 'out' | 'in'; typeName: string | null }): [string, string] {
  if (rel.type === 'other') {
    const named = rel.typeName ? ` (${rel.typeName})` : '';
    return rel.direction === 'out' ? ['Related to ', named] : ['', ` is related to this organisation${named}`];
  }
  const verb = RELATION_VERBS[rel.type];
  return rel.direction === 'out' ? [`${verb.out} `, ''] : ['', ` ${verb.in} this organisation`];
}
