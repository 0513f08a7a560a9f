// Importing a file: read it (within a size limit), recognise its format, parse it, plan what it
// would change, and either report the plan (the preview) or carry it out in one transaction that
// lands whole or not at all. Files this app wrote come back as Atlas records with their IDs (a
// Bundle); other tools' graphs become organisations and relations. Every organisation,
// partnership, event and relation the import creates or merges cites the file.
import type { Database } from 'better-sqlite3';
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { newId } from '../../ids';
import { AtlasError } from '../../../../shared/errors';
import type { ImportFormatId } from '../../../../shared/formats';
import type { ImportInput, ImportSummary } from '../../../../shared/schemas';
import type { RecordStore } from '../../store/records';
import { References } from '../../store/references';
import { TABLES, type RecordObject, type TableDef } from '../../store/tables';
import type { Writer } from '../../store/writer';
import type { WorkControl } from '../../work';
import type { ColumnMapping } from '../formats/csv/node-edge-lists';
import { readerOf, type Read } from '../formats/registry';
import { BUNDLE_TABLES, type Bundle } from '../model/bundle';
import { ImportRefused } from '../model/parsed';
import { detectFormat } from './detect';
import { fillGaps } from './fill-gaps';
import { planBundle, type BundlePlan } from './plan-bundle';
import { planImport, type ImportPlan } from './plan-graph';

const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
type Format = ImportFormatId;
type Loaded = Read & { format: Format; title: string };
const SHOWN = 200;
/** Below this many new rows a table's indexes are grown, whatever its size. */
const DEFER_INDEXES_ABOVE = 5000;
/** Rows inserted between two progress reports: a few milliseconds of work. */
const SLICE_ROWS = 2048;
/** Citations SQLite makes from new records between two progress reports. */
const CITE_SLICE_ROWS = 8192;
/**
 * What an import inserts, table by table in an order that satisfies references, whether the file's
 * source cites each table's new records, and the records it merged into (which it cites too).
 */
export type Writes = {
  batches: [TableDef, Records, boolean][];
  merged: [string, string][];
  layoutView?: { id: string; name: string };
};
/** A table's new records: all at hand, or made a slice at a time as they are written. */
type Records = { readonly length: number; slice(from: number, to: number): RecordObject[] };
type Plan = { graph: ImportPlan } | { bundle: BundlePlan };
/**
 * How long a preview's plan is kept for the run that usually follows it in the window: reading,
 * parsing and planning are about half of a large import, and the person has just waited for them.
 */
const KEEP_PREVIEW_MS = 10 * 60 * 1000;

export class Importer {
  private previewed: { key: string; plan: Plan; summary: ImportSummary; format: Format; timer: ReturnType<typeof setTimeout> } | null =
    null;

  constructor(
    private readonly db: Database,
    private readonly store: RecordStore,
    private readonly writer: Writer,
    private readonly resourcesDir: string,
    private readonly work: WorkControl,
  ) {}

  async preview(input: ImportInput): Promise<ImportSummary> {
    this.forgetPreview();
    const key = this.previewKey(input);
    const loaded = await this.load(input);
    const plan = this.plan(loaded, input);
    const summary = this.summarise(loaded, plan);
    if (key !== null && !summary.errorCount) {
      this.previewed = {
        key,
        plan,
        summary: { ...summary },
        format: loaded.format,
        timer: setTimeout(() => this.forgetPreview(), KEEP_PREVIEW_MS),
      };
      this.previewed.timer.unref?.();
    }
    return summary;
  }

  /** `staged`: the file was picked in the window and copied to a temp folder, so its path is not cited. */
  async run(input: ImportInput, staged = false): Promise<ImportSummary> {
    const key = this.previewKey(input);
    const previewed = key !== null && this.previewed?.key === key ? this.previewed : null;
    this.forgetPreview();
    let plan: Plan;
    let summary: ImportSummary;
    let format: Format;
    if (previewed) ({ plan, summary, format } = previewed);
    else ({ plan, summary, format } = await this.readAndPlan(input));
    if (summary.errorCount) {
      const first = summary.errors[0]!;
      const where = first.line !== undefined ? `line ${first.line}: ` : first.element ? `${first.element}: ` : '';
      const skip = summary.badRowsSkippable ? ' Skip those rows to import the rest.' : '';
      throw new AtlasError(
        'validation',
        `${summary.file} has ${summary.errorCount} error(s), so nothing was imported. First: ${where}${first.message}.${skip}`,
        'path',
      );
    }
    const file = summary.file;
    const document = staged ? file : input.path;
    summary.importId = this.writer.runImport(
      { label: `Import of ${file}`, format, file: document },
      (importId) => {
        const source = this.store.create(TABLES.source, {
          title: file,
          document,
          notes: `Imported from a ${format.toUpperCase()} file${staged ? ' opened in the app window' : ''}.`,
        });
        const writes = 'bundle' in plan ? this.bundleWrites(plan.bundle) : this.graphWrites(plan.graph, file);
        writeImported(this.writer, this.work, writes, source.id).check(this.db);
        summary.layoutView = writes.layoutView ?? null;
        summary.landed = landedOf(writes);
        return importId;
      },
      { checksReferences: true },
    );
    return summary;
  }

