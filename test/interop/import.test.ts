// Importing other tools' real files end to end through the engine (../shared/datasets): preview, run,
// merge on re-import, refusals. test/interchange/import.test.ts covers the same on our own fixtures.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import { useEngines } from '../interchange/helpers';
import {
  expectLoneListsTold,
  expectPreviewThenImport,
  expectRefusalsLeaveDatabase,
  expectReimportMerges,
} from '../interchange/import-checks';
import { DATASETS as DATA } from './datasets';

const engines = useEngines();
let engine: Engine;
beforeEach(() => {
  engine = engines.open('import');
});

describe('importing dataset files', () => {
  it('previews without writing, then imports whole with sources and a preset layout', async () => {
    const path = `${DATA}/gexf/graphology/les_miserables.gexf`;
    const { organisation } = await expectPreviewThenImport(engine, path, { format: 'gexf', nodes: 77, edges: 254, named: 'Valjean' });
    expect(organisation.attributes['id in file']).toEqual(expect.any(String));
  });

  it('importing the same file again merges organisations and adds no relation twice', async () => {
    await expectReimportMerges(engine, `${DATA}/graphml/airlines.graphml`, { organisations: 235, relations: 2101 });
  });

  it('tells a lone node list from a lone edge list, with or without a header', async () => {
    await expectLoneListsTold(engine, engines.dir(), `${DATA}/csv/jgrapht-csv-tests/CSVImporterTest_testEdgeListDirectedUnweighted.csv`);
  });

  it('refuses hostile and broken files, and leaves the database exactly as it was', async () => {
    await expectRefusalsLeaveDatabase(engine, engines.dir(), { refused: [], large: `${DATA}/graphml/airlines.graphml` });
  });
});
