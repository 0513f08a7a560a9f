// Where a command writes. Tests pass string sinks; the real tool passes process.stdout/stderr.
export interface Out {
  write(chunk: string): unknown;
  isTTY?: boolean;
}
export interface CliIO {
  stdout: Out;
  stderr: Out;
}

/** Tables and summaries are for people; --json is for programs, so it is always one document. */
export function printJson(out: Out, value: unknown, pretty = false): void {
  out.write(`${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`);
}

/** Left-aligned first column, right-aligned numbers: the shape every table in the tool takes. */
export function table(rows: (string | number)[][], indent = '  '): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? c.toLocaleString('en-US') : c)));
  const widths: number[] = [];
  for (const r of cells) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return cells
    .map(
      (r) =>
        indent +
        r
          .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
          .join('  ')
          .trimEnd(),
    )
    .join('\n');
}
