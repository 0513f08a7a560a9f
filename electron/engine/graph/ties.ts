// The table a selection (selection.ts) counts its ties in. On its own because it is the hot inner
// loop of every slice, and is tested on its own against a Map (test/engine/ties.test.ts).
/**
 * Ties between organisations, one slot per pair, with the counts in parallel arrays: a quarter of a
 * million ties cost a few arrays of numbers instead of a quarter of a million objects. Pairs are
 * found through an open-addressing table of typed arrays, not a Map: a pair's numeric key passes
 * 2^30 above 32,768 organisations, and V8 then boxes every key, which made building the ties of
 * 50,000 organisations take about 0.3 s (and as much again in garbage collection).
 */
export class TieTable {
  /** Slot + 1 of the pair hashed there, 0 when free; always at most half full. */
  private buckets = new Int32Array(1024);
  readonly a: number[] = [];
  readonly b: number[] = [];
  readonly partnerships: number[] = [];
  readonly events: number[] = [];
  readonly relations: number[] = [];

  get size(): number {
    return this.a.length;
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
    const s = this.a.length;
    this.buckets[h] = s + 1;
    this.a.push(lo);
    this.b.push(hi);
    this.partnerships.push(0);
    this.events.push(0);
    this.relations.push(0);
    if (2 * this.a.length > this.buckets.length) this.grow();
    return s;
  }

  /** The slot of the pair, or -1 when they are not tied. */
  find(x: number, y: number): number {
    return this.buckets[this.bucketOf(x < y ? x : y, x < y ? y : x)]! - 1;
  }

  weight(s: number): number {
    return this.partnerships[s]! + this.events[s]! + this.relations[s]!;
  }

  private grow() {
    const buckets = new Int32Array(this.buckets.length * 2);
    const mask = buckets.length - 1;
    for (let s = 0; s < this.a.length; s++) {
      let h = pairHash(this.a[s]!, this.b[s]!) & mask;
      while (buckets[h] !== 0) h = (h + 1) & mask;
      buckets[h] = s + 1;
    }
    this.buckets = buckets;
  }
}

function pairHash(lo: number, hi: number): number {
  const h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 15);
}
