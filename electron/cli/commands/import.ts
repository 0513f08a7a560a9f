// atlas import FILE: previews what a file would add (always), then imports it unless --dry-run.
import { resolve } from 'node:path';
import { workText } from '../../../shared/domain';
import { IMPORT_FORMATS, type ImportFormatId } from '../../../shared/formats';
import type { ImportSummary } from '../../../shared/schemas';
import { intOption, parseCommand, UsageError } from '../args';
import { type CliIO, printJson, table } from '../io';
import { withEngine } from '../open';

const DUPLICATE = ['merge', 'skip', 'create'] as const;

export async function importFile(argv: string[], io: CliIO): Promise<number> {
  const { common, values, positionals } = parseCommand(
    argv,
    { format: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'on-duplicate': { type: 'string' }, 'max-mb': { type: 'string' } },
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
  const input = {
    path: resolve(file),
    ...(format ? { format: format as ImportFormatId } : {}),
    onDuplicate: onDuplicate as (typeof DUPLICATE)[number],
    ...(maxMb ? { maxBytes: maxMb * 1024 * 1024 } : {}),
  };
  const dryRun = values['dry-run'] === true;
  // On a terminal, one line that rewrites itself; in a pipe or a log, nothing.
  const live = io.stderr.isTTY === true;
  const summary = await withEngine(
    common.dbPath,
    async (engine) => engine.call(dryRun ? 'import.preview' : 'import.run', input),
    live ? (p) => io.stderr.write(`\r\x1b[K${workText(p)}`) : undefined,
  );
  if (live) io.stderr.write('\r\x1b[K');
  if (common.json) printJson(io.stdout, summary);
  else io.stdout.write(describe(summary, dryRun));
  return 0;
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
  lines.push(dryRun ? 'Dry run: nothing was written.' : `Imported (import ${s.importId}).`);
  return lines.join('\n') + '\n';
}
