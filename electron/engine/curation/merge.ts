// Merging two records of one organisation. The kept one stays (its ID, so references from other
// laptops' snapshots still meet it); the other's memberships, participations, relations and
// citations move over, and it is then deleted. Nothing is lost:
//   - a field only one of them has is kept; where both have a different value the person chose
//     (the kept one's by default), and `merge_log` records which record each field came from and
//     the value not taken;
//   - tags are the union of both; attributes too (a name both have takes the chosen side's value);
//   - a partnership or event both take part in keeps one link (the kept one's, its gaps filled
//     from the other's dates); a relation between the two would join the organisation to itself
//     and goes (it is in the change log, like everything the merge wrote);
//   - a citation both records have of the same source is kept once.
// It is one action: one Ctrl+Z takes the whole merge back.
import type { Database } from 'better-sqlite3';
import { AtlasError } from '../../../shared/errors';
import type { RecordStore } from '../store/records';
import { fromRow, TABLES, type RecordObject, type TableDef } from '../store/tables';
import type { Writer } from '../store/writer';

/** Fields a person may choose between; the rest (tags, attributes, synthetic) are combined. */
const MERGE_FIELDS = ['name', 'acronym', 'sector', 'country', 'city', 'website', 'description'] as const;

const empty = (v: unknown) => v === null || v === undefined || v === '';

export interface MergeInput {
  keepId: string;
  mergeId: string;
  choose?: Record<string, 'keep' | 'merge'> | undefined;
  sourceId?: string | undefined;
}

export function mergeOrganisations(db: Database, store: RecordStore, writer: Writer, input: MergeInput) {
  const { keepId, mergeId } = input;
  if (keepId === mergeId) throw new AtlasError('validation', 'An organisation cannot be merged into itself', 'mergeId');
  const org = TABLES.organisation as TableDef;
  return writer.transaction(() => {
    const keep = store.get(org, keepId);
    const other = store.get(org, mergeId);
    writer.describe(`Merge ‘${String(other.name)}’ into ‘${String(keep.name)}’`);
    const choose = input.choose ?? {};
    const origin: Record<string, string> = {};
    const patch: Record<string, unknown> = {};
    for (const f of MERGE_FIELDS) {
      const a = keep[f];
      const b = other[f];
      if (empty(b) || a === b) continue;
      if (empty(a) || choose[f] === 'merge') {
        patch[f] = b;
        origin[f] = empty(a) ? `from ${String(other.name)}` : `from ${String(other.name)} (was ${String(a)})`;
      } else origin[f] = `kept (${String(other.name)} had ${String(b)})`;
    }
    const tags = [...new Set([...(keep.tags as string[]), ...(other.tags as string[])])];
    if (tags.length !== (keep.tags as string[]).length) patch.tags = tags;
    const attrs = { ...(keep.attributes as Record<string, unknown>) };
    for (const [k, v] of Object.entries(other.attributes as Record<string, unknown>)) {
      if (!(k in attrs) || empty(attrs[k])) {
        attrs[k] = v;
        origin[`attributes.${k}`] = `from ${String(other.name)}`;
      } else if (JSON.stringify(attrs[k]) !== JSON.stringify(v)) {
        if (choose[`attributes.${k}`] === 'merge') {
          origin[`attributes.${k}`] = `from ${String(other.name)} (was ${JSON.stringify(attrs[k])})`;
          attrs[k] = v;
        } else origin[`attributes.${k}`] = `kept (${String(other.name)} had ${JSON.stringify(v)})`;
      }
    }
    patch.attributes = attrs;
    if (keep.synthetic && !other.synthetic) patch.synthetic = false;

    const moved = { memberships: 0, participations: 0, relations: 0, citations: 0 };
    let folded = 0;
    const rows = (sql: string, ...p: unknown[]) => db.prepare(sql).all(...p) as Record<string, unknown>[];
    const moveCitations = (type: string, fromId: string, toId: string) => {
      for (const c of rows('SELECT * FROM citation WHERE record_type = ? AND record_id = ?', type, fromId)) {
        const cit = fromRow(TABLES.citation, c);
        const dup = db
          .prepare('SELECT 1 FROM citation WHERE record_type = ? AND record_id = ? AND source_id = ?')
          .get(type, toId, cit.sourceId);
        if (dup) writer.delete(TABLES.citation, cit);
        else {
          store.update(TABLES.citation, cit.id, { recordId: toId });
          moved.citations++;
        }
      }
    };
    const links = [
      ['membership', 'partnershipId', 'partnership_id', 'memberships'],
      ['participation', 'eventId', 'event_id', 'participations'],
    ] as const;
    for (const [type, key, col, count] of links) {
      const def = TABLES[type] as TableDef;
      for (const r of rows(`SELECT * FROM ${type} WHERE organisation_id = ?`, mergeId)) {
        const link = fromRow(def, r);
        const theirs = db.prepare(`SELECT * FROM ${type} WHERE organisation_id = ? AND ${col} = ?`).get(keepId, link[key]) as
          Record<string, unknown> | undefined;
        if (theirs) {
          const kept = fromRow(def, theirs);
          const fill: Record<string, unknown> = {};
          for (const d of ['startDate', 'endDate']) if (d in kept && empty(kept[d]) && !empty(link[d])) fill[d] = link[d];
          if (Object.keys(fill).length) store.update(def, kept.id, fill);
          moveCitations(type, link.id, kept.id);
          writer.delete(def, link);
          folded++;
        } else {
          store.update(def, link.id, { organisationId: keepId });
          moved[count]++;
        }
      }
    }
    for (const r of rows('SELECT * FROM relation WHERE source_id = ? OR target_id = ?', mergeId, mergeId)) {
      const rel = fromRow(TABLES.relation, r);
      const sourceId = rel.sourceId === mergeId ? keepId : rel.sourceId;
      const targetId = rel.targetId === mergeId ? keepId : rel.targetId;
      if (sourceId === targetId) {
        for (const c of rows(`SELECT * FROM citation WHERE record_type = 'relation' AND record_id = ?`, rel.id))
          writer.delete(TABLES.citation, fromRow(TABLES.citation, c));
        writer.delete(TABLES.relation, rel);
        folded++;
      } else {
        store.update(TABLES.relation, rel.id, { sourceId, targetId });
        moved.relations++;
      }
    }
    moveCitations('organisation', mergeId, keepId);
    store.update(org, keepId, patch);
    writer.delete(org, store.get(org, mergeId));
    if (input.sourceId) {
      const cited = db
        .prepare(`SELECT 1 FROM citation WHERE record_type = 'organisation' AND record_id = ? AND source_id = ?`)
        .get(keepId, input.sourceId);
      if (!cited) store.create(TABLES.citation, { sourceId: input.sourceId, recordType: 'organisation', recordId: keepId, locator: null });
    }
    writer.afterAction((actionId) => {
      db.prepare(
        `INSERT INTO merge_log (action_id, record_type, kept_id, merged_id, merged_name, fields) VALUES (?, 'organisation', ?, ?, ?, ?)`,
      ).run(actionId, keepId, mergeId, other.name, JSON.stringify(origin));
    });
    return { organisation: store.get(org, keepId) as RecordObject, moved, folded };
  });
}
