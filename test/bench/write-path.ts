// How much of the import budget the database alone takes: the records a 250,000-element foreign
// import creates (organisations and relations, as its plan makes them) are built first, then only
// written, by the importer's own write step (`writeImported`: one import run, records by run,
// secondary indexes deferred, citations made by SQLite, one commit). No file is read, parsed or
// planned. With citations and without, since a citation per record is half of what is written.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../electron/engine/engine';
import { writeImported, type Writes } from '../../electron/engine/interchange/import/importer';
import { TABLES, type RecordObject } from '../../electron/engine/store/tables';

export function writePathMs(dir: string, resourcesDir: string, nodes: number, edges: number, cite: boolean): number {
  const dbPath = join(dir, `write-path-${cite}.sqlite`);
  const engine = new Engine({ dbPath, resourcesDir, actor: 'bench' });
  const { writer, store } = engine;
  try {
    const sectors = ['government', 'civil_society', 'academia', 'private_sector', 'intergovernmental'];
    const countries = ['FR', 'BR', 'KE', 'IN', 'US', 'DE', 'NG', 'JP'];
    const organisations: RecordObject[] = [];
    for (let k = 0; k < nodes; k++) {
      organisations.push(
        store.build(TABLES.organisation, {
          name: `Organisation ${k}`,
          sector: sectors[k % 5],
          country: countries[k % 8],
          attributes: { 'id in file': String(k) },
        }),
      );
    }
    const relations: RecordObject[] = [];
    for (let k = 0; k < edges; k++) {
      const a = organisations[k % nodes]!.id;
      const b = organisations[(k * 7 + 1 + Math.floor(k / nodes)) % nodes]!.id;
      relations.push(
        store.build(TABLES.relation, {
          sourceId: a,
          targetId: a === b ? organisations[(k + 1) % nodes]!.id : b,
          type: 'other',
          attributes: { weight: 1 + (k % 5), directed: false },
        }),
      );
    }
    const t = performance.now();
    writer.runImport({ label: 'write path', format: 'gexf', file: null }, () => {
      const source = store.create(TABLES.source, { title: 'bench' });
      const writes: Writes = {
        batches: [
          [TABLES.organisation, organisations, cite],
          [TABLES.relation, relations, cite],
        ],
        merged: [],
      };
      writeImported(writer, engine.work, writes, source.id);
    });
    return performance.now() - t;
  } finally {
    engine.close();
    for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true });
  }
}
