// The priority queue of the Dijkstra searches (weighted betweenness and closeness, weighted paths).

/** A binary min-heap of (distance, node) in typed arrays; stale entries are skipped by the caller. */
export class Heap {
  key: Float64Array;
  val: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.key = new Float64Array(Math.max(1, capacity));
    this.val = new Int32Array(Math.max(1, capacity));
  }
  push(k: number, v: number): void {
    if (this.size === this.key.length) {
      const key = new Float64Array(this.size * 2);
      key.set(this.key);
      const val = new Int32Array(this.size * 2);
      val.set(this.val);
      this.key = key;
      this.val = val;
    }
    let i = this.size++;
    const { key, val } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (key[p]! <= k) break;
      key[i] = key[p]!;
      val[i] = val[p]!;
      i = p;
    }
    key[i] = k;
    val[i] = v;
  }
  /** Removes the smallest; its key and node are left in topKey / topVal. */
  topKey = 0;
  topVal = 0;
  pop(): void {
    const { key, val } = this;
    this.topKey = key[0]!;
    this.topVal = val[0]!;
    const n = --this.size;
    if (n === 0) return;
    const k = key[n]!;
    const v = val[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && key[c + 1]! < key[c]!) c++;
      if (key[c]! >= k) break;
      key[i] = key[c]!;
      val[i] = val[c]!;
      i = c;
    }
    key[i] = k;
    val[i] = v;
  }
}
