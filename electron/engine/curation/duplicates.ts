// The duplicate finder: pairs of organisations that are likely one, each with the reasons, ranked.
// Names are compared by the one text fold (shared/text-fold.ts), so a name in Arabic, Chinese or
// Russian keeps its letters and never "matches" every other name, and an empty fold matches
// nothing. Reasons, strongest first:
//   - the same name once folded ("Côte d’Ivoire CERT" and "COTE D'IVOIRE CERT");
//   - the same website domain (www. and the scheme left out);
//   - a name that is another's acronym ("INTERPOL" and the organisation whose acronym it is), or
//     a name that is the initials of another's;
//   - the same acronym (stronger in the same country);
//   - similar names in the same country (character-trigram Dice ≥ 0.75, after the fold).
// Similar names are only compared within a country and through words they share that are not
// common there, so the work grows with the pairs worth looking at, not with the square of the
// network: 50,000 organisations take well under the 3 s the issue allows (test/bench).
import type { Database } from 'better-sqlite3';
import { foldText } from '../../../shared/text-fold';
import type { DuplicatePair, DuplicateReason } from '../../../shared/schemas';

interface Org {
  id: string;
  name: string;
  acronym: string | null;
  country: string | null;
  website: string | null;
  key: string;
}

const REASON_SCORE: Record<DuplicateReason['kind'], number> = {
  same_name: 0.95,
  same_domain: 0.8,
  name_is_acronym: 0.7,
  same_acronym: 0.45,
  similar_name: 0.0, // its score is the similarity itself (below)
};

/** Function words, which acronyms leave out ("Global Forum on Cyber Expertise" is GFCE). */
const STOP = new Set('the of and for de la le les du des el los las del y et und der die das on in to a an'.split(' '));
/** Words too common in organisation names to say two names are alike. */
const COMMON = new Set([...STOP, 'national', 'international', 'association', 'ministry', 'centre', 'center', 'institute', 'university']);

/** A word shared by more than this many names of one country says nothing about two of them. */
const COMMON_IN_COUNTRY = 40;
/** A group of more than this many same-keyed organisations yields its first pairs only. */
const GROUP_PAIRS = 50;

