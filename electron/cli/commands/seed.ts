// atlas seed: loads the shipped seed network; running it again adds nothing.
import { parseCommand } from '../args';
import { type CliIO, printJson } from '../io';
import { withEngine } from '../open';

export async function seed(argv: string[], io: CliIO): Promise<number> {
  const { common } = parseCommand(argv, {});
  const result = await withEngine(common.dbPath, (engine) => engine.seed());
  if (common.json) printJson(io.stdout, { created: result.created, skipped: result.skipped });
  else io.stdout.write(`Loaded the seed network: ${result.created} records created, ${result.skipped} already present\n`);
  return 0;
}
