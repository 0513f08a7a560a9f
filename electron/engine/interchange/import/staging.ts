// Files crossing between the window and the engine. The renderer cannot hand the engine a path
// (sandboxed pages have none), so it sends a picked file's bytes to be staged in a private temp
// folder and imports from there; exports are written there and fetched back for download. Only
// files inside the staging folder can be fetched, whatever path is asked for.
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve, sep } from 'node:path';
import { newId } from '../../ids';
import { AtlasError } from '../../../../shared/errors';

export class Staging {
  /** `root`: a folder the host keeps across engine restarts (and removes); otherwise one made on first use. */
  constructor(private root: string | null = null) {}

  private dir(): string {
    this.root ??= realpathSync(mkdtempSync(join(tmpdir(), 'atlas-staging-')));
    return this.root;
  }

  /** Stores one picked file; files staged with the same batch share a folder (a nodes/edges CSV pair). */
  stage(name: string, dataBase64: string, batch?: string): { path: string; folder: string; batch: string } {
    const id = batch ?? newId();
    const folder = join(this.dir(), id);
    mkdirSync(folder, { recursive: true });
    const safe =
      basename(name)
        .replace(/[^\w.\- ]+/g, '_')
        .slice(0, 200) || 'file';
    const path = join(folder, safe);
    writeFileSync(path, Buffer.from(dataBase64, 'base64'));
    return { path, folder, batch: id };
  }

  /** A new path in the staging folder for an export to write to. */
  exportPath(name: string): string {
    const folder = join(this.dir(), newId());
    mkdirSync(folder, { recursive: true });
    return join(folder, basename(name).replace(/[^\w.\- ]+/g, '_') || 'export');
  }

  /** Whether `path` is a file the window staged (its folder is temporary and means nothing later). */
  holds(path: string): boolean {
    return this.root !== null && resolve(path).startsWith(this.root + sep);
  }

  /** Removes every staged file: picked files hold someone's network, and temp folders outlive the app. */
  clear(): void {
    if (this.root) rmSync(this.root, { recursive: true, force: true });
    this.root = null;
  }

  fetch(path: string): { name: string; dataBase64: string } {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      throw new AtlasError('not_found', `No staged file at ${path}`, 'path');
    }
    if (!real.startsWith(this.dir() + sep) || !statSync(real).isFile()) {
      throw new AtlasError('forbidden', 'Only files the app staged can be fetched', 'path');
    }
    return { name: basename(real), dataBase64: readFileSync(real).toString('base64') };
  }
}
