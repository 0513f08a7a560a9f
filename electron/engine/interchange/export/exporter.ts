// Exporting a part of the network to a file other tools (or another copy of this app) open. The
// scope becomes a Bundle; each format is one writer (formats/registry.ts); nothing is written over
// an existing file unless asked, and a failed export leaves no half-written file behind.
import type { Database } from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AtlasError } from '../../../../shared/errors';
import type { ExportInput, ExportResult } from '../../../../shared/schemas';
import type { AttributeCatalogue } from '../../attributes/catalogue';
import type { GraphService } from '../../graph/service';
import { writerOf, type FileOut } from '../formats/registry';
import { statsOf, type AttributeStats } from '../model/attribute-columns';
import { omitting, resolveOmit } from './omit';
import { recordsFor, type ScopedRecords } from './scope';
import { AtomicFile, FileError } from './sink';

export async function exportTo(
  db: Database,
  graph: GraphService,
  input: ExportInput,
  resourcesDir: string,
  actor: string,
  catalogue: AttributeCatalogue,
): Promise<ExportResult> {
  const scoped = recordsFor(db, graph, input.scope ?? {});
  const typed = attributeStats(scoped, catalogue);
  const omission = resolveOmit(input.omit ?? [], typed);
  const attributes = typed.filter((a) => !omission.attributes.has(a.name));
  const omitted = omission.names.length > 0;
  const reader = omitting(scoped.reader, omission);
  // A saved view's export carries the view's own positions unless the window sends those on screen.
  const view = input.scope?.savedViewId ? scoped.reader.records('savedViews') : [];
  const viewPositions = [...view][0]?.positions;
  const positioned = input.positions || !viewPositions ? input : { ...input, positions: viewPositions };
  const files = await write(positioned, { ...scoped, reader, whole: scoped.whole && !omitted }, db, resourcesDir, actor, attributes);
  return {
    format: input.format,
    files,
    organisations: reader.count('organisations'),
    partnerships: reader.count('partnerships'),
    events: reader.count('events'),
    links: reader.count('memberships') + reader.count('participations'),
    relations: reader.count('relations'),
    omitted: omission.names,
    ties: scoped.ties,
  };
}

/**
 * The attributes the export holds, typed as the catalogue has them (the user's corrections
 * included): the whole catalogue for the whole network, else those the scoped records carry.
 */
function attributeStats({ reader, whole }: ScopedRecords, catalogue: AttributeCatalogue): AttributeStats[] {
  const entries = catalogue.list();
  if (whole) return entries.map(({ kind, name, type, classes }) => ({ kind, name, type, classes }));
  const typeOf = new Map(entries.map((e) => [`${e.kind}\u0000${e.name}`, e.type]));
  return statsOf(reader).map((s) => ({ ...s, type: typeOf.get(`${s.kind}\u0000${s.name}`) ?? s.type }));
}

async function write(
  input: ExportInput,
  { reader, whole }: ScopedRecords,
  db: Database,
  resourcesDir: string,
  actor: string,
  attributes: AttributeStats[],
): Promise<string[]> {
  const { path, format } = input;
  const options = { attributes, ...(input.positions ? { positions: input.positions } : {}) };
  const writer = writerOf(format);
  if (writer.to === 'folder') {
    if (existsSync(path) && !input.overwrite) refuseExisting(path);
    mkdirSync(path, { recursive: true });
    return fileErrors(() => writer.write(reader, (name) => new AtomicFile(join(path, name)), attributes).map((name) => join(path, name)));
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
