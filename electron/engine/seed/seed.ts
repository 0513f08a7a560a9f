// Loads the shipped seed network (resources/seed/seed.json) through the writer, as one import.
// Loading it twice adds nothing: records already present (by ID) are left as they are.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import * as S from '../../../shared/schemas';
import { parseOrThrow } from '../../../shared/validate';
import { TABLES, type TableDef } from '../store/tables';
import type { RecordStore } from '../store/records';
import type { Writer } from '../store/writer';

const withId = <T extends z.ZodObject>(fields: T) => z.array(fields.extend({ id: S.Id }));
const SeedFile = z.object({
  format: z.literal('stakeholder-atlas-seed'),
  version: z.literal(1),
  sources: withId(S.SourceFields),
  organisations: withId(S.OrganisationFields),
  partnerships: withId(S.PartnershipFields),
  memberships: withId(S.MembershipFields),
  events: withId(S.EventFields),
  participations: withId(S.ParticipationFields),
  relations: withId(S.RelationFields),
  citations: withId(S.CitationFields),
});

export interface SeedResult {
  created: number;
  skipped: number;
}

export function loadSeed(resourcesDir: string, store: RecordStore, writer: Writer): SeedResult {
  const file = join(resourcesDir, 'seed', 'seed.json');
  const seed = parseOrThrow(SeedFile, JSON.parse(readFileSync(file, 'utf8')), 'seed file');
  const order: [TableDef, readonly unknown[]][] = [
    [TABLES.source, seed.sources],
    [TABLES.organisation, seed.organisations],
    [TABLES.partnership, seed.partnerships],
    [TABLES.membership, seed.memberships],
    [TABLES.event, seed.events],
    [TABLES.participation, seed.participations],
    [TABLES.relation, seed.relations],
    [TABLES.citation, seed.citations],
  ];
  const result: SeedResult = { created: 0, skipped: 0 };
  writer.runImport({ label: 'Seed network', format: 'seed', file: 'resources/seed/seed.json' }, () => {
    for (const [def, records] of order) {
      for (const rec of records as { id: string }[]) {
        if (writer.read(def, rec.id)) result.skipped++;
        else {
          store.create(def, rec as Record<string, unknown>);
          result.created++;
        }
      }
    }
  });
  return result;
}
