// atlas generate: a synthetic network for demos and benchmarks, timed so it doubles as a load test.
import { performance } from 'node:perf_hooks';
import { intOption, parseCommand, UsageError } from '../args';
import { type CliIO, printJson, table } from '../io';
import { withEngine } from '../open';
import { maxTies } from '../../engine/generate/synthetic';

const MAX_ORGS = 1_000_000;

export async function generate(argv: string[], io: CliIO): Promise<number> {
  const { common, values } = parseCommand(argv, { orgs: { type: 'string' }, ties: { type: 'string' }, seed: { type: 'string' } });
  if (values.orgs === undefined) throw new UsageError('generate needs --orgs N (how many organisations)');
  const organisations = intOption('orgs', values.orgs as string, 1, MAX_ORGS);
  const ties = values.ties === undefined ? undefined : intOption('ties', values.ties as string, 0, maxTies(organisations));
  // The generator's PRNG keeps 32 bits of the seed; larger ones would silently collide.
  const seed = values.seed === undefined ? 1 : intOption('seed', values.seed as string, 0, 2 ** 32 - 1);

  const { result, seconds } = await withEngine(common.dbPath, (engine) => {
    const start = performance.now();
    const result = engine.generate({ organisations, seed, ...(ties === undefined ? {} : { ties }) });
    return { result, seconds: (performance.now() - start) / 1000 };
  });
  const rowsPerSecond = seconds > 0 ? Math.round(result.totalRows / seconds) : result.totalRows;
  if (common.json) {
    printJson(io.stdout, {
      rows: result.rows,
      totalRows: result.totalRows,
      ...(result.ties === undefined ? {} : { ties: result.ties }),
      seconds,
      rowsPerSecond,
      importId: result.importId,
    });
    return 0;
  }
  const rows = Object.entries(result.rows).map(([t, n]): (string | number)[] => [t, n]);
  io.stdout.write(
    [
      `Generated a synthetic network of ${organisations.toLocaleString('en-US')} organisations` +
        (result.ties === undefined ? '' : ` and ${result.ties.toLocaleString('en-US')} ties`) +
        ` (seed ${seed}):`,
      table([...rows, ['total', result.totalRows]]),
      `${result.totalRows.toLocaleString('en-US')} rows in ${seconds.toFixed(2)} s (${rowsPerSecond.toLocaleString('en-US')} rows/s)`,
      `Import ID: ${result.importId}`,
      '',
    ].join('\n'),
  );
  return 0;
}
