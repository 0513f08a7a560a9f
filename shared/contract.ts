// The contract: every call between the renderer and the engine, declared once with its input and
// output schemas. Electron main registers exactly these calls, the preload exposes exactly these
// names, the browser mode serves exactly these routes, and the engine implements exactly these.
import { z } from 'zod';
import { WORK_PHASES } from './domain';
import * as S from './schemas';

interface CallSpec<I extends z.ZodType, O extends z.ZodType, A extends boolean = boolean> {
  input: I;
  output: O;
  /** Whether the call may change the database (used by hosts to order work and by tests). */
  writes: boolean;
  /** Whether the engine answers it with a promise (file work that a library does asynchronously). */
  async: A;
  /**
   * Who may make the call besides the CLI and tests, which may make any: unset, the window too;
   * 'host', never the window (it takes any filesystem path); 'staged', the window too, but only
   * with a path main gave it (a file staged from its picker, an export staged for it) or none.
   */
  reach?: 'host' | 'staged';
  /**
   * A quick read: the second, read-only engine (electron/engine/quick.ts) answers it from SQLite or
   * the kept summary when it can, so it never waits behind a long call or the graph index loading;
   * when it cannot (the summary is behind, the input needs the index), the engine does.
   */
  quick?: true;
}
const read = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): CallSpec<I, O, false> => ({
  input,
  output,
  writes: false,
  async: false,
});
const write = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): CallSpec<I, O, false> => ({
  input,
  output,
  writes: true,
  async: false,
});
const fileWork = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, writes: boolean): CallSpec<I, O, true> => ({
  input,
  output,
  writes,
  async: true,
});

/** The call takes any filesystem path: the CLI's and the tests', never the window's. */
const hostOnly = <S extends CallSpec<z.ZodType, z.ZodType>>(spec: S): S => ({ ...spec, reach: 'host' });
/** The window may make the call only with a path main staged for it (see electron/host/relay.ts). */
const stagedPath = <S extends CallSpec<z.ZodType, z.ZodType>>(spec: S): S => ({ ...spec, reach: 'staged' });

/** See CallSpec.quick. */
const quick = <S extends CallSpec<z.ZodType, z.ZodType>>(spec: S): S => ({ ...spec, quick: true });

const Empty = z.strictObject({});
const Deleted = z.object({ id: S.Id, deleted: z.number().int() });

/** The five calls every stored record type has. */
function crud<P extends string, F extends z.ZodObject, R extends z.ZodType>(prefix: P, fields: F, record: R) {
  return {
    [`${prefix}.create`]: write(fields.extend({ id: S.Id.optional() }), record),
    [`${prefix}.get`]: read(S.GetInput, record),
    [`${prefix}.update`]: write(z.strictObject({ id: S.Id, patch: fields.partial() }), record),
    [`${prefix}.delete`]: write(S.DeleteInput, Deleted),
    [`${prefix}.list`]: read(S.ListInput, S.listOf(record)),
  } as {
    [K in `${P}.create`]: CallSpec<z.ZodObject<F['shape'] & { id: z.ZodOptional<typeof S.Id> }>, R, false>;
  } & { [K in `${P}.get`]: CallSpec<typeof S.GetInput, R, false> } & {
    [K in `${P}.update`]: CallSpec<z.ZodObject<{ id: typeof S.Id; patch: z.ZodObject }>, R, false>;
  } & { [K in `${P}.delete`]: CallSpec<typeof S.DeleteInput, typeof Deleted, false> } & {
    [K in `${P}.list`]: CallSpec<typeof S.ListInput, ReturnType<typeof S.listOf<R>>, false>;
  };
}

