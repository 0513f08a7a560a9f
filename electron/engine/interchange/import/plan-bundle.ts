// Importing a Bundle (Atlas records with their IDs): match each record against the database by ID,
// organisations also by normalised name and country, then create, merge or skip as asked, with
// references remapped to whatever the matched records are called here. The plan is computed whole
// before anything is written, so the preview and the run agree.
import type { Database, Statement } from 'better-sqlite3';
import { newId } from '../../ids';
import type { z } from 'zod';
import * as S from '../../../../shared/schemas';
import { fromRow, type RecordObject, type TableDef } from '../../store/tables';
import { BUNDLE_TABLES, type Bundle } from '../model/bundle';
import { existingOrganisations, nameKey } from './matching';
import type { ImportIssue } from '../model/parsed';
import type { OnDuplicate } from './plan-graph';

type Part = keyof Bundle;
export interface PartPlan {
  create: RecordObject[];
  merge: { existing: RecordObject; incoming: RecordObject }[];
  skip: number;
}
export interface BundlePlan {
  parts: Record<Part, PartPlan>;
  warnings: ImportIssue[];
  errors: ImportIssue[];
}

const SCHEMAS: Record<Part, z.ZodType> = {
  sources: S.Source,
  organisations: S.Organisation,
  partnerships: S.Partnership,
  events: S.Event,
  memberships: S.Membership,
  participations: S.Participation,
  relations: S.Relation,
  citations: S.Citation,
  savedViews: S.SavedView,
};
/** Reference fields per part, and the part whose IDs they hold. */
const REFS: Partial<Record<Part, [string, Part][]>> = {
  memberships: [
    ['partnershipId', 'partnerships'],
    ['organisationId', 'organisations'],
  ],
  participations: [
    ['eventId', 'events'],
    ['organisationId', 'organisations'],
  ],
  relations: [
    ['sourceId', 'organisations'],
    ['targetId', 'organisations'],
  ],
  citations: [['sourceId', 'sources']],
};
const CITED_PART: Record<string, Part> = {
  organisation: 'organisations',
  partnership: 'partnerships',
  membership: 'memberships',
  event: 'events',
  participation: 'participations',
  relation: 'relations',
};

export function planBundle(
  db: Database,
  bundle: Bundle,
  onDuplicate: OnDuplicate,
  progress: (done: number, total: number) => void = () => {},
): BundlePlan {
  const total = BUNDLE_TABLES.reduce((n, [part]) => n + bundle[part].length, 0);
  let done = 0;
  const warnings: ImportIssue[] = [];
  const errors: ImportIssue[] = [];
  // What each incoming ID is called in this database once the import has run (per part).
  // One map per part rather than "part:id" keys: at 70,000 records those joined keys, kept for the
  // whole plan, were some 300,000 small strings for the collector.
  const renames = new Map<Part, Map<string, string>>(BUNDLE_TABLES.map(([part]) => [part, new Map()]));
  const rename = (part: Part) => renames.get(part)!;
  const knowns = new Map<Part, Set<string>>(BUNDLE_TABLES.map(([part]) => [part, new Set()]));
  const known = (part: Part) => knowns.get(part)!;
  const parts = {} as Record<Part, PartPlan>;
  const orgByName = existingOrganisations(db).byName;

  for (const [part, def] of BUNDLE_TABLES) {
    const plan: PartPlan = { create: [], merge: [], skip: 0 };
    parts[part] = plan;
    const valid: { rec: RecordObject; element: string }[] = [];
    (bundle[part] as unknown[]).forEach((raw, index) => {
      progress(++done, total);
      const element = `${part}[${index}]`;
      const parsed = SCHEMAS[part].safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        errors.push({ element, message: `${issue.path.join('.') || 'record'}: ${issue.message}` });
        return;
      }
      const rec = { ...(parsed.data as RecordObject) };
      for (const [field, target] of REFS[part] ?? []) {
        const id = rec[field] as string;
        const here = rename(target).get(id) ?? (existsIn(db, target, id) ? id : null);
        if (!here) {
          warnings.push({ element, message: `${field} '${id}' is neither in the file nor in the network; the record is skipped` });
          return;
        }
        rec[field] = here;
      }
      if (part === 'citations') {
        const target = CITED_PART[rec.recordType as string]!;
        const here =
          rename(target).get(rec.recordId as string) ?? (existsIn(db, target, rec.recordId as string) ? (rec.recordId as string) : null);
        if (!here) {
          warnings.push({
            element,
            message: `cites ${rec.recordType} '${rec.recordId}', which is neither in the file nor in the network; skipped`,
          });
          return;
        }
        rec.recordId = here;
      }
      valid.push({ rec, element });
    });
    const existingOf = findExisting(
      db,
      def,
      part,
      valid.map((v) => v.rec),
      orgByName,
    );
    valid.forEach(({ rec }, i) => {
      const existing = existingOf[i] ?? null;
      const incomingId = rec.id;
      if (existing && onDuplicate !== 'create') {
        rename(part).set(incomingId, existing.id);
        if (onDuplicate === 'merge') plan.merge.push({ existing, incoming: rec });
        else plan.skip++;
        return;
      }
      if (existing || known(part).has(rec.id)) rec.id = newId();
      if (existing && part === 'savedViews') rec.name = `${rec.name} (imported)`;
      rename(part).set(incomingId, rec.id);
      known(part).add(rec.id);
      plan.create.push(rec);
    });
  }
  return { parts, warnings, errors };
}

