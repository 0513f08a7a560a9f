// Merging an incoming record into one already there: only gaps are filled, nothing is overwritten.
import type { RecordObject } from '../../store/tables';

/** A merge fills what the existing record lacks and never overwrites what someone entered. */
export function fillGaps(existing: RecordObject, incoming: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(incoming)) {
    if (k === 'id' || k === 'createdAt' || k === 'updatedAt' || !(k in existing)) continue;
    const old = existing[k];
    if (k === 'attributes' || k === 'positions' || k === 'style') {
      const merged = { ...(v as object), ...(old as object) };
      if (JSON.stringify(merged) !== JSON.stringify(old)) patch[k] = merged;
    } else if (Array.isArray(old) && Array.isArray(v)) {
      const merged = [...new Set([...old, ...v])];
      if (merged.length !== old.length) patch[k] = merged;
    } else if ((old === null || old === '') && v !== null && v !== undefined && v !== '') patch[k] = v;
  }
  return patch;
}
