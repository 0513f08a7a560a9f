// Which format a file is in, when the person importing it does not say: a folder is read as CSV
// files; a file's own signature wins over its name (a snapshot renamed .csv is still a snapshot);
// then its extension; and only a file whose name says nothing is recognised by how it starts.
import { basename, extname } from 'node:path';
import { AtlasError } from '../../../../shared/errors';
import { IMPORTABLE, isFolderFormat, type ImportFormatId } from '../../../../shared/formats';
import { fileHead } from '../formats/file-head';
import { recognisers } from '../formats/registry';

/** Enough of a file to see what it is without reading a 50 MB file whole. */
const HEAD_BYTES = 2048;

export function detectFormat(path: string, isDirectory: boolean): ImportFormatId {
  if (isDirectory) {
    const folder = IMPORTABLE.find(isFolderFormat);
    if (folder) return folder.id;
  }
  const found = recognisers();
  // An unreadable file is recognised by name, as before any reading, and refused by its reader.
  let head: Buffer | null;
  try {
    head = fileHead(path, HEAD_BYTES);
  } catch {
    head = null;
  }
  if (head) for (const [id, r] of found) if (r.signature?.(head)) return id;
  const ext = extname(path).toLowerCase().slice(1);
  const named = IMPORTABLE.find((f) => (f.extensions as readonly string[]).includes(ext));
  if (named) return named.id;
  const start = (head ?? fileHead(path, HEAD_BYTES)).toString('utf8');
  for (const [id, r] of found) if (r.content?.(start)) return id;
  const names = IMPORTABLE.map((f) => `.${f.extensions[0]}`);
  throw new AtlasError(
    'validation',
    `${basename(path)}: cannot tell the file's format from its name or its content; give it one of the endings ${names.slice(0, -1).join(', ')} or ${names.at(-1)}`,
    'format',
  );
}
