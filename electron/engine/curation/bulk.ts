// Bulk edit from the table: one field (sector, country, tags, an attribute) set on many
// organisations at once, as one action (one Ctrl+Z takes it all back), each record written
// through the store so references and rules are checked as for one; a source given is cited by
// every record changed.
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { BulkInput } from '../../../shared/schemas';
import type { RecordStore } from '../store/records';
import { TABLES } from '../store/tables';
import type { Writer } from '../store/writer';

export function bulkUpdate(db: Database, store: RecordStore, writer: Writer, input: z.infer<typeof BulkInput>): { changed: number } {
  const { set } = input;
  const what = [
    set.sector !== undefined && 'sector',
    set.country !== undefined && 'country',
    (set.addTags?.length || set.removeTags?.length) && 'tags',
    set.attribute && `‘${set.attribute.name}’`,
  ]
    .filter(Boolean)
    .join(', ');
  return writer.transaction(
    () => {
      let changed = 0;
      const cites = db.prepare(`SELECT 1 FROM citation WHERE record_type = 'organisation' AND record_id = ? AND source_id = ?`);
      for (const id of input.ids) {
        const rec = store.get(TABLES.organisation, id);
        const patch: Record<string, unknown> = {};
        if (set.sector !== undefined && rec.sector !== set.sector) patch.sector = set.sector;
        if (set.country !== undefined && rec.country !== set.country) patch.country = set.country;
        if (set.addTags?.length || set.removeTags?.length) {
          const drop = new Set(set.removeTags ?? []);
          const tags = [...new Set([...(rec.tags as string[]), ...(set.addTags ?? [])])].filter((t) => !drop.has(t));
          if (JSON.stringify(tags) !== JSON.stringify(rec.tags)) patch.tags = tags;
        }
        if (set.attribute) {
          const attrs = rec.attributes as Record<string, unknown>;
          if (JSON.stringify(attrs[set.attribute.name]) !== JSON.stringify(set.attribute.value))
            patch.attributes = { ...attrs, [set.attribute.name]: set.attribute.value };
        }
        if (Object.keys(patch).length === 0) continue;
        store.update(TABLES.organisation, id, patch);
        if (input.sourceId && !cites.get(id, input.sourceId))
          store.create(TABLES.citation, { sourceId: input.sourceId, recordType: 'organisation', recordId: id, locator: null });
        changed++;
      }
      return { changed };
    },
    { label: `Set ${what || 'nothing'} on ${input.ids.length.toLocaleString('en')} organisation${input.ids.length === 1 ? '' : 's'}` },
  );
}
