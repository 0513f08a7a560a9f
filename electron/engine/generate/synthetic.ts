// A synthetic network for demos and benchmarks: heavy-tailed activity (a few organisations are in
// many partnerships and events, most in few), every region and sector, partnerships mostly within
// a region, dates spread over twenty years. Every record is flagged synthetic and its name starts
// with "[synthetic]", so nobody mistakes it for real data. Deterministic for a given seed.
//
// Asked for a number of ties (`ties`), it keeps adding partnerships and events, in the same
// proportions, until they make 60% of them, and then direct relations, mostly within a region,
// until the network has exactly that many tied pairs: benchmarks of a million ties need no
// hand-made file.
import type { Database } from 'better-sqlite3';
import { TieTable } from '../graph/ties';
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
  /** How many tied pairs of organisations to make; by default about five per organisation. */
  ties?: number;
  seed?: number;
}
export interface GenerateResult {
  importId: string;
  rows: Record<string, number>;
  totalRows: number;
  /** Tied pairs made, when `ties` was asked for. */
  ties?: number;
}

/** The most ties `ties` may ask for: a quarter of all pairs, so the last relations still find free pairs quickly. */
export function maxTies(organisations: number): number {
  return Math.floor((organisations * (organisations - 1)) / 4);
}

/** Share of the asked ties made by partnerships and events; relations make the rest. */
const CONNECTOR_SHARE = 0.6;

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

  if (opts.ties !== undefined && (opts.ties < 0 || opts.ties > maxTies(N))) {
    throw new RangeError(`${opts.ties} ties cannot be made among ${N} organisations (at most ${maxTies(N)})`);
  }
  let tied: number | null = null;
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

      // Tied pairs, counted only when a number of ties was asked for.
      const pairs = opts.ties === undefined ? null : new TieTable();
      const tie = (list: number[]) => {
        if (!pairs) return;
        for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) pairs.slot(list[i]!, list[j]!);
      };
      let partnerships = 0;
      const partnership = () => {
        const p = partnerships++;
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
        const list = members(size, regional ? byRegion[r]! : global);
        list.forEach((o, k) =>
          put(TABLES.membership, {
            id: newId(),
            partnershipId: id,
            organisationId: orgIds[o]!,
            role: k === 0 ? 'lead' : pick(MEMBER_ROLES),
            startDate: null,
            endDate: null,
          }),
        );
        tie(list);
      };

      let events = 0;
      const event = () => {
        const e = events++;
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
        const list = members(size, sampler);
        list.forEach((o, k) =>
          put(TABLES.participation, {
            id: newId(),
            eventId: id,
            organisationId: orgIds[o]!,
            role: k === 0 ? 'organiser' : pick(PARTICIPANT_ROLES),
          }),
        );
        tie(list);
      };

      const relation = (a: number, b: number) => {
        pairs?.slot(a, b);
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
      };

      if (opts.ties === undefined) {
        const P = Math.round(N * 0.33);
        for (let p = 0; p < P; p++) partnership();
        const E = Math.round(N * 0.2);
        for (let e = 0; e < E; e++) event();
        const R = Math.round(N * 0.5);
        for (let k = 0; k < R; k++) {
          const a = global.pick(rand());
          const b = byRegion[regionOf[a]!]!.pick(rand());
          if (a !== b) relation(a, b);
        }
      } else {
        const want = opts.ties;
        // 33 partnerships to 20 events, as above.
        while (pairs!.size < want * CONNECTOR_SHARE) {
          if (rand() < 33 / 53) partnership();
          else event();
        }
        // Relations between new pairs: heavy-tailed and regional first; once those keep landing on
        // pairs already tied (hubs are few), any two organisations.
        let misses = 0;
        let wide = false;
        while (pairs!.size < want) {
          wide ||= misses > 1000;
          const a = wide ? Math.floor(rand() * N) : global.pick(rand());
          const b = wide ? Math.floor(rand() * N) : byRegion[regionOf[a]!]!.pick(rand());
          if (a === b || pairs!.find(a, b) >= 0) {
            misses++;
            continue;
          }
          misses = 0;
          relation(a, b);
        }
      }
      tied = pairs?.size ?? null;
      // Indexes are rebuilt from sorted data only when this brings at least as many organisations
      // as the network holds (as an import decides): rebuilding them over a large network to add a
      // few hundred records read every table.
      const insert = () => {
        for (const def of ORDER) writer.insertMany(def, buffers.get(def)!);
      };
      if (N > 5000 && N >= writer.roughCount(TABLES.organisation)) writer.withIndexesDeferred(ORDER, insert);
      else insert();
      return importId;
    },
  );
  const rows = Object.fromEntries(ORDER.map((d) => [d.table, buffers.get(d)!.length]));
  const totalRows = Object.values(rows).reduce((a, b) => a + b, 0);
  return { importId, rows, totalRows, ...(tied === null ? {} : { ties: tied }) };
}
