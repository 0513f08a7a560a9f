// `npm run bench`: every performance target in the issues, measured and printed as a table.
import { engineBench, type Row } from './engine.bench';
import { interchangeBench } from './interchange.bench';
import { metricsBench } from './metrics.bench';

function print(title: string, rows: Row[]) {
  console.log(`\n${title}\n`);
  console.log('| measure | figure | target | met |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.what} | ${r.figure} | ${r.target} | ${r.ok ? 'yes' : 'NO'} |`);
}

console.log(`Stakeholder Atlas benchmarks · ${new Date().toISOString()} · Node ${process.version} · ${process.platform}/${process.arch}`);
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
if (!only || only === 'engine') print('Engine (issue 2): synthetic network', engineBench());
if (!only || only === 'interchange') print('Import and export (issue 4): synthetic network', await interchangeBench());
if (!only || only === 'metrics') print('Network metrics (explorer): 20,000 organisations', metricsBench());
if (!only || only === 'metrics' || only === 'metrics-scale')
  print('Network metrics at scale (issue 17): a 50,000-organisation slice', (await import('./metrics-scale.bench')).metricsScaleBench());
if (only === 'sampling-error')
  print('Sampled betweenness against exact (issue 17), worst of 5 seeds', (await import('./sampling-error.bench')).samplingErrorBench());
if (!only || only === 'layout')
  print(
    'Layouts (explorer): ForceAtlas2 worker, layouts at once, cose vs fcose, in Chromium',
    await (await import('./layout.bench')).layoutBench(),
  );
if (!only || only === 'curation')
  print('Curation (issue 15): 50,000 organisations', await (await import('./curation.bench')).curationBench());
if (!only || only === 'scale')
  print('Scale (issue 17): 100,000 organisations, 1,000,000 ties', (await import('./scale.bench')).scaleBench());
if (!only || only === 'explorer' || only === 'responsive')
  print(
    'No frozen window (issue 17): long tasks while drilling, filtering and laying out, 40,000 organisations, in Chromium',
    await (await import('./responsive.bench')).responsiveBench(),
  );
if (!only || only === 'explorer')
  print('Explorer (issue 3): drawing, filtering and opening, in Chromium', await (await import('./explorer.bench')).explorerBench());
