// Every drawn node as a sortable, filterable table: the keyboard and screen-reader way to reach any
// node, and a quick ranking by the network measures. Rows are virtualised (fixed row height, only
// the visible rows plus an overscan are in the DOM), so 5,000 rows scroll as smoothly as 50.
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { SECTOR_LABELS } from '../../../../shared/domain';
import { COMMUNITY_COLOURS, NO_REGION_COLOUR, SECTOR_COLOURS } from '../../../../shared/palette';
import type { GraphNode, NodeMetrics } from '../../../../shared/schemas';
import { foldText } from '../../../../shared/text-fold';
import { fmt, fmtInt, fmtNum, plural } from '../metrics/format';
import './table.css';

export interface NodeTableProps {
  nodes: GraphNode[];
  metrics: Map<string, NodeMetrics> | null;
  estimated: boolean;
  selectedId: string | null;
  onSelect(id: string, type: GraphNode['type']): void;
  onActivate?(id: string): void;
  /** Attribute columns chosen to show, after the built-in ones; each sorts by its type. */
  attributeColumns?: readonly TableAttribute[];
}

export interface TableAttribute {
  name: string;
  type: 'text' | 'number' | 'date' | 'boolean' | 'list';
  /** Node ID → the value shown, already as the type sorts it (a number, a date key, text). */
  valueOf(id: string): string | number | null;
}

const ROW_H = 30;
const HEAD_H = 40;
const OVERSCAN = 10;

type Value = string | number | null;
interface Row {
  node: GraphNode;
  m: NodeMetrics | undefined;
  /** Lower-cased name and acronym without diacritics, for the filter. */
  key: string;
}
interface Column {
  key: string;
  label: string;
  /** A second, smaller line under the label, such as "(estimate)". */
  sub?: string;
  /** Longer description for the header's tooltip. */
  hint?: string;
  width: number;
  numeric: boolean;
  value(r: Row): Value;
  cell?(r: Row): ReactNode;
  /** Tooltip for text that may be cut off. */
  title?(r: Row): string;
}

const TYPE_LABELS: Record<GraphNode['type'], string> = { organisation: 'Organisation', partnership: 'Partnership', event: 'Event' };
const humanise = (s: string) => s.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
// Made on first sort, not as the page loads (an Intl object's first construction loads locale data).
let made: Intl.Collator | undefined;
const collator = {
  compare: (a: string, b: string) => (made ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true })).compare(a, b),
};
const dot = (colour: string) => <span className="nt-dot" style={{ background: colour }} aria-hidden="true" />;

const BASE_COLUMNS: Column[] = [
  {
    key: 'name',
    label: 'Name',
    width: 190,
    numeric: false,
    value: (r) => r.node.name,
    title: (r) => (r.node.acronym ? `${r.node.name} (${r.node.acronym})` : r.node.name),
    cell: (r) => (
      <>
        <span className="nt-name">{r.node.name}</span>
        {r.node.acronym && r.node.acronym !== r.node.name && <span className="nt-acronym">{r.node.acronym}</span>}
      </>
    ),
  },
  {
    key: 'type',
    label: 'Type',
    width: 108,
    numeric: false,
    value: (r) => `${TYPE_LABELS[r.node.type]} ${r.node.kind ?? ''}`,
    title: (r) => (r.node.kind ? `${TYPE_LABELS[r.node.type]}: ${humanise(r.node.kind)}` : TYPE_LABELS[r.node.type]),
    cell: (r) => TYPE_LABELS[r.node.type],
  },
  {
    key: 'sector',
    label: 'Sector',
    width: 134,
    numeric: false,
    value: (r) => (r.node.sector ? SECTOR_LABELS[r.node.sector] : null),
    cell: (r) =>
      r.node.sector ? (
        <>
          {dot(SECTOR_COLOURS[r.node.sector])}
          {SECTOR_LABELS[r.node.sector]}
        </>
      ) : null,
  },
  {
    key: 'country',
    label: 'Country',
    width: 130,
    numeric: false,
    value: (r) => r.node.countryName ?? r.node.country,
    title: (r) => r.node.countryName ?? r.node.country ?? '',
  },
  { key: 'region', label: 'Region', width: 96, numeric: false, value: (r) => r.node.region },
];

