// The columns the parsed edges and the plan's relations keep grow by doubling, so adding a
// million edges copies each value about once on average.
type Column = Int32Array | Uint8Array | Float64Array;

/** A column twice as long, holding `a`'s values first. */
export function doubled<T extends Column>(a: T): T {
  const b = new (a.constructor as new (length: number) => T)(a.length * 2);
  b.set(a as never);
  return b;
}
