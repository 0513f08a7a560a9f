// Import and export benchmarks (issues 4 and 13), on a synthetic network: export every format, then
// import the GEXF and GraphML files into empty databases, timed against graphology's own parsers
// reading the same files, and the memory an import of a large file takes (in its own process).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import { DOMParser } from '@xmldom/xmldom';
import { Engine } from '../../electron/engine/engine';
import { findResourcesDir } from '../../electron/engine/paths';
import type { Row } from './engine.bench';
import { writeForeignNetwork } from './foreign-network';
import { writePathMs } from './write-path';

const resourcesDir = findResourcesDir();
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

async function timed<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await fn();
  return [v, performance.now() - t];
}

export async function interchangeBench(): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-io-'));
  try {
    const source = new Engine({ dbPath: join(dir, 'source.sqlite'), resourcesDir, actor: 'bench' });
    source.generate({ organisations: arg('export-orgs', 60_000), seed: 7 });
    const stats = source.call('stats.get', {});
    const elements = stats.organisations + stats.partnerships + stats.events + stats.memberships + stats.participations + stats.relations;
    for (const format of ['gexf', 'graphml', 'csv', 'xlsx', 'cyjs', 'snapshot'] as const) {
      // Median of three runs into fresh paths: a single export swings by a quarter here.
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const path = join(dir, format === 'csv' ? `csv-${i}` : `network-${i}.${format}`);
        runs.push((await timed(() => source.call('export.run', { format, path })))[1]);
      }
      const ms = runs.sort((a, b) => a - b)[1]!;
      rows.push({
        what: `export ${elements.toLocaleString('en')} elements to ${format} (median of 3)`,
        figure: `${(ms / 1000).toFixed(2)} s (${runs.map((r) => (r / 1000).toFixed(1)).join(' / ')})`,
        target: '≤ 3 s',
        ok: ms <= 3000,
      });
    }
    source.close();

    // Imports. Two kinds of file: a network as other tools write it (graphology's GEXF writer,
    // networkx's GraphML layout: an organisation is a few attributes, a tie one line), and this
    // app's own full-record export of a network whose GEXF is about 50 MB (the memory case),
    // where every element carries its whole record and the file is four times larger per element.
    const foreignElements = writeForeignNetwork(
      join(dir, 'foreign.gexf'),
      join(dir, 'foreign.graphml'),
      arg('foreign-nodes', 50_000),
      arg('foreign-edges', 200_000),
    );
    const mid = new Engine({ dbPath: join(dir, 'mid.sqlite'), resourcesDir, actor: 'bench' });
    mid.generate({ organisations: arg('import-orgs', 19_000), seed: 11 });
    const midStats = mid.call('stats.get', {});
    const midElements =
      midStats.organisations +
      midStats.partnerships +
      midStats.events +
      midStats.memberships +
      midStats.participations +
      midStats.relations;
    for (const format of ['gexf', 'graphml'] as const) await mid.call('export.run', { format, path: join(dir, `mid.${format}`) });
    mid.close();
    const files = [
      { file: 'foreign.gexf', kind: 'as other tools write it', elements: foreignElements },
      { file: 'foreign.graphml', kind: 'as other tools write it', elements: foreignElements },
      { file: 'mid.gexf', kind: "this app's full records", elements: midElements },
      { file: 'mid.graphml', kind: "this app's full records", elements: midElements },
    ];
    for (const { file, kind, elements } of files) {
      const path = join(dir, file);
      const target = new Engine({ dbPath: join(dir, `import-${file}.sqlite`), resourcesDir, actor: 'bench' });
      const [, importMs] = await timed(() => target.call('import.run', { path }));
      target.close();
      const rate = elements / (importMs / 1000);
      const mb = statSync(path).size / 1e6;
      rows.push({
        what: `import ${file.split('.')[1]} ${kind} (${mb.toFixed(0)} MB, ${elements.toLocaleString('en')} elements) into an empty database`,
        figure: `${Math.round(rate).toLocaleString('en')} elements/s (${(importMs / 1000).toFixed(2)} s, ${(mb / (importMs / 1000)).toFixed(1)} MB/s)`,
        target: '(reference: issue 13 dropped 100,000 elements/s)',
        ok: true,
      });
      if (file.endsWith('.gexf')) {
        // graphology's GraphML reader (xmldom) takes minutes at this size; the issue compares GEXF.
        const text = readFileSync(path, 'utf8');
        const [, parseMs] = await timed(() => gexf.parse(Graph, text, { addMissingNodes: true }));
        rows.push({
          what: `  …against graphology-gexf only parsing the same file (${(parseMs / 1000).toFixed(2)} s)`,
          figure: `${(importMs / parseMs).toFixed(2)}× its time`,
          target: '≤ 0.5× (issue 13)',
          ok: importMs / parseMs <= 0.5,
        });
      }
    }

    // Where the budget goes: the same foreign import split in two, each half timed on its own. At
    // 100,000 elements/s the whole import of the foreign files has 2.5 s.
    const budgetMs = (foreignElements / 100_000) * 1000;
    const previewer = new Engine({ dbPath: join(dir, 'preview.sqlite'), resourcesDir, actor: 'bench' });
    const [, previewMs] = await timed(() => previewer.call('import.preview', { path: join(dir, 'foreign.gexf') }));
    // In the window a run follows its preview and carries out the plan the preview made.
    const [, afterPreviewMs] = await timed(() => previewer.call('import.run', { path: join(dir, 'foreign.gexf') }));
    previewer.close();
    rows.push({
      what: `the foreign GEXF imported from the window: the run after its preview, which reuses the preview's plan (the preview took ${(previewMs / 1000).toFixed(2)} s)`,
      figure: `${Math.round(foreignElements / (afterPreviewMs / 1000)).toLocaleString('en')} elements/s (${(afterPreviewMs / 1000).toFixed(2)} s)`,
      target: '(reference)',
      ok: true,
    });
    const halves = [
      { what: `the foreign GEXF's preview alone (reading, parsing and planning; nothing written)`, ms: previewMs },
      ...[true, false].map((cite) => ({
        what: `its ${foreignElements.toLocaleString('en')} records only written, built beforehand (the importer's write path), ${cite ? 'with' : 'without'} a citation each`,
        ms: writePathMs(dir, resourcesDir, arg('foreign-nodes', 50_000), arg('foreign-edges', 200_000), cite),
      })),
    ];
    for (const { what, ms } of halves) {
      rows.push({
        what,
        figure: `${(ms / 1000).toFixed(2)} s`,
        target: `(reference; ${(budgetMs / 1000).toFixed(1)} s was the budget at 100,000 elements/s)`,
        ok: true,
      });
    }

    // Memory: the ~50 MB GEXF imported by a fresh process, peak resident set size.
    const big = join(dir, 'mid.gexf');
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./import-memory.ts', import.meta.url)), big, join(dir, 'memory.sqlite'), resourcesDir],
      {
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(r.stderr);
    const { maxRssMb, seconds } = JSON.parse(r.stdout) as { maxRssMb: number; seconds: number };
    rows.push({
      what: `peak memory importing a ${(statSync(big).size / 1e6).toFixed(0)} MB GEXF file (fresh process, ${seconds.toFixed(1)} s)`,
      figure: `${Math.round(maxRssMb)} MB`,
      target: '< 1,024 MB',
      ok: maxRssMb < 1024,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

// graphology-gexf needs a DOM parser under Node.
(globalThis as unknown as { DOMParser: typeof DOMParser }).DOMParser ??= DOMParser;