  /**
   * The parsed file is not needed once planned (a foreign graph's plan holds what it needs by
   * columns), so it lives only in this call's frame: a variable of `run` would stay reachable
   * from its frame until the run returns, whatever its scope says, and a million parsed edges
   * were then carried through the writes.
   */
  private async readAndPlan(input: ImportInput): Promise<{ plan: Plan; summary: ImportSummary; format: Format }> {
    const loaded = await this.load(input);
    const plan = this.plan(loaded, input);
    return { plan, summary: this.summarise(loaded, plan), format: loaded.format };
  }

  /**
   * What a run must match to reuse its preview's plan: the same input, the same file (size and
   * modification time), and a network that has not changed since (every write moves the change
   * log's last place, imports by run included). A folder of CSV files is always read again.
   */
  private previewKey(input: ImportInput): string | null {
    let stat;
    try {
      stat = statSync(input.path);
    } catch {
      return null;
    }
    if (!stat.isFile()) return null;
    const seq = this.db.prepare('SELECT coalesce(max(seq), 0) FROM change').pluck().get();
    return JSON.stringify([
      input.path,
      stat.size,
      stat.mtimeMs,
      input.format ?? null,
      input.onDuplicate ?? 'merge',
      input.mapping ?? null,
      input.maxBytes ?? null,
      input.skipBadRows ?? false,
      input.inFileDuplicates ?? 'apart',
      input.values ?? null,
      input.skipLines ?? null,
      seq,
    ]);
  }

  private forgetPreview(): void {
    if (this.previewed) clearTimeout(this.previewed.timer);
    this.previewed = null;
  }

  private plan(loaded: Loaded, input: ImportInput): Plan {
    const checked = (done: number, total: number) => this.work.progress('checking', done, total);
    return loaded.bundle
      ? { bundle: planBundle(this.db, loaded.bundle, input.onDuplicate ?? 'merge', checked) }
      : { graph: planImport(this.db, loaded.graph, input, newId, checked) };
  }

  /**
   * Carries out a foreign graph's merges and saved layout; returns the records to create and the
   * ones merged into.
   */
  private graphWrites(plan: ImportPlan, file: string): Writes {
    const created: RecordObject[] = [];
    const merged: [string, string][] = [];
    for (const o of plan.organisations) {
      if (o.inFile) continue;
      if (o.action === 'create') created.push(this.store.complete(TABLES.organisation, { ...o.fields, id: o.id }));
      else if (o.action === 'merge') {
        this.store.update(TABLES.organisation, o.id, fillGaps(this.store.get(TABLES.organisation, o.id), o.fields));
        merged.push(['organisation', o.id]);
      }
    }
    // Relations become records a slice at a time, as they are written: a million at once was a
    // third of a GB. Each slice's fields are fresh objects, completed in place.
    const planned = plan.relations;
    const idAt = (place: number) => plan.organisations[place]!.id;
    const relations: Records = {
      length: planned.length,
      slice: (from, to) => planned.slice(from, to, idAt).map((r) => this.store.complete(TABLES.relation, r)),
    };
    let layoutView: Writes['layoutView'];
    if (Object.keys(plan.positions).length) {
      const view = this.store.create(TABLES.saved_view, {
        name: this.freeViewName(`Layout from ${file}`),
        layout: 'preset',
        positions: plan.positions,
      });
      layoutView = { id: view.id, name: String(view.name) };
    }
    return {
      batches: [
        [TABLES.organisation, created, true],
        [TABLES.relation, relations, true],
      ],
      merged,
      layoutView,
    };
  }

  private bundleWrites(plan: BundlePlan): Writes {
    const batches: Writes['batches'] = [];
    const merged: [string, string][] = [];
    const citable = new Set(['organisations', 'partnerships', 'events', 'relations']);
    for (const [part, def] of BUNDLE_TABLES) {
      const p = plan.parts[part];
      for (const m of p.merge) {
        const patch = fillGaps(m.existing, m.incoming);
        if (Object.keys(patch).length) this.store.update(def, m.existing.id, patch);
      }
      batches.push([def, p.create, citable.has(part)]);
      if (citable.has(part)) for (const m of p.merge) merged.push([def.type, m.existing.id]);
    }
    return { batches, merged };
  }

