// A snapshot shown read-only in place of the network: another laptop's file, looked at before (or
// instead of) merging it. It is checked as untrusted input first (read.ts), then opened as a
// database of its own, read-only, so nothing in it can change; a snapshot written by an older
// version is upgraded in a temporary copy first.
import { basename } from 'node:path';
import { checkedSnapshot } from './read';

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
  const { file, done } = checkedSnapshot(path, resourcesDir);
  let engine: E;
  try {
    engine = open(file, name);
  } catch (err) {
    done();
    throw err;
  }
  return {
    engine,
    name,
    close() {
      engine.close();
      done();
    },
  };
}