function metricColumns(estimated: boolean): Column[] {
  const sub = estimated ? '(estimate)' : undefined;
  return [
    {
      key: 'degree',
      label: 'Degree',
      hint: 'Number of organisations tied to this one',
      width: 80,
      numeric: true,
      value: (r) => r.m?.degree ?? null,
      cell: (r) => fmtInt(r.m?.degree),
    },
    {
      key: 'weightedDegree',
      label: 'Weighted degree',
      hint: 'Sum of tie weights (shared partnerships, events and relations)',
      width: 92,
      numeric: true,
      value: (r) => r.m?.weightedDegree ?? null,
      cell: (r) => fmtNum(r.m?.weightedDegree),
    },
    {
      key: 'betweenness',
      label: 'Betweenness',
      sub,
      hint: `Share of shortest paths that run through this organisation${estimated ? ', estimated from a sample of sources' : ''}`,
      width: 124,
      numeric: true,
      value: (r) => r.m?.betweenness ?? null,
      cell: (r) => fmt(r.m?.betweenness),
    },
    {
      key: 'closeness',
      label: 'Closeness',
      sub,
      hint: `How near this organisation is to all others it can reach${estimated ? ', estimated from a sample of sources' : ''}`,
      width: 100,
      numeric: true,
      value: (r) => r.m?.closeness ?? null,
      cell: (r) => fmt(r.m?.closeness),
    },
    {
      key: 'pagerank',
      label: 'PageRank',
      hint: 'Importance from being tied to important organisations',
      width: 100,
      numeric: true,
      value: (r) => r.m?.pagerank ?? null,
      cell: (r) => fmt(r.m?.pagerank),
    },
    {
      key: 'community',
      label: 'Community',
      width: 108,
      numeric: true,
      value: (r) => r.m?.community ?? null,
      cell: (r) =>
        r.m ? (
          <>
            {dot(COMMUNITY_COLOURS[r.m.community] ?? NO_REGION_COLOUR)}
            {r.m.community + 1}
          </>
        ) : null,
    },
    {
      key: 'component',
      label: 'Component',
      width: 108,
      numeric: true,
      value: (r) => r.m?.component ?? null,
      cell: (r) => (r.m ? String(r.m.component + 1) : ''),
    },
  ];
}

type Sort = { key: string; dir: 'asc' | 'desc' };

function compare(a: Value, b: Value, dir: 1 | -1): number {
  // Nulls (and empty text) last, whichever the direction.
  const an = a === null || a === '';
  const bn = b === null || b === '';
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return (a - b) * dir;
  return collator.compare(String(a), String(b)) * dir;
}

const RowView = memo(function RowView({
  row,
  index,
  columns,
  selected,
  active,
  domId,
}: {
  row: Row;
  index: number;
  columns: Column[];
  selected: boolean;
  active: boolean;
  domId: string;
}) {
  return (
    <div
      role="row"
      id={domId}
      className="nt-row"
      data-id={row.node.id}
      data-type={row.node.type}
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={active ? 0 : -1}
      style={{ transform: `translateY(${index * ROW_H}px)` }}
    >
      {columns.map((c) => {
        const content = c.cell ? c.cell(row) : c.value(row);
        return (
          <div
            key={c.key}
            role="gridcell"
            title={c.title?.(row) || undefined}
            className={`nt-cell${c.numeric ? ' num' : ''}${c.key === 'name' ? ' nt-sticky' : ''}`}
          >
            {content}
          </div>
        );
      })}
    </div>
  );
});

