// Recognising a country however a file writes it: ISO alpha-2 or alpha-3 codes, the reference
// table's names, and the common short forms people type. Unknown values are reported, not dropped.
import type { Database } from 'better-sqlite3';
import { matchKey } from '../../../../shared/text-fold';

const VARIANTS: Record<string, string> = {
  usa: 'US',
  'united states': 'US',
  us: 'US',
  america: 'US',
  uk: 'GB',
  'united kingdom': 'GB',
  britain: 'GB',
  'great britain': 'GB',
  england: 'GB',
  russia: 'RU',
  'south korea': 'KR',
  korea: 'KR',
  'north korea': 'KP',
  iran: 'IR',
  syria: 'SY',
  vietnam: 'VN',
  laos: 'LA',
  bolivia: 'BO',
  venezuela: 'VE',
  tanzania: 'TZ',
  moldova: 'MD',
  'czech republic': 'CZ',
  czechia: 'CZ',
  'ivory coast': 'CI',
  "cote d'ivoire": 'CI',
  'cape verde': 'CV',
  swaziland: 'SZ',
  'north macedonia': 'MK',
  macedonia: 'MK',
  turkey: 'TR',
  turkiye: 'TR',
  'democratic republic of the congo': 'CD',
  'dr congo': 'CD',
  drc: 'CD',
  'republic of the congo': 'CG',
  palestine: 'PS',
  taiwan: 'TW',
  'holy see': 'VA',
  vatican: 'VA',
  micronesia: 'FM',
  brunei: 'BN',
  'the netherlands': 'NL',
  holland: 'NL',
  'the gambia': 'GM',
  'the bahamas': 'BS',
};

export class CountryMatcher {
  private readonly byKey = new Map<string, string>();

  constructor(db: Database) {
    type Row = { code: string; alpha3: string; name: string };
    for (const c of db.prepare('SELECT code, alpha3, name FROM country').all() as Row[]) {
      this.byKey.set(c.code.toLowerCase(), c.code);
      this.byKey.set(c.alpha3.toLowerCase(), c.code);
      this.byKey.set(matchKey(c.name), c.code);
      // "Bolivia (Plurinational State of)" is also "Bolivia"; "Korea (Republic of)" stays ambiguous-free via VARIANTS.
      const short = matchKey(c.name.replace(/\s*\(.*\)\s*/g, ' '));
      if (!this.byKey.has(short)) this.byKey.set(short, c.code);
    }
    for (const [k, v] of Object.entries(VARIANTS)) this.byKey.set(matchKey(k), v);
  }

  /** The ISO alpha-2 code, or null when the value names no known country. */
  match(value: string): string | null {
    const v = value.trim();
    if (!v) return null;
    return this.byKey.get(v.toLowerCase()) ?? this.byKey.get(matchKey(v)) ?? null;
  }
}