  private async load(input: ImportInput): Promise<Loaded> {
    this.work.progress('reading', 0, 0);
    const max = input.maxBytes ?? DEFAULT_MAX_BYTES;
    let stat;
    try {
      stat = statSync(input.path);
    } catch (err) {
      throw new AtlasError(
        'validation',
        `Cannot read ${input.path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
        'path',
      );
    }
    // A device or a pipe (/dev/zero, a FIFO) has no end to read to.
    if (!stat.isFile() && !stat.isDirectory()) {
      throw new AtlasError('validation', `${input.path} is not a file or a folder, so there is nothing to import from it`, 'path');
    }
    const files = stat.isDirectory()
      ? readdirSync(input.path)
          .filter((f) => f.toLowerCase().endsWith('.csv'))
          .map((f) => join(input.path, f))
          .filter((f) => statSync(f).isFile())
      : [input.path];
    const size = files.reduce((n, f) => n + statSync(f).size, 0);
    if (size > max) {
      throw new AtlasError(
        'validation',
        `${basename(input.path)} is ${(size / 1e6).toFixed(1)} MB, over the ${(max / 1e6).toFixed(0)} MB limit for an import`,
        'maxBytes',
      );
    }
    const format = input.format ?? detectFormat(input.path, stat.isDirectory());
    try {
      const progress = (done: number, total: number) => this.work.progress('reading', done, total);
      const mapping = input.mapping as ColumnMapping | undefined;
      const read = await readerOf(format).read({
        path: input.path,
        files,
        resourcesDir: this.resourcesDir,
        mapping,
        skipLines: input.skipLines,
        progress,
      });
      // A folder (the window stages several picked files in one) is titled with its files' names.
      const title = stat.isDirectory() && files.length ? files.map((f) => basename(f)).join(' + ') : basename(input.path);
      return { ...read, format, title };
    } catch (err) {
      if (err instanceof ImportRefused) throw new AtlasError('validation', `${basename(input.path)} was refused: ${err.message}`, 'path');
      throw err;
    }
  }

  private summarise(loaded: Loaded, plan: Plan): ImportSummary {
    const base = {
      file: loaded.title,
      format: loaded.format,
      importId: null,
      layoutView: null,
      landed: null,
      columns: loaded.columns ?? null,
      skippedLines: loaded.skippedLines ?? 0,
    };
    if ('graph' in plan) {
      const g = plan.graph;
      const count = (a: string) => g.organisations.filter((o) => o.action === a).length;
      const matched = g.organisations.filter((o) => o.matchedBy !== null && !o.inFile);
      return {
        ...base,
        nodes: loaded.graph!.nodes.length,
        edges: loaded.graph!.edges.length,
        organisations: { create: count('create'), merge: count('merge'), skip: count('skip') },
        relations: { create: g.relations.length, skip: g.repeatedRelations },
        records: {
          organisations: { create: count('create'), merge: count('merge'), skip: count('skip') },
          relations: { create: g.relations.length, merge: 0, skip: g.repeatedRelations },
        },
        duplicates: matched
          .slice(0, SHOWN)
          .map((o) => ({ name: String(o.fields.name), existingId: o.id, matchedBy: o.matchedBy!, action: o.action })),
        duplicateCount: matched.length,
        inFileDuplicates: g.inFileGroups.slice(0, SHOWN),
        inFileDuplicateCount: g.inFileGroups.length,
        warnings: g.warnings.slice(0, SHOWN),
        warningCount: g.warnings.length,
        errors: g.errors.slice(0, SHOWN),
        errorCount: g.errors.length,
        badRowsSkippable: g.badRowsSkippable,
        skippedRows: g.skippedRows,
        unknownCountries: g.unknownCountries,
        sectorValues: g.sectorValues.slice(0, SHOWN),
        countryValues: g.countryValues.slice(0, SHOWN),
        layout: Object.keys(g.positions).length > 0,
      };
    }
    const b = plan.bundle;
    const tally = (part: keyof Bundle) => ({
      create: b.parts[part].create.length,
      merge: b.parts[part].merge.length,
      skip: b.parts[part].skip,
    });
    const bundle = loaded.bundle!;
    return {
      ...base,
      nodes: bundle.organisations.length + bundle.partnerships.length + bundle.events.length,
      edges: bundle.memberships.length + bundle.participations.length + bundle.relations.length,
      organisations: tally('organisations'),
      relations: { create: b.parts.relations.create.length, skip: b.parts.relations.skip + b.parts.relations.merge.length },
      records: Object.fromEntries(BUNDLE_TABLES.map(([part]) => [part, tally(part)])),
      duplicates: b.parts.organisations.merge.slice(0, SHOWN).map((m) => ({
        name: String(m.existing.name),
        existingId: m.existing.id,
        matchedBy: m.existing.id === m.incoming.id ? ('id' as const) : ('name' as const),
        action: 'merge' as const,
      })),
      duplicateCount: b.parts.organisations.merge.length,
      inFileDuplicates: [],
      inFileDuplicateCount: 0,
      warnings: b.warnings.slice(0, SHOWN),
      warningCount: b.warnings.length,
      errors: b.errors.slice(0, SHOWN),
      errorCount: b.errors.length,
      badRowsSkippable: false,
      skippedRows: 0,
      unknownCountries: [],
      sectorValues: [],
      countryValues: [],
      layout: false,
    };
  }

  private freeViewName(base: string): string {
    const taken = new Set(this.db.prepare('SELECT lower(name) FROM saved_view').pluck().all() as string[]);
    for (let i = 1; ; i++) {
      const name = i === 1 ? base : `${base} (${i})`;
      if (!taken.has(name.toLowerCase())) return name;
    }
  }
}

const LANDED_IDS = 100_000;

/** What an import wrote: its organisations (created or merged into) and how many relations it made. */
function landedOf({ batches, merged }: Writes): NonNullable<ImportSummary['landed']> {
  const ids = new Set<string>();
  let relations = 0;
  for (const [def, records] of batches) {
    if (def === TABLES.organisation) for (const r of records.slice(0, records.length)) ids.add(String(r.id));
    if (def === TABLES.relation) relations += records.length;
  }
  for (const [type, id] of merged) if (type === 'organisation') ids.add(id);
  return { organisationIds: [...ids].slice(0, LANDED_IDS), organisations: ids.size, relations };
}

/**
 * Writes an import's records: inserts in slices, reporting progress (and looking for a cancel) between them, then cites the
 * file's source for every record created (made by SQLite from the new rows) or merged. Returns the
 * references the rows make, for the caller to check when SQLite does not (Writer.runImport). A table
 * that gets many rows, at least as many as it holds, has its indexes rebuilt once at the end
 * instead of grown row by row; a rebuild reads the whole table, so for a few rows into a large
 * network growing is cheaper. The change log is not touched: an import creates records by run.
 */
export function writeImported(writer: Writer, work: WorkControl, { batches, merged }: Writes, sourceId: string): References {
  const references = new References();
  references.add('source', sourceId);
  const citations = batches.reduce((n, [, r, cited]) => n + (cited ? r.length : 0), merged.length);
  const rows = batches.reduce((n, [, r]) => n + r.length, citations);
  let done = 0;
  const insert = () => {
    const cite: [TableDef, number, number][] = [];
    for (const [def, records, cited] of batches) {
      const before = writer.lastRowid(def);
      for (let i = 0; i < records.length; i += SLICE_ROWS) {
        const slice = records.slice(i, i + SLICE_ROWS);
        references.note(def, slice);
        writer.insertMany(def, slice, { byRun: true });
        done += Math.min(SLICE_ROWS, records.length - i);
        work.progress('writing', done, rows);
      }
      if (cited && records.length) cite.push([def, before, writer.lastRowid(def)]);
    }
    let cited = 0;
    for (const [def, after, upTo] of cite) {
      for (let lo = after; lo < upTo; lo += CITE_SLICE_ROWS) {
        cited += writer.citeByRun(def, sourceId, lo, Math.min(lo + CITE_SLICE_ROWS, upTo));
        done = Math.min(rows, done + CITE_SLICE_ROWS);
        work.progress('writing', done, rows);
      }
    }
    const at = writer.now();
    const mergedCitations = merged.map(([recordType, recordId]) => ({
      id: newId(),
      sourceId,
      recordType,
      recordId,
      locator: null,
      createdAt: at,
      updatedAt: at,
    }));
    if (mergedCitations.length) writer.insertMany(TABLES.citation, mergedCitations, { byRun: true });
    if (cited + merged.length !== citations) throw new Error(`an import cited ${cited + merged.length} records of ${citations}`);
    work.progress('finishing', rows, rows);
  };
  const counts: [TableDef, number][] = [...batches.map(([def, r]): [TableDef, number] => [def, r.length]), [TABLES.citation, citations]];
  const rebuilt = counts.filter(([def, n]) => n > DEFER_INDEXES_ABOVE && n >= writer.roughCount(def));
  if (rebuilt.length)
    writer.withIndexesDeferred(
      rebuilt.map(([d]) => d),
      insert,
      { log: false },
    );
  else insert();
  return references;
}
