// Create, read, update, delete and list for every record type, driven by its table definition.
// Inputs arrive already shaped by the contract's zod schemas; this layer checks what a schema
// cannot: that references exist, that unique rules hold, that date ranges are in order.
import type { Database } from 'better-sqlite3';
import { newId } from '../ids';
import type { CitableType } from '../../../shared/domain';
import { endBound, startBound } from '../../../shared/dates';
import { AtlasError } from '../../../shared/errors';
import type { ListInput } from '../../../shared/schemas';
import { columnOf, fromRow, keyColumnOf, missingRecord, TABLES, type RecordObject, type TableDef } from './tables';
import type { Writer } from './writer';

export class RecordStore {
  constructor(
    private readonly db: Database,
    private readonly writer: Writer,
  ) {}

  create(def: TableDef, input: Record<string, unknown>): RecordObject {
    const rec = this.build(def, input);
    if (this.writer.read(def, rec.id)) {
      throw new AtlasError('conflict', `A ${def.noun} with ID '${rec.id}' already exists`, 'id');
    }
    this.check(def, rec, null);
    this.writer.insert(def, rec);
    return rec;
  }

  /** The whole record a create would write: an ID, every missing field empty, timestamps. */
  build(def: TableDef, input: Record<string, unknown>): RecordObject {
    const at = this.writer.now();
    const rec: RecordObject = { id: (input.id as string | undefined) ?? newId() };
    for (const c of def.columns) rec[c.key] = input[c.key] ?? structuredCloneEmpty(c.empty);
    rec.createdAt = at;
    rec.updatedAt = at;
    return rec;
  }

  /**
   * `build` done on `input` itself, for the bulk of an import whose planned fields are not used
   * again: an ID, every missing field empty, timestamps.
   */
  complete(def: TableDef, input: Record<string, unknown>): RecordObject {
    const at = this.writer.now();
    input.id ??= newId();
    for (const c of def.columns) if (input[c.key] === undefined || input[c.key] === null) input[c.key] = structuredCloneEmpty(c.empty);
    input.createdAt = at;
    input.updatedAt = at;
    return input as RecordObject;
  }

  get(def: TableDef, id: string): RecordObject {
    const rec = this.writer.read(def, id);
    if (!rec) throw new AtlasError('not_found', `No ${def.noun} has ID '${id}'`, 'id');
    return rec;
  }

  update(def: TableDef, id: string, patch: Record<string, unknown>): RecordObject {
    return this.writer.transaction(() => {
      const before = this.get(def, id);
      const after: RecordObject = { ...before };
      for (const c of def.columns) {
        if (patch[c.key] !== undefined) after[c.key] = patch[c.key];
      }
      // A patch that changes nothing (empty, or the values already there) writes nothing: no
      // change row, no new updatedAt, and the graph's index is not rebuilt for it.
      if (def.columns.every((c) => JSON.stringify(after[c.key]) === JSON.stringify(before[c.key]))) return before;
      after.updatedAt = this.writer.now();
      this.check(def, after, before);
      this.writer.update(def, before, after);
      return after;
    });
  }

  /** Deletes the record and, first, everything that refers to it; returns how many went. */
  delete(def: TableDef, id: string): number {
    return this.writer.transaction(() => this.deleteWithDependents(def, this.get(def, id)));
  }

  /**
   * What deleting the record would take with it, by type (memberships, participations, relations,
   * citations, and theirs), with the names of a few: what the window shows before it asks.
   */
  impact(def: TableDef, id: string): { total: number; byType: Record<string, number>; examples: string[] } {
    this.get(def, id);
    const byType: Record<string, number> = {};
    const examples: string[] = [];
    let total = 0;
    const walk = (d: TableDef, recId: string) => {
      for (const [dep, sql, params] of this.dependentsOf(d, recId)) {
        for (const row of this.db.prepare(sql).all(...params) as Record<string, unknown>[]) {
          total++;
          byType[dep.type] = (byType[dep.type] ?? 0) + 1;
          if (examples.length < 8) examples.push(this.describeLink(dep, row, id));
          walk(dep, row.id as string);
        }
      }
    };
    walk(def, id);
    return { total, byType, examples };
  }

  /** One dependent as the delete warning names it ("member of Ransomware PPP"). */
  private describeLink(def: TableDef, row: Record<string, unknown>, of: string): string {
    const name = (table: string, id: unknown) =>
      (this.db
        .prepare(`SELECT ${table === 'source' ? 'title' : 'name'} FROM ${table} WHERE id = ?`)
        .pluck()
        .get(id) as string) ?? '?';
    switch (def.type) {
      case 'membership':
        return `${row.role} of ${name('partnership', row.partnership_id)} (${name('organisation', row.organisation_id)})`;
      case 'participation':
        return `${row.role} at ${name('event', row.event_id)} (${name('organisation', row.organisation_id)})`;
      case 'relation':
        return `${String(row.type).replace(/_/g, ' ')}: ${name('organisation', row.source_id === of ? row.target_id : row.source_id)}`;
      case 'citation':
        return `citation of ${name('source', row.source_id)}`;
      default:
        return def.noun;
    }
  }

