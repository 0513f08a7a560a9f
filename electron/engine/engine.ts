// The engine: the whole behaviour of the app that is not drawing, behind one entry point that
// takes a contract call by name. Every host (Electron's worker, the CLI, the browser harness, the
// tests) goes through `call`, so every input is validated the same way everywhere.
import type { Database } from 'better-sqlite3';
import { userInfo } from 'node:os';
import { type CallInput, type CallName, type CallReturn, contract } from '../../shared/contract';
import { AtlasError } from '../../shared/errors';
import type { Change, Country, Filters } from '../../shared/schemas';
import { parseCall, parseOrThrow } from '../../shared/validate';
import { AttributeCatalogue } from './attributes/catalogue';
import { attributeFacet, relationPairs } from './attributes/facet';
import { Checkpointer } from './db/checkpointer';
import { openDatabase } from './db/open';
import { egoNetwork } from './graph/ego';
import { facets } from './graph/facets';
import { sliceMetrics } from './graph/metrics/call';
import { shortestPath } from './graph/path';
import { search } from './graph/search';
import { GraphService } from './graph/service';
import { indexFileOf } from './graph/persisted';
import { summaryFileOf } from './graph/summary';
import { timeline } from './graph/timeline';
import { exportTo } from './interchange/export/exporter';
import { zipFiles } from './interchange/export/zip-folder';
import { Importer } from './interchange/import/importer';
import { openSnapshotView, type SnapshotView } from './interchange/formats/snapshot/view';
import { Staging } from './interchange/import/staging';
import { generateSynthetic, type GenerateOptions, type GenerateResult } from './generate/synthetic';
import { loadSeed, type SeedResult } from './seed/seed';
import { recordDetails } from './store/details';
import { listChanges } from './store/history';
import { listImports } from './store/imports';
import { Backups } from './store/backups';
import { getPreferences, setPreferences } from './store/preferences';
import { bulkUpdate } from './curation/bulk';
import { findDuplicates, likelyDuplicates } from './curation/duplicates';
import { mergeOrganisations } from './curation/merge';
import { provenanceOf, unsourced } from './curation/provenance';
import { listActions, redo, undo, undoState } from './store/undo';
import { undoImport } from './store/undo-import';
import { RecordStore } from './store/records';
import { stats } from './store/stats';
import { TABLES, type TableDef } from './store/tables';
import { Writer } from './store/writer';
import { WorkControl } from './work';
import { metaInfo } from './info';

export interface EngineOptions {
  dbPath: string;
  resourcesDir: string;
  actor?: string;
  nativeBinding?: string;
  /** Check every output against the contract too (tests turn this on). */
  checkOutputs?: boolean;
  /** Where long calls report progress and look for a cancel; the worker shares it with its host. */
  work?: WorkControl;
  /** Open the file read-only as a snapshot shown under this name; every write is refused. */
  viewing?: string;
  /** The staging folder to share (a snapshot's view shares its network's). */
  staging?: Staging;
  /** A staging folder the host owns, kept across worker restarts; otherwise the engine makes (and removes) its own. */
  stagingDir?: string;
}

/** A new network's pages (db/open.ts says why). */
const NETWORK_PAGE_SIZE = 16384;

/** The call id the index's build at open reports its progress under (no host call has it, so none cancels it). */
const PREPARING = 2 ** 31 - 1;

/** Calls that stay with the network while a snapshot is shown: merging that snapshot, for one. */
const NETWORK_CALLS = new Set<CallName>(['snapshot.view', 'import.preview', 'import.run', 'work.cancel', 'work.progress']);

type Handlers = { [K in CallName]: (input: CallInput<K>) => CallReturn<K> };

const CRUD_TABLES: Record<string, TableDef> = {
  organisation: TABLES.organisation,
  partnership: TABLES.partnership,
  membership: TABLES.membership,
  event: TABLES.event,
  participation: TABLES.participation,
  relation: TABLES.relation,
  source: TABLES.source,
  citation: TABLES.citation,
  savedView: TABLES.saved_view,
};

export class Engine {
  readonly db: Database;
  readonly writer: Writer;
  readonly store: RecordStore;
  readonly graph: GraphService;
  readonly work: WorkControl;
  readonly attributes: AttributeCatalogue;
  private readonly importer: Importer;
  readonly backups: Backups;
  private readonly staging: Staging;
  /** Copies the write-ahead log back off this thread; none for a snapshot shown read-only or a network in memory. */
  private readonly checkpointer: Checkpointer | null;
  /** The snapshot shown read-only in place of the network, if any. */
  private viewed: SnapshotView<Engine> | null = null;
  private readonly actor: string;
  private readonly handlers: Handlers;

