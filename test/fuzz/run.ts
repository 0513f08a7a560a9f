// `npm run fuzz -- --minutes N [--seed S]`: the properties of fuzz.test.ts for N minutes, four
// import inputs to each contract call, every failing input kept under test/fuzz/found/ (found.ts)
// for fuzz.test.ts to replay. The inputs run in a worker thread that reports each one before it
// tries it; if it goes quiet past the limit, the input it was on is kept as a hang and a fresh
// worker goes on.
import fc from 'fast-check';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { CALL_LIMIT_MS, FuzzBed, type Finding, type ImportCase } from './bed';
import { callCase, materialise, type CallCase } from './calls';
import { keep } from './found';
import { importCase } from './mutate';

type Case = { call: CallCase } | { import: ImportCase };
type Report =
  | { type: 'trying'; c: Case }
  | { type: 'found'; finding: Finding; c: Case }
  | { type: 'tally'; imports: number; calls: number }
  | { type: 'done' };

const BATCH = 40;
const FRESH_BED_EVERY = 6;

async function work(seed: number, until: number): Promise<void> {
  const post = (r: Report) => parentPort!.postMessage(r);
  let bed = await new FuzzBed().open();
  let imports = importCase(bed);
  let calls = callCase(bed);
  let tally = { imports: 0, calls: 0 };
  for (let batch = 0; Date.now() < until; batch++) {
    // Imports that land grow the network, and every later call works over it: a fresh bed now and then.
    if (batch > 0 && batch % FRESH_BED_EVERY === 0) {
      bed.close();
      bed = await new FuzzBed().open();
      imports = importCase(bed);
      calls = callCase(bed);
    }
    const s = seed * 100_003 + batch;
    const cases: Case[] = [
      ...fc.sample(imports, { seed: s, numRuns: BATCH }).map((c) => ({ import: c })),
      ...fc.sample(calls, { seed: s, numRuns: BATCH / 4 }).map((c) => ({ call: c })),
    ];
    for (const c of cases) {
      if (Date.now() >= until) break;
      post({ type: 'trying', c });
      const finding = 'call' in c ? await bed.tryCall(c.call.name, materialise(c.call)) : await bed.tryImport(c.import);
      if ('call' in c) {
        tally.calls++;
        bed.engine.call('snapshot.view', { path: null });
      } else tally.imports++;
      if (finding) post({ type: 'found', finding, c });
    }
    post({ type: 'tally', ...tally });
    tally = { imports: 0, calls: 0 };
  }
  bed.close();
  post({ type: 'done' });
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} must be a number, not ${process.argv[i + 1]}`);
  return v;
}

async function main(): Promise<void> {
  const minutes = arg('minutes', 1);
  let seed = arg('seed', Date.now() % 1_000_000);
  const firstSeed = seed;
  const until = Date.now() + minutes * 60_000;
  const totals = { imports: 0, calls: 0, found: 0 };
  const problems = new Map<string, number>();
  console.log(`Fuzzing for ${minutes} minute(s) from seed ${seed}; failing inputs go to test/fuzz/found/`);
  while (Date.now() < until) {
    await new Promise<void>((resolve) => {
      let last: Case | null = null;
      let heard = Date.now();
      // A worker does not inherit tsx's loader for a .ts entry: it registers it, then loads this file.
      const boot = `import('tsx/esm/api').then(({ register }) => (register(), import(${JSON.stringify(import.meta.url)})))`;
      const worker = new Worker(boot, { eval: true, workerData: { seed, until } });
      const watchdog = setInterval(() => {
        if (Date.now() - heard < CALL_LIMIT_MS * 3) return;
        clearInterval(watchdog);
        if (last) {
          totals.found++;
          problems.set('hang', (problems.get('hang') ?? 0) + 1);
          console.log(`hang: kept at ${keep({ problem: 'hang', detail: 'no answer within the limit' }, last)}`);
        }
        void worker.terminate();
        worker.unref();
        seed++;
        resolve();
      }, 1000);
      worker.on('message', (r: Report) => {
        heard = Date.now();
        if (r.type === 'trying') last = r.c;
        else if (r.type === 'found') {
          totals.found++;
          problems.set(r.finding.problem, (problems.get(r.finding.problem) ?? 0) + 1);
          console.log(`${r.finding.problem}: ${r.finding.detail.split('\n')[0]!.slice(0, 200)}\n  kept at ${keep(r.finding, r.c)}`);
        } else if (r.type === 'tally') {
          totals.imports += r.imports;
          totals.calls += r.calls;
        }
      });
      const finish = () => {
        clearInterval(watchdog);
        seed++;
        resolve();
      };
      worker.on('error', (err) => {
        console.log(`the worker failed: ${err.message}`);
        if (last) {
          totals.found++;
          problems.set('untyped', (problems.get('untyped') ?? 0) + 1);
          console.log(`  kept at ${keep({ problem: 'untyped', detail: `the worker died: ${err.message}` }, last)}`);
        }
        finish();
      });
      worker.on('exit', finish);
    });
  }
  const byProblem = [...problems].map(([p, n]) => `${n} ${p}`).join(', ') || 'nothing';
  console.log(
    `Tried ${totals.imports} import inputs and ${totals.calls} contract calls in ${minutes} minute(s) (seeds ${firstSeed}–${seed}); found ${byProblem}.`,
  );
  process.exitCode = totals.found ? 1 : 0;
}

if (isMainThread) void main();
else {
  const { seed, until } = workerData as { seed: number; until: number };
  void work(seed, until);
}
