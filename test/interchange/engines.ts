// Engines on fresh database files in a temp folder per test, closed and removed after it.
import { afterEach, beforeEach } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import { openEngine, tempDir } from '../engine/helpers';

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