  constructor(private readonly opts: EngineOptions) {
    this.staging = opts.staging ?? new Staging(opts.stagingDir ?? null);
    const { db } = openDatabase(opts.dbPath, {
      resourcesDir: opts.resourcesDir,
      readonly: opts.viewing !== undefined,
      pageSize: NETWORK_PAGE_SIZE,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
    this.db = db;
    this.actor = opts.actor ?? safeUser();
    this.work = opts.work ?? new WorkControl();
    this.writer = new Writer(db, getPreferences(db).analystName ?? this.actor, this.work);
    this.checkpointer =
      opts.viewing === undefined && opts.dbPath !== ':memory:' ? new Checkpointer(db, opts.dbPath, opts.nativeBinding) : null;
    if (this.checkpointer) this.writer.onCommitted(() => this.checkpointer!.committed());
    this.backups = new Backups(db, opts.dbPath, opts.resourcesDir, opts.nativeBinding);
    this.store = new RecordStore(db, this.writer);
    // A snapshot shown read-only keeps its index in memory; a network keeps one beside its file.
    this.graph =
      opts.viewing === undefined ? new GraphService(db, indexFileOf(opts.dbPath), summaryFileOf(opts.dbPath)) : new GraphService(db);
    this.graph.progress = (percent) => this.work.progress('preparing', percent, 100);
    // Every write reaches the index through the one writer.
    this.writer.observe(this.graph);
    this.attributes = new AttributeCatalogue(db);
    this.importer = new Importer(db, this.store, this.writer, opts.resourcesDir, this.work);
    this.handlers = this.buildHandlers();
  }

  /** Validates and runs one contract call. Throws AtlasError for anything a person should see. */
  call<K extends CallName>(name: K, input: unknown): CallReturn<K> {
    if (this.viewed && !NETWORK_CALLS.has(name)) return this.viewed.engine.call(name, input);
    const parsed = parseCall(name, input);
    if (this.opts.viewing !== undefined && contract[parsed.name].writes) {
      throw new AtlasError('forbidden', `${this.opts.viewing} is a snapshot shown read-only; import it into your network to change it`);
    }
    const handler = this.handlers[parsed.name] as (i: unknown) => unknown;
    const output = handler(parsed.input);
    if (this.opts.checkOutputs) {
      const check = (v: unknown) => parseOrThrow(contract[parsed.name].output, v, `output of ${name}`);
      if (output instanceof Promise) return output.then((v) => (check(v), v)) as CallReturn<K>;
      check(output);
    }
    return output as CallReturn<K>;
  }

  /** Loads the shipped seed network; records already present are skipped. */
  seed(): SeedResult {
    return loadSeed(this.opts.resourcesDir, this.store, this.writer);
  }

  /** Loads the seed network only into an empty database (first start of the app). */
  seedIfEmpty(): SeedResult | null {
    const n = this.db.prepare('SELECT count(*) FROM organisation').pluck().get() as number;
    return n === 0 ? this.seed() : null;
  }

  generate(opts: GenerateOptions): GenerateResult {
    return generateSynthetic(this.db, this.writer, opts);
  }

  /** The day's backup, if none was made in the last day: the app's hosts ask for it when they open the network. */
  dailyBackup(): Promise<unknown> {
    if (this.opts.viewing !== undefined || !this.hasHistory()) return Promise.resolve(null);
    return this.backups.daily();
  }

  /** A backup before a step that changes much (an import, a merge), unless there is nothing yet to lose. */
  private async backupBefore(reason: string): Promise<void> {
    if (this.hasHistory()) await this.backups.create(reason);
  }

  /** A weight for metrics or paths must be a numeric relation attribute. */
  private numericWeight(name: string | undefined): void {
    if (name !== undefined && this.attributes.need('relation', name).type !== 'number') {
      throw new AtlasError('validation', `The relation attribute "${name}" is not a number, so ties cannot be weighed by it`, 'weight');
    }
  }

  private hasHistory(): boolean {
    return (this.db.prepare('SELECT coalesce(max(seq), 0) FROM change').pluck().get() as number) > 0;
  }

  /**
   * Builds the graph index (from the kept file or SQLite) before anything asks for it, reporting
   * its progress as a call would, so the host can show it while the window waits.
   */
  prepare(): void {
    this.work.begin(PREPARING);
    try {
      this.graph.totalTies();
    } finally {
      this.work.end();
    }
  }

  /** Writes had a moment's rest: bring the kept summary up to date (the quick engine answers from it). */
  summarise(): void {
    if (this.db.open && this.opts.viewing === undefined) this.graph.persistSummary();
  }

  /** Nothing is being asked: a good time to write the graph index beside the database, if a build made it worth it. */
  idle(): void {
    if (this.db.open) this.graph.persist();
  }

  close(): void {
    try {
      if (this.db.open) this.graph.persist(true);
    } catch {
      // The file is a cache; the next open builds the index from SQLite instead.
    }
    this.viewed?.close();
    this.viewed = null;
    // Only a folder the engine made itself is its to remove.
    if (this.opts.staging === undefined && this.opts.stagingDir === undefined) this.staging.clear();
    this.checkpointer?.close();
    if (this.db.open) this.db.close();
  }

  private view(path: string | null): { viewing: string | null } {
    this.viewed?.close();
    this.viewed = null;
    if (path === null) return { viewing: null };
    this.viewed = openSnapshotView(
      path,
      this.opts.resourcesDir,
      (dbPath, viewing) => new Engine({ ...this.opts, dbPath, viewing, staging: this.staging, work: this.work }),
    );
    return { viewing: this.viewed.name };
  }

  private buildHandlers(): Handlers {
    const db = this.db;
    const store = this.store;
    const h: Record<string, (input: never) => unknown> = {
      'meta.info': () => metaInfo(db, this.opts.dbPath, this.opts.viewing ?? null),
      'snapshot.view': (i: CallInput<'snapshot.view'>) => this.view(i.path),
      'country.list': (): Country[] =>
        db
          .prepare(
            `SELECT code, alpha3, numeric, name, region, sub_region AS subRegion,
                    intermediate_region AS intermediateRegion FROM country ORDER BY name`,
          )
          .all() as Country[],
      'graph.slice': (i: CallInput<'graph.slice'>) =>
        this.graph.slice(i.filters ?? {}, i.view ?? 'organisations', i.aggregate ? { aggregate: i.aggregate } : {}),
      'graph.ego': (i: CallInput<'graph.ego'>) =>
        egoNetwork(this.graph, i.organisationId, i.depth, (i.filters ?? {}) as Filters, i.view ?? 'organisations'),
      'graph.timeline': (i: CallInput<'graph.timeline'>) => timeline(this.graph.index(), i.filters ?? {}),
      'graph.facets': () => facets(this.graph),
      'graph.path': (i: CallInput<'graph.path'>) => {
        this.numericWeight(i.weight);
        return shortestPath(this.graph.index(), i.from, i.to, i.filters ?? {}, i.weight);
      },
      'graph.metrics': (i: CallInput<'graph.metrics'>) => {
        this.numericWeight(i.weight);
        return sliceMetrics(this.graph, i, (done, total) => this.work.progress('measuring', done, total));
      },
      'attributes.list': () => this.attributes.list().map(({ classes: _classes, ...info }) => info),
      'attributes.setType': (i: CallInput<'attributes.setType'>) =>
        this.attributes.setType(i.kind, i.name, i.type, new Date().toISOString()),
      'attributes.facet': (i: CallInput<'attributes.facet'>) =>
        attributeFacet(this.attributes, this.graph, i.kind, i.name, (i.filters ?? {}) as Filters),
      'attributes.values': (i: CallInput<'attributes.values'>) => {
        const { type } = this.attributes.need(i.kind, i.name);
        const g = this.graph.index();
        const column = g.attributes!.column(i.kind, i.name);
        const out = { kind: i.kind, name: i.name, type, values: Object.fromEntries(column) };
        return i.kind === 'relation' && type === 'number' ? { ...out, pairs: relationPairs(g, column) } : out;
      },
      'search.query': (i: CallInput<'search.query'>) => search(this.graph.index(), i.text, i.limit, i.types),
      'record.details': (i: CallInput<'record.details'>) => recordDetails(db, store, this.graph, i.type, i.id),
      'stats.get': () => stats(db, this.graph),
      'import.preview': (i: CallInput<'import.preview'>) => this.importer.preview(i),
      'import.run': async (i: CallInput<'import.run'>) => {
        await this.backupBefore('before-import');
        return this.importer.run(i, this.staging.holds(i.path));
      },
      'export.run': (i: CallInput<'export.run'>) => exportTo(db, this.graph, i, this.opts.resourcesDir, this.actor, this.attributes),
      'export.staged': (i: CallInput<'export.staged'>) => {
        const { name, ...rest } = i;
        const path = this.staging.exportPath(name);
        const done = exportTo(db, this.graph, { ...rest, path }, this.opts.resourcesDir, this.actor, this.attributes);
        // The window gets a CSV export's files as one ZIP beside their folder.
        if (i.format !== 'csv') return done;
        return done.then((r) => ({ ...r, files: [zipFiles(r.files, `${path.replace(/\.(csv|zip)$/i, '')}.zip`)] }));
      },
      // Only a host can stop a busy engine; asked directly, there is nothing running to stop.
      'work.cancel': () => ({ cancelled: false }),
      'work.progress': () => null,
      'file.stage': (i: CallInput<'file.stage'>) => this.staging.stage(i.name, i.dataBase64, i.batch),
      'file.fetch': (i: CallInput<'file.fetch'>) => this.staging.fetch(i.path),
      'changes.list': (i: CallInput<'changes.list'>): Change[] => listChanges(db, i),
      'history.state': () => undoState(db),
      'history.undo': () => undo(db, this.writer),
      'history.redo': () => redo(db, this.writer),
      'history.actions': (i: CallInput<'history.actions'>) => listActions(db, i.limit),
      'import.list': () => listImports(db),
      'import.undo': (i: CallInput<'import.undo'>) => undoImport(db, store, this.writer, i.importId),
      'duplicates.find': (i: CallInput<'duplicates.find'>) => findDuplicates(db, i.limit ? { limit: i.limit } : {}),
      'duplicates.likely': (i: CallInput<'duplicates.likely'>) => likelyDuplicates(db, i),
      'organisation.merge': async (i: CallInput<'organisation.merge'>) => {
        await this.backupBefore('before-merge');
        return mergeOrganisations(db, store, this.writer, i);
      },
      'organisation.bulkUpdate': (i: CallInput<'organisation.bulkUpdate'>) => bulkUpdate(db, store, this.writer, i),
      'record.impact': (i: CallInput<'record.impact'>) => store.impact(TABLES[i.type] as TableDef, i.id),
      'record.provenance': (i: CallInput<'record.provenance'>) => provenanceOf(db, i.id),
      'record.unsourced': (i: CallInput<'record.unsourced'>) => unsourced(db, i.type, i.limit),
      'preferences.get': () => getPreferences(db),
      'preferences.set': (i: CallInput<'preferences.set'>) => {
        const prefs = setPreferences(db, i);
        this.writer.setActor(i.analystName);
        return prefs;
      },
      'backup.list': () => this.backups.list(),
      'backup.create': () => this.backups.create('by-hand'),
      'backup.restore': async (i: CallInput<'backup.restore'>) => {
        const out = await this.backups.restore(i.name);
        this.graph.reset();
        const name = getPreferences(db).analystName;
        if (name) this.writer.setActor(name);
        return out;
      },
    };
    for (const [prefix, def] of Object.entries(CRUD_TABLES)) {
      h[`${prefix}.create`] = (i: Record<string, unknown>) =>
        this.writer.transaction(() => store.create(def, i), { label: `Add ${describeRecord(db, def, i)}` });
      h[`${prefix}.get`] = (i: { id: string }) => store.get(def, i.id);
      h[`${prefix}.update`] = (i: { id: string; patch: Record<string, unknown> }) =>
        this.writer.transaction(() => {
          this.writer.describe(`Edit ${describeRecord(db, def, store.get(def, i.id))}`);
          return store.update(def, i.id, i.patch);
        });
      h[`${prefix}.delete`] = (i: { id: string }) =>
        this.writer.transaction(() => {
          const label = `Delete ${describeRecord(db, def, store.get(def, i.id))}`;
          const deleted = store.delete(def, i.id);
          this.writer.describe(deleted > 1 ? `${label} and ${deleted - 1} linked record${deleted > 2 ? 's' : ''}` : label);
          return { id: i.id, deleted };
        });
      h[`${prefix}.list`] = (i: CallInput<'organisation.list'>) => store.list(def, i);
    }
    for (const name of Object.keys(contract)) {
      if (!h[name]) throw new AtlasError('internal', `The engine does not implement ${name}`);
    }
    return h as unknown as Handlers;
  }
}

/** A record as an undo label names it: its type and name, or for a link the names of its ends. */
function describeRecord(db: Database, def: TableDef, rec: Record<string, unknown>): string {
  const nameOf = (table: string, id: unknown, col = 'name') =>
    (db.prepare(`SELECT ${col} FROM ${table} WHERE id = ?`).pluck().get(id) as string | undefined) ?? '?';
  switch (def.type) {
    case 'membership':
      return `membership of ‘${nameOf('organisation', rec.organisationId)}’ in ‘${nameOf('partnership', rec.partnershipId)}’`;
    case 'participation':
      return `participation of ‘${nameOf('organisation', rec.organisationId)}’ in ‘${nameOf('event', rec.eventId)}’`;
    case 'relation':
      return `relation ‘${nameOf('organisation', rec.sourceId)}’ → ‘${nameOf('organisation', rec.targetId)}’`;
    case 'citation':
      return `citation of ‘${nameOf('source', rec.sourceId, 'title')}’`;
    default: {
      const name = (rec.name ?? rec.title ?? null) as string | null;
      return name ? `${def.noun} ‘${name}’` : `a ${def.noun}`;
    }
  }
}

function safeUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
