// The tie walk: one organisation's ties under a set of filters, the same ties a slice under them
// would draw, found from the index's per-organisation lists. It looks at one organisation at a
// time, so ego networks (ego.ts), shortest paths (path.ts) and the details panel's neighbours
// (store/details.ts) never build the whole slice.
import type { Filters } from '../../../shared/schemas';
import { connectorTest, organisationTest, relationTest, weightFloor } from './filters';
import type { GraphIndex } from './index';

export interface TieCounts {
  partnerships: number;
  events: number;
  relations: number;
}

/** One organisation's ties under a set of filters, the same ties a slice under them would draw. */
export class TieWalker {
  private readonly orgOk: ((i: number) => boolean) | null;
  private readonly connOk: (k: number) => boolean;
  private readonly relOk: (k: number) => boolean;
  readonly floor: number | null;

  constructor(
    readonly g: GraphIndex,
    filters: Filters,
  ) {
    this.orgOk = organisationTest(g, filters);
    this.floor = weightFloor(filters);
    // Each connector is tested once per walk, however many of its members are visited.
    const cTest = connectorTest(g, filters);
    const seen = new Int8Array(g.connectors.length);
    this.connOk = (k) => (seen[k] ||= cTest(g.connectors[k]!) ? 1 : -1) === 1;
    const rTest = relationTest(g, filters);
    this.relOk = (k) => rTest(g.relations[k]!);
  }

  /** Whether the organisation passes the organisation filters. */
  candidate(i: number): boolean {
    return !this.orgOk || this.orgOk(i);
  }

  /** Every candidate tied to `o`, with what they share (ignoring the weight floor). */
  ties(o: number): Map<number, TieCounts> {
    const g = this.g;
    const out = new Map<number, TieCounts>();
    const at = (m: number): TieCounts => {
      let t = out.get(m);
      if (!t) out.set(m, (t = { partnerships: 0, events: 0, relations: 0 }));
      return t;
    };
    for (const k of g.orgConnectors[o]!) {
      if (!this.connOk(k)) continue;
      const c = g.connectors[k]!;
      for (const m of c.orgs) {
        if (m === o || !this.candidate(m)) continue;
        if (c.type === 'partnership') at(m).partnerships++;
        else at(m).events++;
      }
    }
    for (const k of g.orgRelations[o]!) {
      if (!this.relOk(k)) continue;
      const r = g.relations[k]!;
      const m = r.source === o ? r.target : r.source;
      if (m !== o && this.candidate(m)) at(m).relations++;
    }
    return out;
  }

  /** The candidates tied to `o` by a tie that meets the weight floor. */
  neighbours(o: number): number[] {
    const out: number[] = [];
    for (const [m, t] of this.ties(o)) if (this.floor === null || t.partnerships + t.events + t.relations >= this.floor) out.push(m);
    return out;
  }

  /** The direct relations (indices) of `o` that the filters keep, to candidates. */
  relationsOf(o: number): number[] {
    const g = this.g;
    return g.orgRelations[o]!.filter((k) => {
      const r = g.relations[k]!;
      const m = r.source === o ? r.target : r.source;
      return m !== o && this.relOk(k) && this.candidate(m);
    });
  }

  /** The partnerships/events (indices) and relations (indices) that tie `a` and `b` under the filters. */
  shared(a: number, b: number): { connectors: number[]; relations: number[] } {
    const g = this.g;
    const connectors = g.orgConnectors[a]!.filter((k) => this.connOk(k) && g.connectors[k]!.orgs.includes(b));
    const relations = g.orgRelations[a]!.filter((k) => {
      const r = g.relations[k]!;
      return this.relOk(k) && (r.source === b || r.target === b) && r.source !== r.target;
    });
    return { connectors: [...new Set(connectors)], relations: [...new Set(relations)] };
  }
}
