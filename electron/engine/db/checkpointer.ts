// Copying the write-ahead log back into the database file, on a thread of its own. SQLite does
// it by default at the end of the commit that takes the log past 1,000 pages, inside that call:
// after a million-edge import that was the 870 MB the import had just written, written again
// (5 s of a 33 s import), and any later commit that crossed the line paid for a smaller copy
// while the person waited. Here the engine's connection never checkpoints on its own; after a
// commit that leaves the log long, a worker opens the same file and runs a PASSIVE checkpoint,
// which waits for no one and blocks no one (readers and the next writer carry on against the log).
//
// The log file is truncated back to LOG_BYTES when SQLite next starts it from the beginning
// (journal_size_limit): otherwise the 870 MB file would stay on the laptop's disk until the
// network is closed, and its size could not tell a long log from an old one.
import type { Database } from 'better-sqlite3';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** SQLite's own threshold (1,000 pages of 4 KB): a log longer than this is copied back. */
export const LOG_BYTES = 4 * 1024 * 1024;
/**
 * How long closing the network waits for a copy under way (4–6 s after a million-edge import
 * here) before it closes anyway: the copy goes on, the worker's connection, closing last, removes
 * the log, and if the app quits first the next open finishes the copy (SQLite's recovery).
 */
const CLOSE_WAIT_MS = 30_000;

// CommonJS run as the worker's code (`eval`), so no bundle entry or file is needed for it. The
// module path is resolved here: an eval'd worker resolves bare names from the working directory.
const CHECKPOINT = `
const { workerData } = require('node:worker_threads');
const flag = new Int32Array(workerData.done);
try {
  const Database = require(workerData.module);
  const db = new Database(workerData.path, { fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    db.close();
  }
} finally {
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
`;

export class Checkpointer {
  private running: Int32Array | null = null;
  /** A commit came while a copy ran: look at the log again when it ends. */
  private again = false;
  /** The worker could not run here: SQLite checkpoints in the commit again, as by default. */
  private inline = false;
  private readonly module: string;

  constructor(
    private readonly db: Database,
    private readonly path: string,
    private readonly nativeBinding?: string,
  ) {
    this.module = createRequire(import.meta.url).resolve('better-sqlite3');
    db.pragma('wal_autocheckpoint = 0');
    db.pragma(`journal_size_limit = ${LOG_BYTES}`);
  }

  /** After every commit of the engine's connection. */
  committed(): void {
    if (this.inline || !this.long()) return;
    if (this.running) {
      this.again = true;
      return;
    }
    const done = new SharedArrayBuffer(4);
    this.running = new Int32Array(done);
    const worker = new Worker(CHECKPOINT, {
      eval: true,
      workerData: { module: this.module, path: this.path, nativeBinding: this.nativeBinding, done },
    });
    worker.on('error', () => {
      // A log left long is still correct, only slower to read and larger on disk.
      this.inline = true;
      if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
    });
    worker.on('exit', () => {
      this.running = null;
      if (!this.again) return;
      this.again = false;
      if (this.db.open) this.committed();
    });
  }

  /** Waits for a copy under way, so the engine's own close finds the log short and removes it. */
  close(): void {
    if (this.running) Atomics.wait(this.running, 0, 0, CLOSE_WAIT_MS);
  }

  private long(): boolean {
    try {
      return statSync(`${this.path}-wal`).size > LOG_BYTES;
    } catch {
      return false;
    }
  }
}
