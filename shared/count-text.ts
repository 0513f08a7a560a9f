// Whole numbers as the window writes them, "40,000": grouped by hand rather than through Intl.
// The first Intl number format in a page loads ICU's formatting data, 20 ms of the main thread on
// an idle core and 50-100 ms on a busy one, and the first count is written in the open's first
// render (issue 17: no long task at the open). Fractions, which nothing here counts, still go to Intl.
export function countText(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en');
  const digits = String(Math.abs(n));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = digits.slice(Math.max(0, end - 3), end) + (out ? `,${out}` : '');
  return n < 0 ? `-${out}` : out;
}
