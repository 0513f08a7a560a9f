// Exporting a part of the network to a file other tools (or another copy of this app) open. The
// scope becomes a Bundle; each format is one writer (formats/registry.ts); nothing is written over
// an existing file unless asked, and a failed export leaves no half-written file behind.
import type { Database } from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AtlasError } from '../../../../shared/errors';
import type { ExportInput, ExportResult } from '../../../../shared/schemas';
import type { GraphService } from '../../graph/service';
import { writerOf, type FileOut } from '../formats/registry';
import { recordsFor, type ScopedRecords } from './scope';
import { AtomicFile, FileError } from './sink';

export async function exportTo(
  db: Database,
  graph: GraphService,
  input: ExportInput,
  resourcesDir: string,
  actor: string,
): Promise<ExportResult> {
  const scoped = recordsFor(db, graph, input.scope ?? {});
  const files = await write(input, scoped, db, resourcesDir, actor);
  const { reader } = scoped;
  return {
    format: input.format,
    files,
    organisations: reader.count('organisations'),
    partnerships: reader.count('partnerships'),
    events: reader.count('events'),
    links: reader.count('memberships') + reader.count('participations'),
    relations: reader.count('relations'),
    ties: scoped.ties,
  };
}

async function write(
  input: ExportInput,
  { reader, whole }: ScopedRecords,
  db: Database,
  resourcesDir: string,
  actor: string,
): Promise<string[]> {
  const { path, format } = input;
  const options = input.positions ? { positions: input.positions } : {};
  const writer = writerOf(format);
  if (writer.to === 'folder') {
    if (existsSync(path) && !input.overwrite) refuseExisting(path);
    mkdirSync(path, { recursive: true });
    return fileErrors(() => writer.write(reader, (name) => new AtomicFile(join(path, name))).map((name) => join(path, name)));
  }
  if (existsSync(path)) {
    if (!input.overwrite) refuseExisting(path);
    rmSync(path, { force: true });
  }
  if (writer.to === 'file') return [writeFile(path, (out) => writer.write(reader, options, out))];
  // A whole network is the database's own tables, which SQLite copies faster than any row loop.
  writer.write(path, reader, { resourcesDir, actor, copyFrom: whole && !db.memory ? db.name : undefined });
  return [path];
}

function refuseExisting(path: string): never {
  throw new AtlasError('conflict', `${path} already exists; choose another name or allow overwriting`, 'path');
}

/** Written beside the target and renamed into place, so a failure never leaves half a file. */
function writeFile(path: string, fn: (out: FileOut) => void): string {
  if (existsSync(path)) refuseExisting(path);
  return fileErrors(() => {
    const file = new AtomicFile(path);
    try {
      fn(file);
      file.commit();
    } catch (err) {
      file.abort();
      throw err;
    }
    return path;
  });
}

function fileErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof FileError) throw new AtlasError('validation', err.message, 'path');
    throw err;
  }
}
