// Exporting a part of the network to a file other tools (or another copy of this app) open. The
// scope becomes a Bundle; each format is one writer; nothing is written over an existing file
// unless asked, and a failed export leaves no half-written file behind.
import type { Database } from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AtlasError } from '../../../shared/errors';
import type { ExportInput, ExportResult } from '../../../shared/schemas';
import type { SliceBuilder } from '../graph/slice';
import type { Bundle } from './bundle';
import { bundleToCsvFiles, bundleToNodeEdgeCsv } from './csv-bundle';
import { bundleFor } from './scope';
import { writeSnapshot } from './snapshot';
import { writeCyjs } from './write-cyjs';
import { writeGexf } from './write-gexf';
import { writeGraphml } from './write-graphml';
import { bundleToXlsx } from './xlsx';

export async function exportTo(
  db: Database,
  slices: SliceBuilder,
  input: ExportInput,
  resourcesDir: string,
  actor: string,
): Promise<ExportResult> {
  const bundle = bundleFor(db, slices, input.scope ?? {});
  const files = await write(input, bundle, resourcesDir, actor);
  return {
    format: input.format,
    files,
    organisations: bundle.organisations.length,
    partnerships: bundle.partnerships.length,
    events: bundle.events.length,
    links: bundle.memberships.length + bundle.participations.length,
    relations: bundle.relations.length,
  };
}

async function write(input: ExportInput, bundle: Bundle, resourcesDir: string, actor: string): Promise<string[]> {
  const { path, format } = input;
  const options = input.positions ? { positions: input.positions } : {};
  if (format === 'csv') {
    if (existsSync(path) && !input.overwrite) refuseExisting(path);
    mkdirSync(path, { recursive: true });
    const files = { ...bundleToCsvFiles(bundle), ...bundleToNodeEdgeCsv(bundle) };
    return Object.entries(files).map(([name, text]) => atomicWrite(join(path, name), text, true));
  }
  if (existsSync(path)) {
    if (!input.overwrite) refuseExisting(path);
    rmSync(path, { force: true });
  }
  switch (format) {
    case 'gexf':
      return [atomicWrite(path, writeGexf(bundle, options), false)];
    case 'graphml':
      return [atomicWrite(path, writeGraphml(bundle, options), false)];
    case 'cyjs':
      return [atomicWrite(path, writeCyjs(bundle, options), false)];
    case 'xlsx':
      return [atomicWrite(path, await bundleToXlsx(bundle), false)];
    case 'snapshot':
      writeSnapshot(path, bundle, resourcesDir, actor);
      return [path];
  }
}

function refuseExisting(path: string): never {
  throw new AtlasError('conflict', `${path} already exists; choose another name or allow overwriting`, 'path');
}

/** Written beside the target and renamed into place, so a failure never leaves half a file. */
function atomicWrite(path: string, data: string | Buffer, overwrite: boolean): string {
  if (!overwrite && existsSync(path)) refuseExisting(path);
  const tmp = `${path}.partial`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new AtlasError('validation', `Cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 'path');
  }
  return path;
}
