// Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as comparable bounds: the earliest day a date can mean
// when it starts something, the latest when it ends something. Only for comparing: "-31" ends any
// month. The SQL twin is the start_key/end_key columns in db/migrations/001-initial-data-model.ts.

export function startBound(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

export function endBound(date: string): string {
  return date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
}