function domainOf(website: string | null): string | null {
  if (!website) return null;
  const m = /^[a-z]+:\/\/([^/?#:]+)/i.exec(website.trim());
  const host = (m ? m[1]! : website.trim().split(/[/?#]/)[0]!).toLowerCase().replace(/^www\d?\./, '');
  return host.includes('.') ? host : null;
}

/** The initials of a name's words that are not common: "Global Forum on Cyber Expertise" → "gfce". */
function initials(key: string): string {
  const words = key.split(' ').filter((w) => w && !STOP.has(w));
  return words.length >= 2 ? words.map((w) => w[0]).join('') : '';
}

/** The numbers in a name: "Session 6" and "Session 7" are two sessions, however alike the rest. */
const digitsOf = (key: string) => (key.match(/\p{N}+/gu) ?? []).join(' ');

function trigrams(s: string): Set<string> {
  const t = new Set<string>();
  const p = ` ${s} `;
  for (let i = 0; i + 3 <= p.length; i++) t.add(p.slice(i, i + 3));
  return t;
}

function similarity(a: string, b: string): number {
  return dice(trigrams(a), trigrams(b));
}

function dice(ta: Set<string>, tb: Set<string>): number {
  let both = 0;
  for (const g of ta) if (tb.has(g)) both++;
  return (2 * both) / (ta.size + tb.size || 1);
}

export interface FindOptions {
  limit?: number;
  /** Only pairs that include this organisation (for the warning while a name is typed). */
  minScore?: number;
}

export function findDuplicates(db: Database, opts: FindOptions = {}): { pairs: DuplicatePair[]; total: number; millis: number } {
  const t0 = performance.now();
  const orgs = (db.prepare('SELECT id, name, acronym, country, website FROM organisation ORDER BY rowid').all() as Omit<Org, 'key'>[]).map(
    (o) => ({ ...o, key: foldText(o.name, true) }),
  );
  const pairs = new Map<string, { a: Org; b: Org; reasons: DuplicateReason[] }>();
  const add = (a: Org, b: Org, reason: DuplicateReason) => {
    if (a.id === b.id) return;
    const [x, y] = a.id < b.id ? [a, b] : [b, a];
    const k = `${x.id}\u0000${y.id}`;
    let p = pairs.get(k);
    if (!p) pairs.set(k, (p = { a: x, b: y, reasons: [] }));
    if (!p.reasons.some((r) => r.kind === reason.kind)) p.reasons.push(reason);
  };
  const groups = (keyOf: (o: Org) => string | null) => {
    const m = new Map<string, Org[]>();
    for (const o of orgs) {
      const k = keyOf(o);
      if (!k) continue;
      const g = m.get(k);
      if (g) g.push(o);
      else m.set(k, [o]);
    }
    return m;
  };
  const eachPair = (g: Org[], fn: (a: Org, b: Org) => void) => {
    let n = 0;
    for (let i = 0; i < g.length && n < GROUP_PAIRS; i++) for (let j = i + 1; j < g.length && n < GROUP_PAIRS; j++, n++) fn(g[i]!, g[j]!);
  };

  for (const g of groups((o) => o.key || null).values()) eachPair(g, (a, b) => add(a, b, { kind: 'same_name', detail: a.name }));
  for (const [domain, g] of groups((o) => domainOf(o.website))) eachPair(g, (a, b) => add(a, b, { kind: 'same_domain', detail: domain }));
  const byAcronym = groups((o) => (o.acronym ? foldText(o.acronym, true).replace(/ /g, '') || null : null));
  for (const [acr, g] of byAcronym) {
    if (acr.length < 2) continue;
    eachPair(g, (a, b) => add(a, b, { kind: 'same_acronym', detail: a.acronym ?? acr, sameCountry: a.country === b.country }));
  }
  // A name that is another's acronym, or the initials of another's name.
  const byInitials = groups((o) => {
    const i = initials(o.key);
    return i.length >= 3 ? i : null;
  });
  for (const o of orgs) {
    const compact = o.key.replace(/ /g, '');
    if (compact.length < 2 || compact.length > 12 || o.key.includes(' ')) continue;
    for (const other of byAcronym.get(compact) ?? []) add(o, other, { kind: 'name_is_acronym', detail: o.name });
    for (const other of byInitials.get(compact) ?? []) add(o, other, { kind: 'name_is_acronym', detail: o.name });
  }
  // Similar names in one country, through the words they share.
  for (const [country, g] of groups((o) => o.country)) {
    if (g.length < 2) continue;
    const byWord = new Map<string, Org[]>();
    for (const o of g) {
      for (const w of new Set(o.key.split(' '))) {
        if (w.length < 3 || COMMON.has(w)) continue;
        const list = byWord.get(w);
        if (list) list.push(o);
        else byWord.set(w, [o]);
      }
    }
    const seen = new Set<string>();
    const grams = new Map<Org, Set<string>>();
    const gramsOf = (o: Org) => {
      let g = grams.get(o);
      if (!g) grams.set(o, (g = trigrams(o.key)));
      return g;
    };
    const digits = new Map<Org, string>();
    for (const o of g) digits.set(o, digitsOf(o.key));
    for (const list of byWord.values()) {
      if (list.length < 2 || list.length > COMMON_IN_COUNTRY) continue;
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i]!;
          const b = list[j]!;
          if (a.key === b.key || digits.get(a) !== digits.get(b)) continue;
          // Dice ≥ 0.75 needs lengths within a factor of 0.6 of each other.
          const la = a.key.length;
          const lb = b.key.length;
          if (Math.min(la, lb) < 0.6 * Math.max(la, lb)) continue;
          const k = a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`;
          if (seen.has(k)) continue;
          seen.add(k);
          const s = dice(gramsOf(a), gramsOf(b));
          if (s >= 0.75) add(a, b, { kind: 'similar_name', detail: country, similarity: Math.round(s * 100) / 100 });
        }
      }
    }
  }

  const ranked: DuplicatePair[] = [];
  for (const p of pairs.values()) {
    let keep = 1;
    for (const r of p.reasons) {
      let s = r.kind === 'similar_name' ? (r.similarity ?? 0) * 0.85 : REASON_SCORE[r.kind];
      if (r.kind === 'same_acronym' && r.sameCountry) s += 0.25;
      keep *= 1 - s;
    }
    if (p.a.country && p.b.country && p.a.country !== p.b.country) keep = 1 - (1 - keep) * 0.8;
    const score = Math.round((1 - keep) * 1000) / 1000;
    if (score < (opts.minScore ?? 0)) continue;
    const side = (o: Org) => ({ id: o.id, name: o.name, acronym: o.acronym, country: o.country, website: o.website });
    ranked.push({ a: side(p.a), b: side(p.b), reasons: p.reasons, score });
  }
  ranked.sort((x, y) => y.score - x.score || x.a.name.localeCompare(y.a.name));
  return { pairs: ranked.slice(0, opts.limit ?? 500), total: ranked.length, millis: Math.round(performance.now() - t0) };
}

/**
 * Organisations a name about to be created would likely duplicate: the quick add's warning. The
 * same fold and reasons as the finder, against one name.
 */
export function likelyDuplicates(
  db: Database,
  input: { name: string; country?: string | null | undefined; acronym?: string | null | undefined },
): DuplicatePair['a'][] {
  const key = foldText(input.name, true);
  if (!key) return [];
  const compact = key.replace(/ /g, '');
  const acr = input.acronym ? foldText(input.acronym, true).replace(/ /g, '') : '';
  const out = new Map<string, DuplicatePair['a'] & { why: string; rank: number }>();
  const rows = db.prepare('SELECT id, name, acronym, country, website FROM organisation').all() as Omit<Org, 'key'>[];
  const ini = initials(key);
  for (const o of rows) {
    const k = foldText(o.name, true);
    const oAcr = o.acronym ? foldText(o.acronym, true).replace(/ /g, '') : '';
    let why: string | null = null;
    let rank = 0;
    if (k === key) [why, rank] = ['the same name', 3];
    else if (oAcr && (oAcr === compact || oAcr === acr)) [why, rank] = [`the acronym ${o.acronym}`, 2];
    else if (ini.length >= 3 && k.replace(/ /g, '') === ini) [why, rank] = [`a name that is these initials`, 2];
    else if (input.country && o.country === input.country && k && similarity(k, key) >= 0.75)
      [why, rank] = ['a similar name in the same country', 1];
    if (why) out.set(o.id, { id: o.id, name: o.name, acronym: o.acronym, country: o.country, website: o.website, why, rank });
  }
  return [...out.values()].sort((a, b) => b.rank - a.rank).slice(0, 8);
}
