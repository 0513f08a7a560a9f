// A folder export (CSV: one file per record type, and the node and edge lists) as one ZIP, for the
// window: a browser asked to save nine files saves nine downloads, or asks nine times.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ZipWriter } from '../formats/zip/writer';

/** Writes `files` into `zipPath` under their own names; returns the ZIP's path. */
export function zipFiles(files: readonly string[], zipPath: string): string {
  const chunks: Buffer[] = [];
  const zip = new ZipWriter({ writeBuffer: (data) => chunks.push(data) });
  for (const f of files) zip.add(basename(f), readFileSync(f));
  zip.finish();
  writeFileSync(zipPath, Buffer.concat(chunks));
  return zipPath;
}
