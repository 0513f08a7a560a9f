// Importing a file: read it (within a size limit), parse it with its format's parser, plan what it
// would change, and either report the plan (the preview) or carry it out in one transaction that
// lands whole or not at all. Every record the import creates or merges cites the file.
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { AtlasError } from '../../../shared/errors';
import type { ImportInput, ImportSummary } from '../../../shared/schemas';
import type { RecordStore } from '../store/records';
import { TABLES, type RecordObject } from '../store/tables';
import type { Writer } from '../store/writer';
import type { Database } from 'better-sqlite3';
import { parseGexf } from './gexf';
import { parseGraphml } from './graphml';
import { planImport, type ImportPlan } from './map';
import { ImportRefused, type ParsedGraph } from './parsed';

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
const PARSERS = { gexf: parseGexf, graphml: parseGraphml } as const;
type Format = keyof typeof PARSERS;
const SHOWN = 200;

function detectFormat(path: string, head: string): Format {
  const ext = extname(path).toLowerCase().slice(1);
  if (ext === 'gexf' || ext === 'graphml') return ext;
  if (/<gexf[\s>]/.test(head)) return 'gexf';
  if (/<graphml[\s>]/.test(head)) return 'graphml';
  throw new AtlasError('validation', `${basename(path)}: cannot tell the file's format; name it .gexf or .graphml, or pass the format`, 'format');
}

function readAndParse(input: ImportInput): { graph: ParsedGraph; format: Format } {
  const max = input.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    size = statSync(input.path).size;
  } catch (err) {
    throw new AtlasError('validation', `Cannot read ${input.path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 'path');
  }
  if (size > max) {
    throw new AtlasError(
      'validation',
      `${basename(input.path)} is ${(size / 1e6).toFixed(1)} MB, over the ${(max / 1e6).toFixed(0)} MB limit; raise the limit to import it`,
      'maxBytes',
    );
  }
  const text = readFileSync(input.path, 'utf8');
  const format = input.format ?? detectFormat(input.path, text.slice(0, 2048));
  try {
    return { graph: PARSERS[format](text), format };
  } catch (err) {
    if (err instanceof ImportRefused) {
      throw new AtlasError('validation', `${basename(input.path)} was refused: ${err.message}`, 'path');
    }
    throw err;
  }
}

function summarise(input: ImportInput, format: Format, graph: ParsedGraph, plan: ImportPlan): ImportSummary {
  const count = (a: string) => plan.organisations.filter((o) => o.action === a).length;
  return {
    file: basename(input.path),
    format,
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    organisations: { create: count('create'), merge: count('merge'), skip: count('skip') },
    relations: { create: plan.relations.length, skip: plan.repeatedRelations },
    duplicates: plan.organisations
      .filter((o) => o.matchedBy !== null)
      .slice(0, SHOWN)
      .map((o) => ({ name: String(o.fields.name), existingId: o.id, matchedBy: o.matchedBy!, action: o.action })),
    warnings: plan.warnings.slice(0, SHOWN),
    warningCount: plan.warnings.length,
    errors: plan.errors.slice(0, SHOWN),
    errorCount: plan.errors.length,
    unknownCountries: plan.unknownCountries,
    layout: Object.keys(plan.positions).length > 0,
    importId: null,
  };
}

export function previewImport(db: Database, input: ImportInput): ImportSummary {
  const { graph, format } = readAndParse(input);
  return summarise(input, format, graph, planImport(db, graph, input.onDuplicate ?? 'merge', uuidv7));
}

export function runImport(db: Database, store: RecordStore, writer: Writer, input: ImportInput): ImportSummary {
  const { graph, format } = readAndParse(input);
  const plan = planImport(db, graph, input.onDuplicate ?? 'merge', uuidv7);
  const summary = summarise(input, format, graph, plan);
  if (plan.errors.length) {
    const first = plan.errors[0]!;
    const where = first.line !== undefined ? `line ${first.line}: ` : '';
    throw new AtlasError(
      'validation',
      `${summary.file} has ${plan.errors.length} error(s), so nothing was imported. First: ${where}${first.message}`,
      'path',
    );
  }
  const file = basename(input.path);
  summary.importId = writer.runImport({ label: `Import of ${file}`, format, file: input.path }, (importId) => {
    const source = store.create(TABLES.source, {
      title: file,
      document: input.path,
      notes: `Imported from a ${format.toUpperCase()} file (${graph.nodes.length} nodes, ${graph.edges.length} edges).`,
    });
    const created: RecordObject[] = [];
    const cited: string[] = [];
    for (const o of plan.organisations) {
      if (o.action === 'create') {
        created.push(store.build(TABLES.organisation, { ...o.fields, id: o.id }));
        cited.push(o.id);
      } else if (o.action === 'merge') {
        store.update(TABLES.organisation, o.id, fillGaps(store.get(TABLES.organisation, o.id), o.fields));
        cited.push(o.id);
      }
    }
    const relations = plan.relations.map((r) => store.build(TABLES.relation, r.fields));
    const citations = [
      ...cited.map((id) => store.build(TABLES.citation, { sourceId: source.id, recordType: 'organisation', recordId: id, locator: null })),
      ...relations.map((r) => store.build(TABLES.citation, { sourceId: source.id, recordType: 'relation', recordId: r.id, locator: null })),
    ];
    const bulk = () => {
      writer.insertMany(TABLES.organisation, created);
      writer.insertMany(TABLES.relation, relations);
      writer.insertMany(TABLES.citation, citations);
    };
    if (created.length + relations.length > 5000) {
      writer.withIndexesDeferred([TABLES.organisation, TABLES.relation, TABLES.citation], bulk);
    } else bulk();
    if (summary.layout) {
      store.create(TABLES.saved_view, { name: freeViewName(db, `Layout from ${file}`), layout: 'preset', positions: plan.positions });
    }
    return importId;
  });
  return summary;
}

/** A merge fills what the existing record lacks and never overwrites what someone entered. */
function fillGaps(existing: RecordObject, incoming: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(incoming)) {
    const old = existing[k];
    if (k === 'attributes') patch[k] = { ...(v as object), ...(old as object) };
    else if (k === 'tags') patch[k] = [...new Set([...(old as string[]), ...(v as string[])])];
    else if ((old === null || old === '') && v !== null && v !== undefined) patch[k] = v;
  }
  return patch;
}

function freeViewName(db: Database, base: string): string {
  const taken = new Set((db.prepare('SELECT lower(name) FROM saved_view').pluck().all() as string[]));
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base} (${i})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
