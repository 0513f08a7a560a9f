// Property and mutation tests over every importer and every contract call, with a fixed seed and a
// small budget (npm run fuzz runs the same properties for as long as it is asked): each input is
// refused with a typed error or succeeds, nothing throws untyped, nothing takes past the limit, and
// a refusal leaves the database file byte for byte as it was. Cases the long run kept are replayed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FuzzBed, IMPORT_KINDS, type Finding } from './bed';
import { callCase, materialise } from './calls';
import { keptCases } from './found';
import { importCase, mutatedFile, tamperedSnapshot } from './mutate';

const SEED = 16;
let bed: FuzzBed;
beforeAll(async () => {
  bed = await new FuzzBed().open();
}, 60_000);
afterAll(() => bed.close());

const holds = (found: Finding | null) => {
  if (found) throw new Error(`${found.problem}: ${found.detail}`);
};

describe('fuzzing the importers', () => {
  for (const kind of IMPORT_KINDS) {
    it(`${kind}: every mutated file is refused with a typed error or imported, and a refusal changes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(mutatedFile(bed, kind), async (c) => holds(await bed.tryImport(c))),
        { seed: SEED, numRuns: 25 },
      );
    }, 60_000);
  }

  it('snapshots changed by SQL as a stranger might (views, triggers, cells of the wrong kind) are refused or read', async () => {
    await fc.assert(
      fc.asyncProperty(tamperedSnapshot(bed), async (c) => holds(await bed.tryImport(c))),
      { seed: SEED, numRuns: 40 },
    );
  }, 60_000);
});

describe('fuzzing the contract', () => {
  it('every call, mutated from a valid one, is answered or refused with a typed error, and a refusal changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(callCase(bed), async (c) => {
        holds(await bed.tryCall(c.name, materialise(c)));
        // A snapshot left shown would answer every later call in the network's place.
        bed.engine.call('snapshot.view', { path: null });
      }),
      { seed: SEED, numRuns: 250 },
    );
  }, 60_000);
});

describe('cases the long run kept', () => {
  it('each passes now', async () => {
    for (const kept of keptCases()) {
      const found = kept.call ? await bed.tryCall(kept.call.name, materialise(kept.call)) : await bed.tryImport(kept.import!);
      expect(found, `${kept.id} (${kept.finding.problem}: ${kept.finding.detail.slice(0, 120)})`).toBeNull();
      bed.engine.call('snapshot.view', { path: null });
    }
  }, 60_000);

  it('the mixed arbitrary the long run draws from covers every kind', () => {
    const kinds = new Set(fc.sample(importCase(bed), { seed: SEED, numRuns: 200 }).map((c) => c.kind));
    expect([...kinds].sort()).toEqual([...IMPORT_KINDS].sort());
  });
});
