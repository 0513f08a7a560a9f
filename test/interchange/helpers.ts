// Shared by the interchange tests: engines on fresh files per test, a network read back as a
// Bundle, and the refusal a parser throws.
import { afterEach, beforeEach, expect } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import type { Bundle } from '../../electron/engine/interchange/model/bundle';
import { ImportRefused } from '../../electron/engine/interchange/model/parsed';
import { openEngine, tempDir } from '../engine/helpers';

/** Engines on fresh database files in a temp folder per test, closed and removed after it. */
export function useEngines(): { dir: () => string; open: (name: string) => Engine } {
  let dir = '';
  let cleanup = () => {};
  const engines: Engine[] = [];
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => {
    engines.splice(0).forEach((e) => e.close());
    cleanup();
  });
  return {
    dir: () => dir,
    open: (name) => {
      const e = openEngine(`${dir}/${name}.sqlite`);
      engines.push(e);
      return e;
    },
  };
}

/** Every record of the database, read through the contract as any host would. */
export function networkBundle(e: Engine): Bundle {
  const all = { limit: 10_000 };
  return {
    organisations: e.call('organisation.list', all).items,
    partnerships: e.call('partnership.list', all).items,
    memberships: e.call('membership.list', all).items,
    events: e.call('event.list', all).items,
    participations: e.call('participation.list', all).items,
    relations: e.call('relation.list', all).items,
    sources: e.call('source.list', all).items,
    citations: e.call('citation.list', all).items,
    savedViews: [],
  };
}

export function refusal(fn: () => unknown): ImportRefused {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportRefused);
    return e as ImportRefused;
  }
  throw new Error('expected a refusal');
}
