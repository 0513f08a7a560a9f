// A snapshot shown read-only in place of the network: another laptop's file, looked at before (or
// instead of) merging it. It is opened as a database of its own, read-only, so nothing in it can
// change; a snapshot written by an older version is upgraded in a temporary copy first.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AtlasError } from '../../../../../shared/errors';
import { openDatabase } from '../../../db/open';
import { isSnapshot } from './read';

/** What is opened over the snapshot: the engine's own class, which this module need not know. */
interface Closable {
  close(): void;
}

export interface SnapshotView<E extends Closable> {
  engine: E;
  name: string;
  close(): void;
}

/** `open(dbPath, name)` makes the read-only engine; the caller decides its other options. */
export function openSnapshotView<E extends Closable>(
  path: string,
  resourcesDir: string,
  open: (dbPath: string, name: string) => E,
): SnapshotView<E> {
  const name = basename(path);
  if (!isSnapshot(path)) throw new AtlasError('validation', `${name} is not a snapshot (a Stakeholder Atlas .atlas file)`, 'path');
  let scratch: string | null = null;
  let engine: E;
  try {
    engine = open(path, name);
  } catch (err) {
    if (!(err instanceof AtlasError) || !/needs an upgrade/.test(err.message)) throw err;
    scratch = mkdtempSync(join(tmpdir(), 'atlas-view-'));
    const copy = join(scratch, 'snapshot.sqlite');
    copyFileSync(path, copy);
    // Upgraded by opening it writable once, then shown read-only like any other.
    openDatabase(copy, { resourcesDir }).db.close();
    engine = open(copy, name);
  }
  return {
    engine,
    name,
    close() {
      engine.close();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    },
  };
}
