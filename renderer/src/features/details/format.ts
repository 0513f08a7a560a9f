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
