// Where the app keeps its database and finds its shipped resources, for the hosts that run under
// plain Node (the CLI, the browser mode). Electron main asks Electron instead; both agree on
// the same per-user folder, named after the product.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PRODUCT_NAME = 'Stakeholder Atlas';
export const DB_FILE = 'atlas.sqlite';

/** The per-user data folder Electron's app.getPath('userData') gives for this product. */
function userDataDir(): string {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

export function defaultDbPath(): string {
  return process.env.ATLAS_DB ?? join(userDataDir(), DB_FILE);
}

/** The checkout's resources folder, found by walking up from this file (works from src and from out/). */
export function findResourcesDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'resources', 'countries.csv'))) return join(dir, 'resources');
    const up = dirname(dir);
    if (up === dir) throw new Error(`Cannot find the resources folder above ${from}`);
    dir = up;
  }
}
