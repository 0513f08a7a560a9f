// One session of the app's engine on a large network, in its own process as the app starts it:
// open cold, the aggregated view (with facets and meta.info, what the window asks first), then an
// edit (and the search after it), an import of about a thousand records, drilling region → sub-region → country, metrics of
// a slice of about 50,000 organisations. Prints the figures and the process's peak memory as JSON.
import { Engine } from '../../electron/engine/engine';
import { QuickEngine } from '../../electron/engine/quick';
import type { Filters } from '../../shared/schemas';

const [dbPath, resourcesDir] = process.argv.slice(2) as [string, string];
const out: Record<string, unknown> = {};
const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const AGG = (by: 'region' | 'subRegion' | 'country') => ({ aggregate: { above: 5000, by } });

const t0 = performance.now();
const engine = new Engine({ dbPath, resourcesDir, actor: 'bench' });
engine.call('meta.info', {});
const first = engine.call('graph.slice', AGG('region'));
engine.call('graph.facets', {});
out.open = performance.now() - t0;
out.builtFrom = engine.graph.builtFrom;
out.organisations = first.counts.organisations.total;
out.ties = first.counts.ties.total;
out.groups = first.aggregate?.groups.length ?? 0;

// A one-record edit, then the slice the window asks for next (five times, median).
const ids = engine.db.prepare('SELECT id FROM organisation ORDER BY rowid LIMIT 5 OFFSET 1000').pluck().all() as string[];
const edits: number[] = [];
const afterEdit: number[] = [];
ids.forEach((id, k) => {
  edits.push(time(() => engine.call('organisation.update', { id, patch: { name: `Renamed in the benchmark ${Date.now()} ${k}` } }))[1]);
  afterEdit.push(time(() => engine.call('graph.slice', AGG('region')))[1]);
});
out.edit = median(edits);
out.sliceAfterEdit = median(afterEdit);
const [, afterView] = time(() =>
  engine.call('savedView.create', { name: `bench ${Date.now()}`, filters: {}, view: 'organisations', layout: null, positions: {} }),
);
out.savedView = afterView;
out.sliceAfterSavedView = time(() => engine.call('graph.slice', AGG('region')))[1];

// An import of about a thousand records (the generator's, one transaction), then the next slice.
const [imported, importMs] = time(() => engine.generate({ organisations: 200, seed: 99 }));
out.importRecords = imported.totalRows;
out.importMs = importMs;
out.sliceAfterImport = time(() => engine.call('graph.slice', AGG('region')))[1];

// Drilling down as the window does: a region by sub-region, a sub-region by country, one country drawn.
const drill = (filters: Filters, by: 'subRegion' | 'country') => time(() => engine.call('graph.slice', { filters, ...AGG(by) }));
const [africa, region] = drill({ regions: ['Africa'] }, 'subRegion');
const [ssa, subRegion] = drill({ subRegions: ['Sub-Saharan Africa'] }, 'country');
const [ghana, country] = drill({ countries: ['NG'] }, 'country');
out.drill = { region, subRegion, country };
out.drillSizes = {
  region: africa.counts.organisations.shown,
  subRegion: ssa.counts.organisations.shown,
  country: `${ghana.nodes.length} organisations, ${ghana.edges.length} ties`,
};

// Metrics of the slice nearest 50,000 organisations among a few.
const candidates: Filters[] = [
  { regions: ['Africa', 'Americas'] },
  { regions: ['Asia', 'Europe'] },
  { regions: ['Africa', 'Asia'] },
  { sectors: ['government', 'civil_society'] },
];
const sizes = candidates.map((f) => engine.call('graph.slice', { filters: f, ...AGG('region') }).counts.organisations.shown);
const pick = sizes.indexOf(sizes.reduce((a, b) => (Math.abs(a - 50_000) <= Math.abs(b - 50_000) ? a : b)));
const [m, metricsMs] = time(() => engine.call('graph.metrics', { filters: candidates[pick]! }));
out.metrics = { ms: metricsMs, organisations: m.nodes.length, estimated: m.estimated, samples: m.samples, filters: candidates[pick] };

const [, closeMs] = time(() => engine.close());
out.close = closeMs;
out.maxRssMb = process.resourceUsage().maxRSS / 1024;

// The search box's next search after an edit, answered by the quick engine (its records read
// before the edits, as the window's are), on the engine opened again: after the peak is taken,
// since in the app the quick engine is a worker of the host, not of the engine.
const again = new Engine({ dbPath, resourcesDir, actor: 'bench' });
again.call('graph.slice', AGG('region')); // as the window asks first: the index loaded, and kept again at close
const quick = new QuickEngine({ dbPath });
quick.call('search.query', { text: 'renamed' });
const searchAfterEdit: number[] = [];
const stamp = Date.now();
ids.forEach((id, k) => {
  again.call('organisation.update', { id, patch: { name: `Renamed in the benchmark ${stamp} ${k}` } });
  const [found, ms] = time(() => quick.call('search.query', { text: `benchmark ${stamp}`, limit: 12 })!.value as { total: number });
  if (found.total !== k + 1) throw new Error(`the search after rename ${k + 1} found ${found.total}`);
  searchAfterEdit.push(ms);
});
quick.close();
again.close();
out.searchAfterEdit = median(searchAfterEdit);
process.stdout.write(JSON.stringify(out));
