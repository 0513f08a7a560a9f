// The attribute catalogue: every attribute name of every record kind, with its type. Attributes
// live in each record's `attributes` JSON column; the catalogue is inferred from their values by
// SQLite (json_each, grouped by name and by what each value looks like) whenever the change log
// has moved on, so an import's new columns are typed as soon as it commits, and a correction the
// user made is kept in `attribute_type` and wins over the inference. Why a JSON column and not
// typed storage: ARCHITECTURE.md, "Attributes".
import type { Database, Statement } from 'better-sqlite3';
import { classify, inferType, type AttributeKind, type AttributeType, type ClassCounts, type ValueClass } from '../../../shared/attributes';
import { AtlasError } from '../../../shared/errors';
import type { AttributeInfo } from '../../../shared/schemas';

const KIND_TABLE: Record<AttributeKind, string> = {
  organisation: 'organisation',
  partnership: 'partnership',
  event: 'event',
  relation: 'relation',
};

// json_each's types straight to value classes; only text needs looking at (in JavaScript).
const CLASS_SQL = `CASE j.type WHEN 'integer' THEN 'integer' WHEN 'real' THEN 'real' WHEN 'true' THEN 'boolean'
  WHEN 'false' THEN 'boolean' WHEN 'array' THEN 'list' WHEN 'text' THEN atlas_value_class(j.value) ELSE NULL END`;

export interface CatalogueEntry extends AttributeInfo {
  /** How many values of each class: the integer/real split decides an export's column type. */
  classes: ClassCounts;
}

function registerFunctions(db: Database): void {
  db.function('atlas_value_class', { deterministic: true }, (value: unknown) => classify(value));
}

export class AttributeCatalogue {
  private cached: { version: number; entries: CatalogueEntry[] } | null = null;
  private readonly versionStmt: Statement;
  private readonly stats: Record<AttributeKind, Statement>;

  constructor(private readonly db: Database) {
    registerFunctions(db);
    this.versionStmt = db.prepare(`SELECT coalesce(max(seq), 0) FROM change`).pluck();
    this.stats = Object.fromEntries(
      Object.entries(KIND_TABLE).map(([kind, table]) => [
        kind,
        db
          .prepare(
            `SELECT j.key, ${CLASS_SQL} AS cls, count(*) FROM ${table} t, json_each(t.attributes) j
              WHERE t.attributes <> '{}' GROUP BY j.key, cls`,
          )
          .raw(),
      ]),
    ) as Record<AttributeKind, Statement>;
  }

  /** Every attribute, by kind then name. */
  list(): CatalogueEntry[] {
    const version = this.versionStmt.get() as number;
    if (this.cached?.version === version) return this.cached.entries;
    const corrected = new Map(
      (this.db.prepare('SELECT record_kind, name, type FROM attribute_type').raw().all() as [string, string, AttributeType][]).map(
        ([k, n, t]) => [`${k}\u0000${n}`, t],
      ),
    );
    const entries: CatalogueEntry[] = [];
    for (const kind of Object.keys(KIND_TABLE) as AttributeKind[]) {
      const byName = new Map<string, ClassCounts>();
      for (const [name, cls, n] of this.stats[kind].all() as [string, ValueClass | null, number][]) {
        let counts = byName.get(name);
        if (!counts) byName.set(name, (counts = {}));
        if (cls !== null) counts[cls] = (counts[cls] ?? 0) + n;
      }
      for (const [name, classes] of [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const inferred = inferType(classes);
        const correction = corrected.get(`${kind}\u0000${name}`);
        const count = Object.values(classes).reduce((s, n) => s + n, 0);
        entries.push({ kind, name, type: correction ?? inferred, inferred, corrected: correction !== undefined, count, classes });
      }
    }
    this.cached = { version, entries };
    return entries;
  }

  get(kind: AttributeKind, name: string): CatalogueEntry | undefined {
    return this.list().find((e) => e.kind === kind && e.name === name);
  }

  /** The entry, or a not_found error naming what exists. */
  need(kind: AttributeKind, name: string): CatalogueEntry {
    const entry = this.get(kind, name);
    if (!entry) {
      const names = this.list()
        .filter((e) => e.kind === kind)
        .map((e) => e.name);
      const known = names.length ? `; ${kind} attributes: ${names.slice(0, 20).join(', ')}` : `; no ${kind} has attributes`;
      throw new AtlasError('not_found', `No ${kind} has an attribute "${name}"${known}`, 'name');
    }
    return entry;
  }

  /** Corrects a type (or, with null, goes back to the inferred one). */
  setType(kind: AttributeKind, name: string, type: AttributeType | null, now: string): AttributeInfo {
    this.need(kind, name);
    if (type === null) this.db.prepare('DELETE FROM attribute_type WHERE record_kind = ? AND name = ?').run(kind, name);
    else {
      this.db
        .prepare(
          `INSERT INTO attribute_type (record_kind, name, type, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (record_kind, name) DO UPDATE SET type = excluded.type, updated_at = excluded.updated_at`,
        )
        .run(kind, name, type, now);
    }
    this.cached = null;
    const { classes: _classes, ...info } = this.need(kind, name);
    return info;
  }
}