export function NodeTable({ nodes, metrics, estimated, selectedId, onSelect, onActivate, attributeColumns }: NodeTableProps) {
  const uid = useId();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'name', dir: 'asc' });
  const [activeId, setActiveId] = useState<string | null>(null);
  const [range, setRange] = useState({ first: 0, last: 40 });
  const [height, setHeight] = useState(400);
  const scroller = useRef<HTMLDivElement>(null);
  const focusNext = useRef(false);
  // Bumped with every keyboard move so the focus effect runs even when the active row is unchanged.
  const [, setMoves] = useState(0);

  const columns = useMemo(() => {
    const base = metrics ? [...BASE_COLUMNS, ...metricColumns(estimated)] : BASE_COLUMNS;
    const extra = (attributeColumns ?? []).map<Column>((a) => ({
      key: `attr:${a.name}`,
      label: a.name,
      hint: `Attribute (${a.type})`,
      width: a.type === 'number' ? 96 : 130,
      numeric: a.type === 'number',
      value: (r) => a.valueOf(r.node.id),
      title: (r) => String(a.valueOf(r.node.id) ?? ''),
    }));
    return [...base, ...extra];
  }, [metrics, estimated, attributeColumns]);
  const template = columns.map((c) => (c.key === 'name' ? `minmax(${c.width}px, 1fr)` : `${c.width}px`)).join(' ');
  const minWidth = columns.reduce((s, c) => s + c.width, 0);
  // A sort on a measure that is no longer shown falls back to the name.
  const activeSort = columns.some((c) => c.key === sort.key) ? sort : { key: 'name', dir: 'asc' as const };

  const all = useMemo<Row[]>(
    () =>
      nodes.map((node) => ({ node, m: metrics?.get(node.id), key: foldText(node.acronym ? `${node.name} ${node.acronym}` : node.name) })),
    [nodes, metrics],
  );
  const rows = useMemo(() => {
    const q = foldText(query.trim());
    const kept = q ? all.filter((r) => r.key.includes(q)) : all.slice();
    const col = columns.find((c) => c.key === activeSort.key) ?? columns[0]!;
    const dir = activeSort.dir === 'asc' ? 1 : -1;
    const values = new Map(kept.map((r) => [r, col.value(r)]));
    return kept.sort((a, b) => compare(values.get(a)!, values.get(b)!, dir) || collator.compare(a.node.name, b.node.name));
  }, [all, query, columns, activeSort.key, activeSort.dir]);
  const indexOf = useMemo(() => new Map(rows.map((r, i) => [r.node.id, i])), [rows]);
  const activeIndex = activeId !== null && indexOf.has(activeId) ? indexOf.get(activeId)! : rows.length ? 0 : -1;
  const activeRowId = rows[activeIndex]?.node.id ?? null;

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const first = Math.max(0, Math.floor(el.scrollTop / ROW_H) - OVERSCAN);
    const last = Math.ceil((el.scrollTop + el.clientHeight - HEAD_H) / ROW_H) + OVERSCAN;
    setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
  }, []);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      setHeight(el.clientHeight);
      measure();
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [measure]);
  // Rows came or went (filter, new slice): the window may now be past the end.
  useLayoutEffect(measure, [rows.length, measure]);

  const scrollToIndex = useCallback((i: number, how: 'nearest' | 'center') => {
    const el = scroller.current;
    if (!el || i < 0) return;
    const top = el.scrollTop;
    const view = el.clientHeight - HEAD_H;
    const rowTop = i * ROW_H;
    const visible = rowTop >= top && rowTop + ROW_H <= top + view;
    if (visible) return;
    if (how === 'center') el.scrollTop = Math.max(0, rowTop - (view - ROW_H) / 2);
    else el.scrollTop = rowTop < top ? rowTop : rowTop + ROW_H - view;
  }, []);

  // A new order or a new filter shows the selected row where it now is, or starts from the top.
  const latest = useRef({ indexOf, selectedId });
  latest.current = { indexOf, selectedId };
  const firstRender = useRef(true);
  useLayoutEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const el = scroller.current;
    if (!el) return;
    const { indexOf: at, selectedId: sel } = latest.current;
    const i = sel !== null ? at.get(sel) : undefined;
    if (i === undefined) el.scrollTop = 0;
    else el.scrollTop = Math.max(0, i * ROW_H - (el.clientHeight - HEAD_H - ROW_H) / 2);
  }, [activeSort.key, activeSort.dir, query]);

  // A selection made elsewhere (the graph, the search box): show it here.
  const lastSelected = useRef<string | null>(null);
  useEffect(() => {
    if (selectedId === lastSelected.current) return;
    lastSelected.current = selectedId;
    if (selectedId === null || !indexOf.has(selectedId)) return;
    setActiveId(selectedId);
    scrollToIndex(indexOf.get(selectedId)!, 'center');
  }, [selectedId, indexOf, scrollToIndex]);

  // After a keyboard move, focus follows the active row once it is rendered.
  useLayoutEffect(() => {
    if (!focusNext.current || activeRowId === null) return;
    focusNext.current = false;
    const el = scroller.current?.querySelector<HTMLElement>(`[role=row][data-id="${CSS.escape(activeRowId)}"]`);
    el?.focus({ preventScroll: true });
  });

  const moveTo = (i: number) => {
    if (!rows.length) return;
    const j = Math.max(0, Math.min(rows.length - 1, i));
    focusNext.current = true;
    setMoves((m) => m + 1);
    setActiveId(rows[j]!.node.id);
    scrollToIndex(j, 'nearest');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.target as HTMLElement).matches('[role=row]')) return;
    const page = Math.max(1, Math.floor((height - HEAD_H) / ROW_H) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeIndex + 1),
      ArrowUp: () => moveTo(activeIndex - 1),
      PageDown: () => moveTo(activeIndex + page),
      PageUp: () => moveTo(activeIndex - page),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      Enter: () => {
        const r = rows[activeIndex];
        if (!r) return;
        if ((e.ctrlKey || e.metaKey) && onActivate) onActivate(r.node.id);
        else onSelect(r.node.id, r.node.type);
      },
      ' ': () => {
        const r = rows[activeIndex];
        if (r) onSelect(r.node.id, r.node.type);
      },
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    e.stopPropagation();
    act();
  };

  const rowOf = (e: MouseEvent) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[role=row][data-id]');
    const id = el?.dataset.id;
    return id !== undefined && indexOf.has(id) ? rows[indexOf.get(id)!]! : null;
  };
  const onClick = (e: MouseEvent) => {
    const r = rowOf(e);
    if (!r) return;
    setActiveId(r.node.id);
    onSelect(r.node.id, r.node.type);
  };
  const onDoubleClick = (e: MouseEvent) => {
    const r = rowOf(e);
    if (r && onActivate) onActivate(r.node.id);
  };

  const toggleSort = (c: Column) =>
    setSort(
      activeSort.key === c.key
        ? { key: c.key, dir: activeSort.dir === 'asc' ? 'desc' : 'asc' }
        : { key: c.key, dir: c.numeric ? 'desc' : 'asc' },
    );

  // The visible window, plus the active row wherever it is, so focus never lands on nothing.
  const last = Math.min(rows.length - 1, range.last);
  const shown: number[] = [];
  if (activeIndex >= 0 && activeIndex < range.first) shown.push(activeIndex);
  for (let i = range.first; i <= last; i++) shown.push(i);
  if (activeIndex > last) shown.push(activeIndex);

  const gridId = `${uid}-grid`;
  const rowDomId = (id: string) => `${uid}-r-${id}`;
  const filtered = query.trim() !== '';

  return (
    <div className="node-table" data-testid="node-table">
      <div className="nt-bar">
        <input
          type="search"
          className="nt-filter"
          placeholder="Filter by name or acronym"
          aria-label="Filter nodes by name"
          aria-controls={gridId}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && rows.length) {
              e.preventDefault();
              moveTo(activeIndex);
            }
          }}
        />
        <span className="nt-count" aria-live="polite" data-testid="node-table-count">
          {fmtInt(rows.length)} of {plural(nodes.length, 'node')}
        </span>
      </div>
      <div className="nt-frame">
        <div className="nt-scroller" ref={scroller} onScroll={measure}>
          <div
            className="nt-grid"
            id={gridId}
            role="grid"
            aria-label="Nodes in the view"
            aria-rowcount={rows.length + 1}
            aria-colcount={columns.length}
            aria-readonly="true"
            style={{ minWidth, ['--nt-cols' as string]: template }}
            onKeyDown={onKeyDown}
          >
            <div role="rowgroup" className="nt-head">
              <div role="row" aria-rowindex={1} className="nt-head-row">
                {columns.map((c) => {
                  const sorted = activeSort.key === c.key;
                  return (
                    <div
                      key={c.key}
                      role="columnheader"
                      className={`nt-th${c.numeric ? ' num' : ''}${c.key === 'name' ? ' nt-sticky' : ''}`}
                      aria-sort={sorted ? (activeSort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                    >
                      <button
                        type="button"
                        title={c.hint ? `${c.hint}. Sort by ${c.label.toLowerCase()}` : `Sort by ${c.label.toLowerCase()}`}
                        onClick={() => toggleSort(c)}
                      >
                        <span className="nt-th-text">
                          <span className="nt-th-label">{c.label}</span>
                          {c.sub && <span className="nt-th-sub"> {c.sub}</span>}
                        </span>
                        {sorted && (
                          <span className="nt-arrow" aria-hidden="true">
                            {activeSort.dir === 'asc' ? '▲' : '▼'}
                          </span>
                        )}
                      </button>
                    </div>
                  );
                })}
              </div>
            </div>
            <div
              role="rowgroup"
              className="nt-body"
              style={{ height: rows.length * ROW_H }}
              onClick={onClick}
              onDoubleClick={onDoubleClick}
            >
              {shown.map((i) => {
                const r = rows[i]!;
                return (
                  <RowView
                    key={r.node.id}
                    row={r}
                    index={i}
                    columns={columns}
                    selected={r.node.id === selectedId}
                    active={i === activeIndex}
                    domId={rowDomId(r.node.id)}
                  />
                );
              })}
            </div>
          </div>
        </div>
        {rows.length === 0 && (
          <div className="nt-empty" role="status">
            {nodes.length === 0 ? (
              <p>No nodes are drawn in this view.</p>
            ) : filtered ? (
              <>
                <p>No name or acronym matches “{query.trim()}”.</p>
                <button type="button" className="nt-clear" onClick={() => setQuery('')}>
                  Clear the filter
                </button>
              </>
            ) : null}
          </div>
        )}
      </div>
    </div>
  );
}
