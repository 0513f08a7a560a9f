// The first bytes of a file, for recognising its format without reading a 50 MB file whole.
import { closeSync, openSync, readSync } from 'node:fs';

export function fileHead(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(bytes);
    return head.subarray(0, readSync(fd, head, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}
