// A synthetic network for demos and benchmarks: heavy-tailed activity (a few organisations are in
// many partnerships and events, most in few), every region and sector, partnerships mostly within
// a region, dates spread over twenty years. Every record is flagged synthetic and its name starts
// with "[synthetic]", so nobody mistakes it for real data. Deterministic for a given seed.
import type { Database } from 'better-sqlite3';
import { newId } from '../ids';
import {
  EVENT_KINDS,
  EVENT_MODES,
  MEMBER_ROLES,
  PARTICIPANT_ROLES,
  PARTNERSHIP_KINDS,
  RELATION_TYPES,
  SECTOR_LABELS,
  SECTORS,
  SYNTHETIC_PREFIX,
  type Sector,
} from '../../../shared/domain';
import { TABLES, type RecordObject, type TableDef } from '../store/tables';
import type { Writer } from '../store/writer';

export interface GenerateOptions {
  organisations: number;
  seed?: number;
}
export interface GenerateResult {
  importId: string;
  rows: Record<string, number>;
  totalRows: number;
}

/** mulberry32: small, fast, good enough for test data, and the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTOR_WEIGHTS: Record<Sector, number> = {
  government: 0.25,
  intergovernmental: 0.05,
  civil_society: 0.3,
  academia: 0.15,
  private_sector: 0.2,
  other: 0.05,
};
const FOCUS = [
  'ransomware',
  'online fraud',
  'child sexual exploitation online',
  'capacity building',
  'legislation',
  'incident response',
  'cyber hygiene',
  'electronic evidence',
  'public-private partnerships',
];
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Sampling proportional to weight, by binary search over cumulative sums. */
class Weighted {
  private readonly cum: Float64Array;
  constructor(
    readonly items: Int32Array,
    weights: (i: number) => number,
  ) {
    this.cum = new Float64Array(items.length);
    let s = 0;
    for (let i = 0; i < items.length; i++) this.cum[i] = s += weights(items[i]!);
  }
  pick(r: number): number {
    const target = r * this.cum[this.cum.length - 1]!;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo]!;
  }
}

