// Where a writer's text goes: into one string (for callers that want it whole), into a buffer, or
// into a file a megabyte at a time, so a 150 MB export never exists as one string. Text is encoded
// piece by piece into one reused buffer: joining the pieces into a string first and encoding that
// cost more than all the writing.
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

export interface TextOut {
  write(text: string): void;
}

export function collect(fn: (out: TextOut) => void): string {
  const parts: string[] = [];
  fn({ write: (text) => parts.push(text) });
  return parts.join('');
}

const PIECE = 1 << 20;

/** UTF-8 text handed to `emit` in pieces; `emit` must be done with a piece before it returns. */
class Utf8Out implements TextOut {
  private readonly buffer = Buffer.allocUnsafe(PIECE);
  private used = 0;

  constructor(private readonly emit: (data: Buffer) => void) {}

  write(text: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (this.used + text.length * 3 > PIECE) {
      this.flush();
      if (text.length * 3 > PIECE) return this.emit(Buffer.from(text));
    }
    this.used += this.buffer.write(text, this.used);
  }

  flush(): void {
    if (!this.used) return;
    const data = this.buffer.subarray(0, this.used);
    this.used = 0;
    this.emit(data);
  }
}

/** Text written with `fn`, as UTF-8 bytes. */
export function collectBytes(fn: (out: TextOut) => void): Buffer {
  const chunks: Buffer[] = [];
  const out = new Utf8Out((data) => chunks.push(Buffer.from(data)));
  fn(out);
  out.flush();
  return Buffer.concat(chunks);
}

/**
 * A file written beside its target and renamed into place on `commit`, so a failure never leaves
 * half a file. File-system errors come out as `FileError`; a writer's own errors pass through.
 */
export class AtomicFile implements TextOut {
  private readonly tmp: string;
  private fd: number | null = null;
  private readonly text = new Utf8Out((data) => this.fs(() => writeAll(this.fd!, data)));

  constructor(readonly path: string) {
    this.tmp = `${path}.partial`;
    this.fd = this.fs(() => openSync(this.tmp, 'w'));
  }

  write(text: string): void {
    this.text.write(text);
  }

  writeBuffer(data: Buffer): void {
    this.text.flush();
    this.fs(() => writeAll(this.fd!, data));
  }

  commit(): void {
    this.text.flush();
    this.fs(() => {
      closeSync(this.fd!);
      this.fd = null;
      renameSync(this.tmp, this.path);
    });
  }

  abort(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.tmp, { force: true });
  }

  private fs<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw new FileError(this.path, err as Error);
    }
  }
}

export class FileError extends Error {
  constructor(
    readonly path: string,
    err: Error,
  ) {
    super(`Cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? err.message}`);
  }
}

function writeAll(fd: number, data: Buffer): void {
  for (let done = 0; done < data.length;) done += writeSync(fd, data, done);
}
