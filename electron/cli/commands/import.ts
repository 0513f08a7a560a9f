// atlas import FILE: previews what a file would add (always), then imports it unless --dry-run.
import { resolve } from 'node:path';
import { workText } from '../../../shared/domain';
import { IMPORT_FORMATS, type ImportFormatId } from '../../../shared/formats';
import { AtlasError } from '../../../shared/errors';
import type { ImportSummary } from '../../../shared/schemas';
import { intOption, parseCommand, UsageError } from '../args';
import { type CliIO, printJson, table } from '../io';
import { withEngine } from '../open';

const DUPLICATE = ['merge', 'skip', 'create'] as const;

export async function importFile(argv: string[], io: CliIO): Promise<number> {
  const { common, values, positionals } = parseCommand(
    argv,
    {
      format: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'on-duplicate': { type: 'string' },
      'max-mb': { type: 'string' },
      'skip-bad-rows': { type: 'boolean' },
      'merge-same-names': { type: 'boolean' },
      'skip-lines': { type: 'string' },
    },
    1,
  );
  const file = positionals[0];
  if (!file) throw new UsageError('Which file? atlas import FILE');
  const format = values.format as string | undefined;
  if (format !== undefined && !IMPORT_FORMATS.includes(format as never))
    throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}`);
  const onDuplicate = (values['on-duplicate'] as string | undefined) ?? 'merge';
  if (!DUPLICATE.includes(onDuplicate as never)) throw new UsageError(`--on-duplicate must be one of ${DUPLICATE.join(', ')}`);
  const maxMb = values['max-mb'] === undefined ? undefined : intOption('max-mb', values['max-mb'] as string, 1, 4096);
  const skipLines = values['skip-lines'] === undefined ? undefined : intOption('skip-lines', values['skip-lines'] as string, 0, 1000);
  const input = {
    path: resolve(file),
    ...(format ? { format: format as ImportFormatId } : {}),
    onDuplicate: onDuplicate as (typeof DUPLICATE)[number],
    ...(maxMb ? { maxBytes: maxMb * 1024 * 1024 } : {}),
    ...(values['skip-bad-rows'] ? { skipBadRows: true } : {}),
    ...(values['merge-same-names'] ? { inFileDuplicates: 'merge' as const } : {}),
    ...(skipLines !== undefined ? { skipLines } : {}),
  };
  const dryRun = values['dry-run'] === true;
  // On a terminal, one line that rewrites itself; in a pipe or a log, nothing.
  const live = io.stderr.isTTY === true;
  let summary: ImportSummary;
  try {
    summary = await withEngine(
      common.dbPath,
      async (engine) => engine.call(dryRun ? 'import.preview' : 'import.run', input),
      live ? (p) => io.stderr.write(`\r\x1b[K${workText(p)}`) : undefined,
    );
  } catch (err) {
    // The engine names no flag (the window has none); here the format can be given.
    if (err instanceof AtlasError && err.field === 'format') err.message += ', or pass --format';
    if (err instanceof AtlasError && err.field === 'maxBytes') err.message += '; --max-mb raises it';
    throw err;
  } finally {
    if (live) io.stderr.write('\r\x1b[K');
  }
  if (common.json) printJson(io.stdout, summary);
  else io.stdout.write(describe(summary, dryRun));
  // A dry run that a run would refuse says so by its exit status too, for scripts.
  return dryRun && summary.errorCount > 0 ? 1 : 0;
}

function describe(s: ImportSummary, dryRun: boolean): string {
  const lines = [
    `${s.file} (${s.format.toUpperCase()}): ${s.nodes.toLocaleString('en-US')} nodes, ${s.edges.toLocaleString('en-US')} edges`,
    table([
      ['', 'new', 'merged', 'skipped'],
      ...Object.entries(s.records)
        .filter(([, c]) => c.create + c.merge + c.skip > 0)
        .map(([part, c]) => [part, c.create, c.merge, c.skip]),
    ]),
  ];
  if (s.layout)
    lines.push(
      s.layoutView
        ? `  node positions: kept as the saved view "${s.layoutView.name}"`
        : '  node positions: kept as a saved view with a preset layout',
    );
  for (const w of s.warnings) lines.push(`  warning: ${w.line !== undefined ? `line ${w.line}: ` : ''}${w.message}`);
  if (s.warningCount > s.warnings.length) lines.push(`  … and ${s.warningCount - s.warnings.length} more warnings`);
  for (const e of s.errors) lines.push(`  error: ${e.line !== undefined ? `line ${e.line}: ` : ''}${e.message}`);
  if (s.errorCount > s.errors.length) lines.push(`  … and ${s.errorCount - s.errors.length} more errors`);
  if (s.skippedLines) lines.push(`  the first ${s.skippedLines} line(s), before the header, were skipped (--skip-lines to change)`);
  if (s.inFileDuplicateCount && !s.warnings.length)
    lines.push(`  ${s.inFileDuplicateCount} name(s) are given to several nodes of the file`);
  if (dryRun && s.errorCount)
    lines.push(
      `Dry run: nothing was written, and an import would be refused${s.badRowsSkippable ? ' (--skip-bad-rows leaves those rows out and imports the rest)' : ''}.`,
    );
  else lines.push(dryRun ? 'Dry run: nothing was written.' : `Imported (import ${s.importId}).`);
  return lines.join('\n') + '\n';
}
