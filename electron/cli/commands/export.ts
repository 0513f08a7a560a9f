// atlas export: writes the network, a filtered part of it, an ego network or a saved view to a
// file other tools open, or to a snapshot for another copy of the app.
import { resolve } from 'node:path';
import { EXPORT_FORMATS, type ExportFormatId } from '../../../shared/formats';
import type { ExportScope } from '../../../shared/schemas';
import { intOption, parseCommand, UsageError } from '../args';
import { type CliIO, printJson } from '../io';
import { withEngine } from '../open';
import { FILTER_PARSE_OPTIONS, filtersFrom } from './query';

export async function exportFile(argv: string[], io: CliIO): Promise<number> {
  const { common, values } = parseCommand(argv, {
    ...FILTER_PARSE_OPTIONS,
    format: { type: 'string' },
    out: { type: 'string' },
    ego: { type: 'string' },
    depth: { type: 'string' },
    'saved-view': { type: 'string' },
    overwrite: { type: 'boolean' },
    omit: { type: 'string', multiple: true },
  });
  const format = values.format as string | undefined;
  if (!format || !EXPORT_FORMATS.includes(format as never)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (!values.out) throw new UsageError('--out PATH is required (a folder for csv)');
  if (values.depth !== undefined && values.ego === undefined) throw new UsageError('--depth needs --ego ID');
  const filters = filtersFrom(values);
  const result = await withEngine(common.dbPath, async (engine) => {
    const scope: Record<string, unknown> = Object.keys(filters).length ? { filters } : {};
    if (values.ego !== undefined) {
      scope.ego = { organisationId: values.ego, depth: values.depth === undefined ? 1 : intOption('depth', String(values.depth), 1, 3) };
    }
    if (values['saved-view'] !== undefined) {
      const name = String(values['saved-view']);
      const view = engine
        .call('savedView.list', { text: name, limit: 1000 })
        .items.find((v) => v.name.toLowerCase() === name.toLowerCase());
      if (!view) throw new UsageError(`No saved view is named '${name}'`);
      scope.savedViewId = view.id;
    }
    return engine.call('export.run', {
      format: format as ExportFormatId,
      path: resolve(String(values.out)),
      scope: scope as ExportScope,
      ...(values.overwrite ? { overwrite: true } : {}),
      ...(values.omit ? { omit: values.omit as string[] } : {}),
    });
  });
  if (common.json) printJson(io.stdout, result);
  else {
    io.stdout.write(
      `Exported ${result.organisations} organisations, ${result.partnerships} partnerships, ${result.events} events, ` +
        `${result.links} memberships and participations, ${result.relations} relations to:\n${result.files.map((f) => `  ${f}`).join('\n')}\n` +
        (result.omitted.length ? `Left out: ${result.omitted.join(', ')}\n` : ''),
    );
  }
  return 0;
}
