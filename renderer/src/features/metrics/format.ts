// Numbers as the analysis panels show them: short, aligned, and never "0.000" for a value that is
// small but not zero.

// Made on first use: the page's first Intl object loads its locale data (14 ms), which the open's
// first task need not wait for.
let int: Intl.NumberFormat | undefined;
const INT = { format: (x: number) => (int ??= new Intl.NumberFormat('en', { maximumFractionDigits: 0 })).format(x) };

/** A measure in [0, 1] or thereabouts: 0.123456 → "0.123", 0.00012345 → "0.00012", 1234.5 → "1,235". */
export function fmt(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1000) return INT.format(x);
  if (a >= 10 ** -(digits - 1)) return Number.isInteger(x) ? String(x) : x.toFixed(digits);
  return x.toPrecision(2);
}

/** A count with thousands separators: 12345 → "12,345". */
export const fmtInt = (n: number | null | undefined): string => (n === null || n === undefined ? '' : INT.format(n));

/** A weight or other quantity that may be fractional: 3 → "3", 2.5 → "2.5", 2.345 → "2.35". */
export function fmtNum(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '';
  if (Number.isInteger(x)) return INT.format(x);
  return Math.abs(x) >= 100 ? INT.format(x) : String(Number(x.toFixed(2)));
}

/** A share: 0.4213 → "42%", 0.004 → "0.4%", 0 → "0%". */
export function fmtPct(share: number): string {
  if (!Number.isFinite(share) || share === 0) return '0%';
  const p = share * 100;
  return p < 1 ? `${p.toFixed(1)}%` : `${Math.round(p)}%`;
}

/** A duration: 42 → "42 ms", 1234 → "1.2 s", 65000 → "1 min 5 s". */
export function fmtMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** "1 node", "2 nodes", "1,204 organisations". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${fmtInt(n)} ${n === 1 ? one : many}`;
