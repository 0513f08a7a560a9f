// Import and export benchmarks (issue 4), on a synthetic network: export every format, then
// import the GEXF and GraphML files into empty databases, timed against graphology's own parsers
// reading the same files, and the memory an import of a large file takes (in its own process).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { DOMParser } from '@xmldom/xmldom';
import { Engine } from '../../electron/engine/engine';
import { findResourcesDir } from '../../electron/engine/paths';
import type { Row } from './engine.bench';

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
      const path = join(dir, format === 'csv' ? 'csv' : `network.${format}`);
      const [, ms] = await timed(() => source.call('export.run', { format, path }));
      rows.push({
        what: `export ${elements.toLocaleString('en')} elements to ${format}`,
        figure: `${(ms / 1000).toFixed(2)} s`,
        target: '≤ 3 s',
        ok: ms <= 3000,
      });
    }
    source.close();

    for (const format of ['gexf', 'graphml'] as const) {
      const path = join(dir, `network.${format}`);
      const text = readFileSync(path, 'utf8');
      const [, parseMs] = await timed(() =>
        format === 'gexf' ? gexf.parse(Graph, text, { addMissingNodes: true }) : graphml.parse(Graph, text, { addMissingNodes: true }),
      );
      const target = new Engine({ dbPath: join(dir, `import-${format}.sqlite`), resourcesDir, actor: 'bench' });
      const [, importMs] = await timed(() => target.call('import.run', { path }));
      target.close();
      const rate = elements / (importMs / 1000);
      rows.push({
        what: `import ${format} (${(statSync(path).size / 1e6).toFixed(0)} MB, ${elements.toLocaleString('en')} elements) into an empty database`,
        figure: `${Math.round(rate).toLocaleString('en')} elements/s (${(importMs / 1000).toFixed(2)} s)`,
        target: '≥ 100,000 elements/s',
        ok: rate >= 100_000,
      });
      rows.push({
        what: `  …against graphology-${format} only parsing the same file (${(parseMs / 1000).toFixed(2)} s)`,
        figure: `${(importMs / parseMs).toFixed(2)}× its time`,
        target: '≤ 1.5×',
        ok: importMs / parseMs <= 1.5,
      });
    }

    // Memory: a ~50 MB GEXF imported by a fresh process, peak resident set size.
    const big = join(dir, 'network.gexf');
    const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./import-memory.ts', import.meta.url)), big, join(dir, 'memory.sqlite'), resourcesDir], {
      encoding: 'utf8',
    });
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

// graphology-gexf and -graphml need a DOM parser under Node.
(globalThis as unknown as { DOMParser: typeof DOMParser }).DOMParser ??= DOMParser;
