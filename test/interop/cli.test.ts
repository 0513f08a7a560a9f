// `atlas import` on other tools' real files (../shared/datasets): graphology's les_miserables.gexf and
// networkx's hyperedge test. test/cli/cli.test.ts covers the same on our own fixtures.
import { describe, it } from 'vitest';
import { expectBrokenFileRefused, expectDryRunThenImport, expectProgressOnTerminal, tempDatabases } from '../cli/helpers';
import { DATASETS as DATA } from './datasets';

const { freshDb } = tempDatabases();

describe('atlas import on dataset files', () => {
  const gexf = `${DATA}/gexf/graphology/les_miserables.gexf`;

  it('previews with --dry-run and writes nothing, then imports and says so', async () => {
    await expectDryRunThenImport(freshDb(), gexf, { format: 'GEXF', nodes: 77, edges: 254 });
  });

  it('shows progress on a terminal, on one line that it clears', async () => {
    await expectProgressOnTerminal(freshDb(), gexf);
  });

  it('refuses a broken file on one line, exit 1, leaving the database as it was', async () => {
    await expectBrokenFileRefused(freshDb(), `${DATA}/graphml/networkx-tests/hyperedge_raise.graphml`, /hyperedges are not supported/);
  });
});
