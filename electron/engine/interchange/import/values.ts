// A column's values mapped to the model: sectors guessed from the words people use for them
// ("Companies", "NGO-CSO", "Universities and secondary schools"), corrected by the person
// importing; countries matched by code or name, with placeholders for a missing value ("NA",
// "n/a", "-") read as no country unless the column is plainly ISO codes (where NA is Namibia).
import { SECTORS, type Sector } from '../../../../shared/domain';
import { matchKey } from '../../../../shared/text-fold';
import type { CountryMatcher } from './countries';

export type SectorHow = 'exact' | 'guessed' | 'chosen' | 'none';

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
  'civil society organisation': 'civil_society',
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

// In this order: "intergovernmental" holds "governmental", "non-governmental" too.
const SECTOR_GUESSES: [RegExp, Sector][] = [
  [
    /inter ?governmental|\bigos?\b|international organi[sz]ation|united nations|\bun\b|multilateral|regional organi[sz]ation/,
    'intergovernmental',
  ],
  [
    /\bngos?\b|\bcsos?\b|civil|non ?governmental|non ?profit|not for profit|foundation|association|charit|community|advocacy|activis|human rights|society|trade union|network of/,
    'civil_society',
  ],
  [/universit|school|college|academ|research|think tank|institut|education|scholar|laborator/, 'academia'],
  [
    /compan|business|corporat|private|industr|\bfirms?\b|enterprise|vendor|commercial|\bllc\b|\binc\b|\bltd\b|startup|consult|bank/,
    'private_sector',
  ],
  [
    /government|ministr|agenc|police|law enforcement|public|\bstate\b|regulat|authorit|military|parliament|municipal|cert|\bcsirt|court|prosecut/,
    'government',
  ],
];

/** The sector a value names or suggests; `none` when nothing in it says. */
export function sectorOf(value: string): { sector: Sector; how: SectorHow } {
  if (SECTORS.includes(value as Sector)) return { sector: value as Sector, how: 'exact' };
  const key = matchKey(value);
  const word = SECTOR_WORDS[key] ?? SECTOR_WORDS[key.replace(/s$/, '')];
  if (word) return { sector: word, how: 'exact' };
  for (const [pattern, sector] of SECTOR_GUESSES) if (pattern.test(key)) return { sector, how: 'guessed' };
  return { sector: 'other', how: 'none' };
}

const PLACEHOLDERS = new Set(['na', 'n/a', 'n.a.', 'n a', '-', '--', '—', '?', 'none', 'null', 'nil', 'unknown', 'nan', '.', 'tbd', 'x']);
const isPlaceholder = (value: string): boolean => PLACEHOLDERS.has(value.trim().toLowerCase());

/**
 * Countries of one column, each distinct value matched once: `resolve` gives a value's code, or
 * null. "NA" is Namibia only when the column is ISO alpha-2 codes (nine in ten of its other
 * values are), else a placeholder for no country, as "n/a" and "-" always are.
 */
export class CountryColumn {
  private readonly codes = new Map<string, string | null>();
  private readonly isoColumn: boolean;

  constructor(
    private readonly matcher: CountryMatcher,
    counts: Map<string, number>,
    private readonly chosen: Record<string, string> = {},
  ) {
    let iso = 0;
    let other = 0;
    for (const [value, n] of counts) {
      const v = value.trim();
      if (isPlaceholder(v)) continue;
      if (/^[A-Za-z]{2}$/.test(v) && matcher.match(v)) iso += n;
      else other += n;
    }
    this.isoColumn = iso > 0 && iso >= 9 * other;
  }

  resolve(value: string): string | null {
    let code = this.codes.get(value);
    if (code !== undefined) return code;
    const chosen = this.chosen[value];
    if (chosen !== undefined) code = chosen || null;
    else if (isPlaceholder(value) && !(this.isoColumn && /^[A-Za-z]{2}$/.test(value.trim()))) code = null;
    else code = this.matcher.match(value);
    this.codes.set(value, code);
    return code;
  }

  /** Whether a value is a placeholder for no country here, not a country left unknown. */
  isMissing(value: string): boolean {
    return this.chosen[value] === '' || (this.chosen[value] === undefined && isPlaceholder(value) && this.resolve(value) === null);
  }
}
