// atlas query: a graph slice (or an ego network) as JSON, the same one the app would draw.
import type { Filters } from '../../../shared/schemas';
import { parseCommand, UsageError } from '../args';
import { type CliIO, printJson } from '../io';
import { withEngine } from '../open';

const many = { type: 'string', multiple: true } as const;
const one = { type: 'string' } as const;

/** The filter options, shared with `atlas export`. */
export const FILTER_PARSE_OPTIONS = Object.fromEntries(
  Object.entries({
    region: many,
    'sub-region': many,
    country: many,
    sector: many,
    'partnership-kind': many,
    'focus-area': many,
    'event-kind': many,
    tag: many,
    from: one,
    to: one,
    text: one,
    'min-weight': one,
  }),
) as Record<string, typeof many | typeof one>;

/** Option name → Filters field. Values go to the engine unchecked: validation is its job. */
const FILTER_OPTIONS = {
  region: ['regions', many],
  'sub-region': ['subRegions', many],
  country: ['countries', many],
  sector: ['sectors', many],
  'partnership-kind': ['partnershipKinds', many],
  'focus-area': ['focusAreas', many],
  'event-kind': ['eventKinds', many],
  tag: ['tags', many],
  from: ['dateFrom', one],
  to: ['dateTo', one],
  text: ['text', one],
  'min-weight': ['minWeight', one],
} as const satisfies Record<string, [keyof Filters, typeof many | typeof one]>;

const OPTIONS = {
  ...FILTER_PARSE_OPTIONS,
  view: one,
  ego: one,
  depth: one,
} as Record<string, typeof many | typeof one>;

export function filtersFrom(values: Record<string, unknown>): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  for (const [name, [field]] of Object.entries(FILTER_OPTIONS)) {
    const v = values[name];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    // The one numeric filter: a number for the engine to check, not a string it would refuse.
    if (field === 'minWeight' && !/^\d+$/.test(String(v))) throw new UsageError(`--min-weight must be a whole number, not '${String(v)}'`);
    filters[field] = field === 'minWeight' ? Number(v) : v;
  }
  return filters;
}

export async function query(argv: string[], io: CliIO): Promise<number> {
  const { common, values } = parseCommand(argv, OPTIONS);
  const filters = filtersFrom(values);
  const shared = {
    ...(Object.keys(filters).length ? { filters } : {}),
    ...(values.view !== undefined ? { view: values.view } : {}),
  };
  let depth = 1;
  if (values.depth !== undefined) {
    if (values.ego === undefined) throw new UsageError('--depth needs --ego ID');
    const raw = String(values.depth);
    if (!/^\d+$/.test(raw)) throw new UsageError(`--depth must be a whole number, not '${raw}'`);
    depth = Number(raw);
  }
  const slice = await withEngine(common.dbPath, (engine) =>
    values.ego !== undefined
      ? engine.call('graph.ego', { organisationId: values.ego, depth, ...shared })
      : engine.call('graph.slice', shared),
  );
  printJson(io.stdout, slice, io.stdout.isTTY === true);
  return 0;
}