export const contract = {
  'meta.info': quick(read(Empty, S.Info)),
  'country.list': read(Empty, z.array(S.Country)),
  ...crud('organisation', S.OrganisationFields, S.Organisation),
  ...crud('partnership', S.PartnershipFields, S.Partnership),
  ...crud('membership', S.MembershipFields, S.Membership),
  ...crud('event', S.EventFields, S.Event),
  ...crud('participation', S.ParticipationFields, S.Participation),
  ...crud('relation', S.RelationFields, S.Relation),
  ...crud('source', S.SourceFields, S.Source),
  ...crud('citation', S.CitationFields, S.Citation),
  ...crud('savedView', S.SavedViewFields, S.SavedView),
  /** Quick for the whole network's aggregated view only (from the kept summary). */
  'graph.slice': quick(read(S.SliceInput, S.Slice)),
  'graph.ego': read(S.EgoInput, S.Slice),
  'graph.timeline': read(S.TimelineInput, S.Timeline),
  'graph.facets': quick(read(Empty, S.Facets)),
  'graph.path': read(S.PathInput, S.PathResult),
  /** Computed in the engine's worker, so the window never waits on it. */
  'graph.metrics': read(S.MetricsInput, S.Metrics),
  'search.query': quick(read(S.SearchInput, S.SearchResult)),
  /** Every attribute of every record kind, with its type (inferred from the values, or as corrected). */
  'attributes.list': read(Empty, z.array(S.AttributeInfo)),
  /** Corrects an attribute's type (null: back to the inferred one). */
  'attributes.setType': write(S.SetAttributeTypeInput, S.AttributeInfo),
  /** Value counts (categorical) or the range (numbers, dates) of one attribute, over what the filters keep. */
  'attributes.facet': read(S.AttributeFacetInput, S.AttributeFacet),
  /** One attribute's value for every record of its kind that has one (colouring, sizing, widths, the table). */
  'attributes.values': read(S.AttributeRef, S.AttributeValuesOutput),
  'record.details': read(S.DetailsInput, S.Details),
  'stats.get': read(Empty, S.Stats),
  'changes.list': read(S.ChangesInput, z.array(S.Change)),
  /** What undo and redo would do now (the stack lives in the database, so it survives a restart). */
  'history.state': read(Empty, S.UndoState),
  /** Undoes the last change, whoever made it (a form, a merge, a whole import): Ctrl/Cmd+Z. */
  'history.undo': write(Empty, S.UndoResult),
  /** Redoes the change undone last: Ctrl/Cmd+Shift+Z. */
  'history.redo': write(Empty, S.UndoResult),
  /** The newest actions first (what was done, undone and redone, by whom and when). */
  'history.actions': read(S.ActionsInput, z.array(S.Action)),
  /** The imports this network holds, newest first, and whether each is taken back. */
  'import.list': read(Empty, z.array(S.ImportRun)),
  /** Takes one import back, whatever came after it; itself one action that undo can take back. */
  'import.undo': write(S.ImportUndoInput, S.ImportUndone),
  /** Likely duplicate pairs of organisations with their reasons, ranked; computed in the engine's worker. */
  'duplicates.find': read(S.DuplicatesInput, S.Duplicates),
  /** Organisations a name about to be added would likely duplicate (the quick add's warning). */
  'duplicates.likely': read(S.LikelyInput, S.Likely),
  /** Merges one organisation into another, keeping every tie, citation and attribute; backs up first. */
  'organisation.merge': fileWork(S.MergeInput, S.MergeResult, true),
  /** Sets sector, country, tags or an attribute on many organisations at once: one undoable step. */
  'organisation.bulkUpdate': write(S.BulkInput, S.BulkResult),
  /** What deleting a record would take with it, asked before the window deletes. */
  'record.impact': read(S.ImpactInput, S.Impact),
  /** Which import or person created a record and when, who changed it last, what was merged into it. */
  'record.provenance': read(S.ProvenanceInput, S.Provenance),
  /** Records that cite no source. */
  'record.unsourced': read(S.UnsourcedInput, S.Unsourced),
  'preferences.get': read(Empty, S.Preferences),
  /** Sets the analyst's name, which every change from then on records as who made it. */
  'preferences.set': write(S.PreferencesInput, S.Preferences),
  /** The backups kept beside the database (the last ten), newest first. */
  'backup.list': read(Empty, z.array(S.Backup)),
  'backup.create': fileWork(Empty, S.Backup, false),
  /** Replaces the network by a backup, after backing up what it replaces. */
  'backup.restore': fileWork(S.BackupName, z.object({ restored: S.Backup, safety: S.Backup }), true),
  'import.preview': stagedPath(fileWork(S.ImportInput, S.ImportSummary, false)),
  'import.run': stagedPath(fileWork(S.ImportInput, S.ImportSummary, true)),
  /** Writes anywhere, overwriting if asked: the window exports through export.staged instead. */
  'export.run': hostOnly(fileWork(S.ExportInput, S.ExportResult, false)),
  'file.stage': write(S.StageInput, S.Staged),
  'file.fetch': stagedPath(read(S.FetchInput, S.Fetched)),
  /**
   * Stops the call the engine is working on (an import, say). The host answers it, since a busy
   * engine cannot read it: the two share a cancel mark the engine looks at between batches, and
   * its open transaction rolls back (see electron/engine/work.ts).
   */
  'work.cancel': read(Empty, z.object({ cancelled: z.boolean() })),
  /**
   * How far the engine's current call has got (an import: reading, checking, writing, finishing),
   * answered by the host from memory it shares with the engine; null when nothing reports progress.
   */
  'work.progress': read(
    Empty,
    z.object({ phase: z.enum(WORK_PHASES), done: z.number().int().min(0), total: z.number().int().min(0) }).nullable(),
  ),
  /**
   * Shows a snapshot file read-only in place of the network (path), or the network again (null).
   * While a snapshot is shown, every read is answered from it and every write is refused; imports
   * (merging that snapshot, say) still go to the network.
   */
  'snapshot.view': stagedPath(read(S.SnapshotViewInput, z.object({ viewing: z.string().nullable() }))),
  /** Exports into the staging folder, for the window to fetch and offer as a download. */
  'export.staged': fileWork(S.ExportStagedInput, S.ExportResult, false),
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;
/** What the engine's `call` returns: the output, or a promise of it for the asynchronous calls. */
export type CallReturn<K extends CallName> = Contract[K]['async'] extends true ? Promise<CallOutput<K>> : CallOutput<K>;

export const CALL_NAMES = Object.keys(contract) as CallName[];
/**
 * The calls the window may make: every call but the host-only ones, so a call added to the
 * contract reaches the window unless it is marked otherwise.
 */
export const WINDOW_CALLS = CALL_NAMES.filter((name) => (contract[name] as { reach?: string }).reach !== 'host');

/** The calls the second, read-only engine may answer (see CallSpec.quick). */
export const QUICK_CALLS: ReadonlySet<string> = new Set(CALL_NAMES.filter((name) => (contract[name] as { quick?: true }).quick));

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
