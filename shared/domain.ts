import { countText } from './count-text';
// Domain vocabularies shared by the engine, the hosts and the renderer.
// Each list is the single source of truth: the zod schemas and the UI legends are generated from these
// arrays. The SQLite CHECK constraints spell them out in the migrations instead, so changing a list here
// needs a new migration (electron/engine/db/migrations/index.ts says how); test/engine/schema.test.ts
// fails until the two agree.

export const SECTORS = ['government', 'intergovernmental', 'civil_society', 'academia', 'private_sector', 'other'] as const;
export type Sector = (typeof SECTORS)[number];

export const PARTNERSHIP_KINDS = [
  'public_private',
  'multistakeholder',
  'network',
  'expert_group',
  'agreement',
  'project',
  'funding',
] as const;

export const PARTNERSHIP_STATUSES = ['planned', 'active', 'ended'] as const;

export const MEMBER_ROLES = ['lead', 'member', 'funder', 'observer'] as const;

export const EVENT_KINDS = ['consultation', 'negotiating_session', 'side_event', 'workshop', 'conference', 'webinar'] as const;

export const EVENT_MODES = ['in_person', 'virtual', 'hybrid'] as const;

/** How a stated participant count is to be read: "more than 50" is not "50". */
export const COUNT_QUALIFIERS = ['exact', 'more_than', 'about'] as const;

export const PARTICIPANT_ROLES = ['organiser', 'speaker', 'participant'] as const;

export const RELATION_TYPES = ['funds', 'member_of', 'collaborates_with', 'part_of', 'supports', 'other'] as const;

/** UN M49 regions, the top level of the region filter. */
export const REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'] as const;

/** Record types that can be cited and that appear in the change log. */
export const RECORD_TYPES = [
  'organisation',
  'partnership',
  'membership',
  'event',
  'participation',
  'relation',
  'source',
  'citation',
  'saved_view',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const CITABLE_TYPES = ['organisation', 'partnership', 'membership', 'event', 'participation', 'relation'] as const;
export type CitableType = (typeof CITABLE_TYPES)[number];

export const GRAPH_VIEWS = ['organisations', 'full'] as const;
export type GraphView = (typeof GRAPH_VIEWS)[number];

/** What a large network is drawn by instead of its organisations, coarsest first. */
export const AGGREGATE_LEVELS = ['region', 'subRegion', 'country'] as const;

export const SECTOR_LABELS: Record<Sector, string> = {
  government: 'Government',
  intergovernmental: 'Intergovernmental',
  civil_society: 'Civil society',
  academia: 'Academia',
  private_sector: 'Private sector',
  other: 'Other',
};

/** Prefix for names of generated records, so synthetic data is never mistaken for real data. */
export const SYNTHETIC_PREFIX = '[synthetic] ';

/** What a long call (an import, metrics) reports, an import in the order it goes through them. */
/** 'preparing': the graph index being loaded or built (done and total in hundredths). */
export const WORK_PHASES = ['reading', 'checking', 'writing', 'finishing', 'measuring', 'preparing'] as const;
export type WorkPhase = (typeof WORK_PHASES)[number];
export interface WorkProgress {
  phase: WorkPhase;
  done: number;
  total: number;
}
const WORK_PHASE_LABELS: Record<WorkPhase, string> = {
  reading: 'Reading the file',
  checking: 'Checking records',
  writing: 'Writing records',
  finishing: 'Finishing',
  measuring: 'Shortest paths from sources',
  preparing: 'Preparing the network',
};

/** The percentage done, when the phase counts something; null otherwise. */
export function workPercent(p: WorkProgress): number | null {
  return p.total > 0 && p.phase !== 'finishing' ? Math.floor((100 * p.done) / p.total) : null;
}

/** One line for a person: "Writing records: 45,000 of 250,000 (18%)"; reading counts characters, so only its share. */
export function workText(p: WorkProgress): string {
  const percent = workPercent(p);
  const label = WORK_PHASE_LABELS[p.phase];
  if (percent === null) return `${label}…`;
  if (p.phase === 'reading') return `${label} (${percent}%)`;
  if (p.phase === 'preparing') return `${label}… ${percent}%`;
  return `${label}: ${countText(p.done)} of ${countText(p.total)} (${percent}%)`;
}

/** Who did an action of the undo stack (migration 004): someone, or an undo or redo of another. */
export const ACTION_KINDS = ['do', 'undo', 'redo'] as const;
/** Where a done action stands: done, undone (redo brings it back), dropped (undone, then something new was done). */
export const ACTION_STATES = ['done', 'undone', 'dropped'] as const;