const TABLE_OF: Record<Part, TableDef> = Object.fromEntries(BUNDLE_TABLES) as Record<Part, TableDef>;

/** Statements prepared once per database: a plan asks them once per record. */
const statements = new WeakMap<Database, Map<string, Statement>>();
function stmt(db: Database, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s;
}

function existsIn(db: Database, part: Part, id: string): boolean {
  return stmt(db, `SELECT 1 FROM ${TABLE_OF[part].table} WHERE id = ?`).get(id) !== undefined;
}

/**
 * For each record, the record already here that it duplicates: the same ID, or the same natural
 * key. Asked of the database once per part and key, not once per record: at 70,000 records the
 * single lookups were a quarter of an import.
 */
function findExisting(
  db: Database,
  def: TableDef,
  part: Part,
  recs: RecordObject[],
  orgByName: Map<string, string[]>,
): (RecordObject | null)[] {
  if (recs.length === 0) return [];
  const rows = (where: string, keys: unknown[], keyOf: (row: Record<string, unknown>) => string): Map<string, RecordObject> => {
    const found = stmt(db, `SELECT t.* FROM json_each(?) j JOIN ${def.table} t ON ${where}`).all(JSON.stringify(keys)) as Record<
      string,
      unknown
    >[];
    return new Map(found.map((row) => [keyOf(row), fromRow(def, row)]));
  };
  const byId = rows(
    't.id = j.value',
    recs.map((r) => r.id),
    (row) => row.id as string,
  );
  let byKey: ((rec: RecordObject) => RecordObject | undefined) | null = null;
  const pairs = (a: string, b: string, ka: string, kb: string) => {
    const found = rows(
      `t.${a} = j.value ->> 0 AND t.${b} = j.value ->> 1`,
      recs.map((r) => [r[ka], r[kb]]),
      (row) => `${row[a]}|${row[b]}`,
    );
    return (rec: RecordObject) => found.get(`${rec[ka]}|${rec[kb]}`);
  };
  switch (part) {
    case 'organisations': {
      const named = rows(
        't.id = j.value',
        [...new Set(recs.map((r) => orgByName.get(nameKey(r.name as string, r.country as string | null) ?? '')?.[0]))].filter(Boolean),
        (row) => row.id as string,
      );
      byKey = (rec) => named.get(orgByName.get(nameKey(rec.name as string, rec.country as string | null) ?? '')?.[0] ?? '');
      break;
    }
    case 'memberships':
      byKey = pairs('partnership_id', 'organisation_id', 'partnershipId', 'organisationId');
      break;
    case 'participations':
      byKey = pairs('event_id', 'organisation_id', 'eventId', 'organisationId');
      break;
    case 'citations': {
      const found = rows(
        't.source_id = j.value ->> 0 AND t.record_type = j.value ->> 1 AND t.record_id = j.value ->> 2',
        recs.map((r) => [r.sourceId, r.recordType, r.recordId]),
        (row) => `${row.source_id}|${row.record_type}|${row.record_id}`,
      );
      byKey = (rec) => found.get(`${rec.sourceId}|${rec.recordType}|${rec.recordId}`);
      break;
    }
    case 'savedViews': {
      const named = new Map(
        (db.prepare('SELECT * FROM saved_view').all() as Record<string, unknown>[]).map((row) => [
          String(row.name).toLowerCase(),
          fromRow(def, row),
        ]),
      );
      byKey = (rec) => named.get(String(rec.name).toLowerCase());
      break;
    }
  }
  return recs.map((rec) => byId.get(rec.id) ?? byKey?.(rec) ?? null);
}
