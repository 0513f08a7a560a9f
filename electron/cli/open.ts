// The CLI's engine: the same one the app runs, on the file --db names, with the person at the
// terminal recorded as the author of every change it makes.
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { Engine } from '../engine/engine';
import { findResourcesDir } from '../engine/paths';
import { WorkControl, type Progress } from '../engine/work';

function actor(): string {
  try {
    return userInfo().username || 'cli';
  } catch {
    // userInfo throws for a uid with no passwd entry (common in containers).
    return 'cli';
  }
}

export async function withEngine<T>(
  dbPath: string,
  run: (engine: Engine) => T | Promise<T>,
  onProgress?: (p: Progress) => void,
): Promise<T> {
  const engine = new Engine({
    dbPath: resolve(dbPath),
    resourcesDir: findResourcesDir(),
    actor: actor(),
    ...(onProgress ? { work: new WorkControl(undefined, onProgress) } : {}),
  });
  try {
    return await run(engine);
  } finally {
    engine.close();
  }
}
