// The table a selection (selection.ts) counts its ties in. On its own because it is the hot inner
// loop of every slice, and is tested on its own against a Map (test/engine/ties.test.ts).
/**
 * Ties between organisations, one slot per pair, with the counts in parallel typed arrays: a
 * million ties cost 20 MB of numbers (and can be written to and read from a file as they are)
 * instead of a million objects. Pairs are
 * found through an open-addressing table of typed arrays, not a Map: a pair's numeric key passes
 * 2^30 above 32,768 organisations, and V8 then boxes every key, which made building the ties of
 * 50,000 organisations take about 0.3 s (and as much again in garbage collection).
 */
export class TieTable {
  /** Slot + 1 of the pair hashed there, 0 when free; always at most half full. */
  private buckets: Int32Array = new Int32Array(1024);
  private used = 0;
  // Typed arrays with room to grow (a slot past `size` means nothing). Replaced when they grow, so
  // hold one only across code that adds no pair.
  a: Int32Array = new Int32Array(256);
  b: Int32Array = new Int32Array(256);
  partnerships: Int32Array = new Int32Array(256);
  events: Int32Array = new Int32Array(256);
  relations: Int32Array = new Int32Array(256);

  get size(): number {
    return this.used;
  }

  /** The table as `columns` gave it out (a persisted index, graph/persisted.ts): its arrays, not copies. */
  static fromColumns(c: TieColumns): TieTable {
    const t = new TieTable();
    t.buckets = c.buckets;
    t.used = c.a.length;
    t.a = c.a;
    t.b = c.b;
    t.partnerships = c.partnerships;
    t.events = c.events;
    t.relations = c.relations;
    return t;
  }

  columns(): TieColumns {
    const n = this.used;
    return {
      buckets: this.buckets,
      a: this.a.subarray(0, n),
      b: this.b.subarray(0, n),
      partnerships: this.partnerships.subarray(0, n),
      events: this.events.subarray(0, n),
      relations: this.relations.subarray(0, n),
    };
  }

  /** The bucket holding the pair, or the empty bucket where it would go. */
  private bucketOf(lo: number, hi: number): number {
    const mask = this.buckets.length - 1;
    let h = pairHash(lo, hi) & mask;
    for (let s = this.buckets[h]! - 1; s >= 0; s = this.buckets[h]! - 1) {
      if (this.a[s] === lo && this.b[s] === hi) return h;
      h = (h + 1) & mask;
    }
    return h;
  }

  /** The slot of the pair, created if new. */
  slot(x: number, y: number): number {
    const lo = x < y ? x : y;
    const hi = x < y ? y : x;
    const h = this.bucketOf(lo, hi);
    if (this.buckets[h]) return this.buckets[h]! - 1;
    const s = this.used++;
    if (s === this.a.length) this.room();
    this.buckets[h] = s + 1;
    this.a[s] = lo;
    this.b[s] = hi;
    if (2 * this.used > this.buckets.length) this.grow();
    return s;
  }

  /** The slot of the pair, or -1 when they are not tied. */
  find(x: number, y: number): number {
    return this.buckets[this.bucketOf(x < y ? x : y, x < y ? y : x)]! - 1;
  }

  weight(s: number): number {
    return this.partnerships[s]! + this.events[s]! + this.relations[s]!;
  }

  /** Twice the room for slots (counts start at 0). A table read from a file grows into copies too. */
  private room() {
    const more = (old: Int32Array) => {
      const a = new Int32Array(Math.max(256, old.length * 2));
      a.set(old);
      return a;
    };
    this.a = more(this.a);
    this.b = more(this.b);
    this.partnerships = more(this.partnerships);
    this.events = more(this.events);
    this.relations = more(this.relations);
  }

  private grow() {
    const buckets = new Int32Array(this.buckets.length * 2);
    const mask = buckets.length - 1;
    for (let s = 0; s < this.used; s++) {
      let h = pairHash(this.a[s]!, this.b[s]!) & mask;
      while (buckets[h] !== 0) h = (h + 1) & mask;
      buckets[h] = s + 1;
    }
    this.buckets = buckets;
  }
}

export interface TieColumns {
  buckets: Int32Array;
  a: Int32Array;
  b: Int32Array;
  partnerships: Int32Array;
  events: Int32Array;
  relations: Int32Array;
}

function pairHash(lo: number, hi: number): number {
  const h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 15);
}