export function generateSynthetic(db: Database, writer: Writer, opts: GenerateOptions): GenerateResult {
  const seed = opts.seed ?? 1;
  const N = opts.organisations;
  const rand = prng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  // Pareto(alpha 1.6): the heavy tail of who takes part in how much.
  const pareto = (alpha: number) => Math.pow(1 - rand(), -1 / alpha);
  const countries = db.prepare(`SELECT code, region FROM country WHERE region IS NOT NULL ORDER BY code`).raw().all() as [string, string][];
  const regions = [...new Set(countries.map((c) => c[1]))].sort();
  const countriesIn = regions.map((r) => countries.filter((c) => c[1] === r));
  const sectorCum: [Sector, number][] = [];
  let acc = 0;
  for (const s of SECTORS) sectorCum.push([s, (acc += SECTOR_WEIGHTS[s])]);

  // Records are built first and written table by table, in reference order, with bulk inserts.
  const ORDER = [TABLES.organisation, TABLES.partnership, TABLES.membership, TABLES.event, TABLES.participation, TABLES.relation];
  const buffers = new Map<TableDef, RecordObject[]>(ORDER.map((d) => [d, []]));
  const at = new Date().toISOString();
  const put = (def: TableDef, rec: Record<string, unknown>) => {
    rec.createdAt = at;
    rec.updatedAt = at;
    buffers.get(def)!.push(rec as RecordObject);
  };

  const importId = writer.runImport(
    { label: `Synthetic network: ${N} organisations, seed ${seed}`, format: 'synthetic', file: null },
    (importId) => {
      const orgIds: string[] = new Array(N);
      const weight = new Float64Array(N);
      const regionOf = new Int32Array(N);
      for (let i = 0; i < N; i++) {
        // The first organisations cover every region and sector so small networks still do.
        const [country, region] = i < countries.length ? countries[i]! : pick(countries);
        const r = rand();
        const sector = i < SECTORS.length ? SECTORS[i]! : (sectorCum.find(([, c]) => r <= c)?.[0] ?? 'other');
        const id = newId();
        orgIds[i] = id;
        weight[i] = pareto(1.6);
        regionOf[i] = regions.indexOf(region);
        put(TABLES.organisation, {
          id,
          name: `${SYNTHETIC_PREFIX}${SECTOR_LABELS[sector]} organisation ${pad(i + 1, 6)} (${country})`,
          acronym: `SYN${pad(i + 1, 6)}`,
          sector,
          country,
          city: null,
          website: null,
          description: 'Synthetic record made by `atlas generate`; not real data.',
          tags: ['synthetic', pick(FOCUS)],
          attributes: { generator_seed: seed },
          synthetic: true,
        });
      }
      const all = new Int32Array(N).map((_, i) => i);
      const global = new Weighted(all, (i) => weight[i]!);
      const byRegion = regions.map((_, r) => {
        const members = all.filter((i) => regionOf[i] === r);
        return members.length ? new Weighted(members, (i) => weight[i]!) : global;
      });
      const members = (size: number, sampler: Weighted): number[] => {
        const set = new Set<number>();
        for (let tries = 0; set.size < size && tries < size * 4; tries++) set.add(sampler.pick(rand()));
        return [...set];
      };
      const year = () => 2005 + Math.floor(rand() * 21);

      const P = Math.round(N * 0.33);
      for (let p = 0; p < P; p++) {
        const regional = rand() < 0.7;
        const r = Math.floor(rand() * regions.length);
        const size = Math.min(25, 2 + Math.floor((pareto(2.4) - 1) * 2.5));
        const start = year();
        const ongoing = rand() < 0.4;
        const id = newId();
        put(TABLES.partnership, {
          id,
          name: `${SYNTHETIC_PREFIX}Partnership ${pad(p + 1, 6)}`,
          kind: pick(PARTNERSHIP_KINDS),
          focusAreas: [pick(FOCUS), pick(FOCUS)].filter((v, i, a) => a.indexOf(v) === i),
          regionalScope: regional ? [regions[r]!] : ['Global'],
          startDate: String(start),
          endDate: ongoing ? null : String(Math.min(2026, start + 1 + Math.floor(rand() * 8))),
          status: ongoing ? 'active' : 'ended',
          description: null,
          tags: ['synthetic'],
          attributes: {},
          synthetic: true,
        });
        members(size, regional ? byRegion[r]! : global).forEach((o, k) =>
          put(TABLES.membership, {
            id: newId(),
            partnershipId: id,
            organisationId: orgIds[o]!,
            role: k === 0 ? 'lead' : pick(MEMBER_ROLES),
            startDate: null,
            endDate: null,
          }),
        );
      }

      const E = Math.round(N * 0.2);
      for (let e = 0; e < E; e++) {
        const regional = rand() < 0.5;
        const r = Math.floor(rand() * regions.length);
        const size = Math.min(30, 2 + Math.floor((pareto(2.2) - 1) * 2.5));
        const y = 2010 + Math.floor(rand() * 16);
        const month = 1 + Math.floor(rand() * 12);
        const day = 1 + Math.floor(rand() * 28);
        const id = newId();
        const sampler = regional ? byRegion[r]! : global;
        const host = pick(countriesIn[r]!);
        put(TABLES.event, {
          id,
          name: `${SYNTHETIC_PREFIX}Event ${pad(e + 1, 6)}`,
          kind: pick(EVENT_KINDS),
          startDate: `${y}-${pad(month, 2)}-${pad(day, 2)}`,
          endDate: null,
          city: null,
          country: regional ? host[0] : null,
          mode: pick(EVENT_MODES),
          participantCount: size,
          participantCountQualifier: 'exact',
          description: null,
          tags: ['synthetic'],
          attributes: {},
          synthetic: true,
        });
        members(size, sampler).forEach((o, k) =>
          put(TABLES.participation, {
            id: newId(),
            eventId: id,
            organisationId: orgIds[o]!,
            role: k === 0 ? 'organiser' : pick(PARTICIPANT_ROLES),
          }),
        );
      }

      const R = Math.round(N * 0.5);
      for (let k = 0; k < R; k++) {
        const a = global.pick(rand());
        const b = byRegion[regionOf[a]!]!.pick(rand());
        if (a === b) continue;
        put(TABLES.relation, {
          id: newId(),
          sourceId: orgIds[a]!,
          targetId: orgIds[b]!,
          type: pick(RELATION_TYPES),
          startDate: String(year()),
          endDate: null,
          description: null,
          attributes: {},
          synthetic: true,
        });
      }
      writer.withIndexesDeferred(ORDER, () => {
        for (const def of ORDER) writer.insertMany(def, buffers.get(def)!);
      });
      return importId;
    },
  );
  const rows = Object.fromEntries(ORDER.map((d) => [d.table, buffers.get(d)!.length]));
  const totalRows = Object.values(rows).reduce((a, b) => a + b, 0);
  return { importId, rows, totalRows };
}