  list(def: TableDef, input: ListInput): { items: RecordObject[]; total: number } {
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [key, value] of Object.entries(input.where ?? {})) {
      if (!def.filterable.includes(key)) {
        throw new AtlasError(
          'validation',
          `A list of ${def.noun}s can be narrowed by ${def.filterable.join(', ') || 'nothing'}, not '${key}'`,
          `where.${key}`,
        );
      }
      where.push(`${columnOf(def, key)} = ?`);
      params.push(value);
    }
    if (input.text && def.searchable.length) {
      const like = `%${input.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(`(${def.searchable.map((k) => `${columnOf(def, k)} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
      for (let i = 0; i < def.searchable.length; i++) params.push(like);
    }
    const sortKey = input.sort ?? def.sortable[0]!;
    if (!def.sortable.includes(sortKey)) {
      throw new AtlasError('validation', `${def.noun}s can be sorted by ${def.sortable.join(', ')}, not '${sortKey}'`, 'sort');
    }
    const order = input.order === 'desc' ? 'DESC' : 'ASC';
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM ${def.table} ${whereSql}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT * FROM ${def.table} ${whereSql}
         ORDER BY ${columnOf(def, sortKey)} COLLATE NOCASE ${order} NULLS LAST, id ${order}
         LIMIT ? OFFSET ?`,
      )
      .all(...params, input.limit ?? 100, input.offset ?? 0) as Record<string, unknown>[];
    return { items: rows.map((r) => fromRow(def, r)), total };
  }

  private check(def: TableDef, rec: RecordObject, before: RecordObject | null): void {
    for (const ref of def.refs) {
      const value = rec[ref.key];
      if (value === null || value === undefined) continue;
      if (before && before[ref.key] === value) continue;
      if (!this.exists(ref.target, value as string))
        throw new AtlasError('validation', `No ${missingRecord(ref.target, String(value))}`, ref.key);
    }
    if (def.type === 'relation' && rec.sourceId === rec.targetId) {
      throw new AtlasError('validation', 'A relation joins two different organisations', 'targetId');
    }
    if (def.type === 'citation') {
      const type = rec.recordType as CitableType;
      if (!this.exists(type, rec.recordId as string)) {
        throw new AtlasError('validation', `No ${TABLES[type].noun} has ID '${String(rec.recordId)}'`, 'recordId');
      }
    }
    if (def.dateRange) {
      const [s, e] = def.dateRange;
      const start = rec[s] as string | null;
      const end = rec[e] as string | null;
      if (start && end && endBound(end) < startBound(start)) {
        throw new AtlasError('validation', `The end date ${end} is before the start date ${start}`, e);
      }
    }
    for (const u of def.uniques) {
      if (before && u.keys.every((k) => before[k] === rec[k])) continue;
      const cols = u.keys.map((k) => `${columnOf(def, k)} = ?`).join(' AND ');
      const clash = this.db
        .prepare(`SELECT id FROM ${def.table} WHERE ${cols} AND id <> ? LIMIT 1`)
        .get(...u.keys.map((k) => rec[k]), rec.id);
      if (clash) throw new AtlasError('conflict', u.message, u.keys[u.keys.length - 1]);
    }
  }

  private exists(target: string, id: string): boolean {
    return this.db.prepare(`SELECT 1 FROM ${target} WHERE ${keyColumnOf(target)} = ?`).get(id) !== undefined;
  }

  private deleteWithDependents(def: TableDef, rec: RecordObject): number {
    let n = 0;
    for (const [dep, sql, params] of this.dependentsOf(def, rec.id)) {
      const rows = this.db.prepare(sql).all(...params) as Record<string, unknown>[];
      for (const row of rows) n += this.deleteWithDependents(dep, fromRow(dep, row));
    }
    this.writer.delete(def, rec);
    return n + 1;
  }

  private dependentsOf(def: TableDef, id: string): [TableDef, string, unknown[]][] {
    const citations: [TableDef, string, unknown[]] = [
      TABLES.citation,
      'SELECT * FROM citation WHERE record_type = ? AND record_id = ?',
      [def.type, id],
    ];
    switch (def.type) {
      case 'organisation':
        return [
          [TABLES.membership, 'SELECT * FROM membership WHERE organisation_id = ?', [id]],
          [TABLES.participation, 'SELECT * FROM participation WHERE organisation_id = ?', [id]],
          [TABLES.relation, 'SELECT * FROM relation WHERE source_id = ? OR target_id = ?', [id, id]],
          citations,
        ];
      case 'partnership':
        return [[TABLES.membership, 'SELECT * FROM membership WHERE partnership_id = ?', [id]], citations];
      case 'event':
        return [[TABLES.participation, 'SELECT * FROM participation WHERE event_id = ?', [id]], citations];
      case 'membership':
      case 'participation':
      case 'relation':
        return [citations];
      case 'source':
        return [[TABLES.citation, 'SELECT * FROM citation WHERE source_id = ?', [id]]];
      default:
        return [];
    }
  }
}

function structuredCloneEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return [];
  if (v && typeof v === 'object') return {};
  return v;
}
